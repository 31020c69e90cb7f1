// Package render turns paths found by package queries into what people and
// programs read: the JSON answer of `paths` (SNAPSHOT.md §2), a plain-text
// report for a terminal, and a DOT graph of the paths' subgraph, which the
// sub-package svg lays out as SVG through goccy/go-graphviz.
//
// Rendering never decides what is on a path: it prints the nodes and edges it
// is given, with the explanation, evidence and remediation the graph already
// holds. Every output is deterministic: the same graph and paths give the
// same bytes.
//
// Only render/svg touches graphviz: go-graphviz compiles its WebAssembly
// module in its package init, so a binary that links it pays that once at
// start-up (about 1 s the first time on a machine, tens of milliseconds
// afterwards thanks to its compilation cache in the temporary directory).
// Keeping it out of this package spares every program that only prints.
package render
