// Package queries answers questions about a frozen attack graph: which nodes
// a selector names, the k cheapest loop-free paths between two node sets,
// and (later) blast radius, reverse reach and choke points. It returns node
// and edge indexes; formatting belongs to package render.
package queries
