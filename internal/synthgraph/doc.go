// Package synthgraph generates large attack graphs with the structure of a
// real organisation, for benchmarks: the internet reaches load balancers and
// public instances, instances expose their metadata endpoints, which hand
// out workload roles, roles assume roles (inside accounts, through a few
// hubs of the organisation, and across accounts), and roles and users read
// buckets, keys and secrets. A hundred or so buckets are tagged
// data-classification=pii as targets.
//
// The generator is deterministic for a seed, produces exactly the numbers
// of nodes and edges asked for, and shares one edge detail per technique
// (graph.Builder.AddEdgeLike), so that a graph of 5 million edges costs
// memory for its arrays, not for 5 million explanations. It is for
// benchmarks only: tests build small graphs by hand.
package synthgraph
