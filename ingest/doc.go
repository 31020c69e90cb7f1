// Package ingest defines the Estate: a plain, typed, JSON-serialisable
// inventory of an AWS estate (accounts, principals, policies, network,
// compute and data stores) that every loader produces and the graph builder
// consumes. Loaders live in sub-packages: scenario (hand-written YAML) and
// snapshot (a directory of AWS CLI JSON). The package knows nothing about
// the attack graph.
package ingest
