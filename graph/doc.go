// Package graph is pathfinder's attack graph: node kinds, edges that carry a
// technique, a cost and the evidence that makes them true, and a compact,
// int-indexed store with forward and reverse adjacency that is frozen after
// it is built.
//
// An edge A → B means: an attacker who controls A gains B. The techniques
// that derive edges from an estate, and Build which runs them, live in
// graph/technique; this package holds only the vocabulary and the store.
//
// The store does no I/O and is safe for concurrent reads once frozen.
package graph
