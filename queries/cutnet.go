package queries

import (
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// Vertices of the cut network besides the graph's own.
const (
	superSource int32 = 0
	superSink   int32 = 1
)

// cutNetwork is the flow network of a choke-point query: a super-source
// with an arc of unbounded capacity to every source, one arc per usable
// graph edge, and every edge into a target redirected to a super-sink,
// since paths stop at the first target. Only edges on some source → target
// walk are kept, which on a large estate is a small part of it.
type cutNetwork struct {
	net   *flowNetwork
	edges []graph.EdgeID // graph edge of each kept arc
	arcs  []int32        // its arc in net
}

// The roles a node plays in a choke-point query.
type cutRoles struct {
	source, target []bool
	allowed        uint8
}

// expands reports whether a path may leave node n: from a source, or from
// any node that is not a target.
func (r *cutRoles) expands(n graph.NodeIndex) bool { return r.source[n] || !r.target[n] }

func newRoles(g *graph.Graph, sources, targets []graph.NodeIndex, allowed uint8) *cutRoles {
	roles := &cutRoles{source: make([]bool, g.NumNodes()), target: make([]bool, g.NumNodes()), allowed: allowed}
	for _, s := range sources {
		roles.source[s] = true
	}
	for _, t := range targets {
		roles.target[t] = true
	}
	return roles
}

// relevantEdges returns, in ascending order, the usable edges that lie on
// some walk from a source to a target that passes no other target.
func relevantEdges(g *graph.Graph, sources, targets []graph.NodeIndex, roles *cutRoles) []graph.EdgeID {
	forward := forwardReach(g, sources, roles)
	backward := backwardReach(g, targets, roles)
	var kept []graph.EdgeID
	for u := range graph.NodeIndex(g.NumNodes()) {
		if !forward[u] || !roles.expands(u) {
			continue
		}
		first, end := g.Out(u)
		for e := first; e < end; e++ {
			v := g.To(e)
			if g.Assumes(e)&^roles.allowed == 0 && (roles.target[v] || backward[v]) {
				kept = append(kept, e)
			}
		}
	}
	return kept
}

func newCutNetwork(g *graph.Graph, sources, targets []graph.NodeIndex, allowed uint8) *cutNetwork {
	roles := newRoles(g, sources, targets, allowed)
	kept := relevantEdges(g, sources, targets, roles)
	vertex := make(map[graph.NodeIndex]int32, len(kept)/2)
	vertexOf := func(n graph.NodeIndex) int32 {
		if v, ok := vertex[n]; ok {
			return v
		}
		vertex[n] = int32(len(vertex)) + 2 // after S and T
		return vertex[n]
	}
	specs := make([]arcSpec, len(kept), len(kept)+len(sources))
	for i, e := range kept {
		head := superSink
		if to := g.To(e); !roles.target[to] {
			head = vertexOf(to)
		}
		specs[i] = arcSpec{tail: vertexOf(g.From(e)), head: head, capacity: int64(FixDisruption(g.Edge(e).Technique))}
	}
	// One edge must outweigh the disruptions of all edges together, so that
	// the minimum cut is first the smallest and only then the least
	// disruptive.
	unit := int64(maxFixDisruption*len(specs) + 1)
	for i := range specs {
		specs[i].capacity += unit
	}
	unbounded := unit * int64(len(specs)+1)
	for _, s := range slices.Compact(slices.Sorted(slices.Values(sources))) {
		if v, ok := vertex[s]; ok {
			specs = append(specs, arcSpec{tail: superSource, head: v, capacity: unbounded})
		}
	}
	net, arcs := newFlowNetwork(len(vertex)+2, specs)
	return &cutNetwork{net: net, edges: kept, arcs: arcs[:len(kept)]}
}

// minCut returns the edges of a minimum cut, in edge order.
func (c *cutNetwork) minCut() []graph.EdgeID {
	c.net.maxFlow(superSource, superSink)
	var cut []graph.EdgeID
	for i, a := range c.arcs {
		tail := c.net.head[c.net.twin[a]]
		if c.net.level[tail] >= 0 && c.net.level[c.net.head[a]] < 0 {
			cut = append(cut, c.edges[i])
		}
	}
	slices.Sort(cut)
	return cut
}

// forwardReach marks the nodes a path from a source can visit.
func forwardReach(g *graph.Graph, sources []graph.NodeIndex, roles *cutRoles) []bool {
	seen := make([]bool, g.NumNodes())
	queue := slices.Clone(sources)
	for _, s := range sources {
		seen[s] = true
	}
	for i := 0; i < len(queue); i++ {
		u := queue[i]
		if !roles.expands(u) {
			continue
		}
		first, end := g.Out(u)
		for e := first; e < end; e++ {
			if v := g.To(e); !seen[v] && g.Assumes(e)&^roles.allowed == 0 {
				seen[v] = true
				queue = append(queue, v)
			}
		}
	}
	return seen
}

// backwardReach marks the nodes that are not targets and from which a path
// reaches a target without passing another one.
func backwardReach(g *graph.Graph, targets []graph.NodeIndex, roles *cutRoles) []bool {
	seen := make([]bool, g.NumNodes())
	queue := slices.Clone(targets)
	for i := 0; i < len(queue); i++ {
		for _, e := range g.In(queue[i]) {
			w := g.From(e)
			if seen[w] || roles.target[w] || g.Assumes(e)&^roles.allowed != 0 {
				continue
			}
			seen[w] = true
			queue = append(queue, w)
		}
	}
	return seen
}
