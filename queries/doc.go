// Package queries answers questions about a frozen attack graph: which nodes
// a selector names, the k cheapest loop-free paths between two node sets,
// blast radius (everything a foothold reaches), reverse reach (who can reach
// a target) and choke points (a minimum edge cut between two node sets). It
// returns node and edge indexes; formatting belongs to package render.
package queries
