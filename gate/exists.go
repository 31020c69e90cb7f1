package gate

import (
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// ExistsIn reports whether every hop of the path is still an edge of g with
// the same techniques, needing no assumption outside allowed (a mask of
// graph.AssumptionMask bits). Whether a path still exists is decided this
// way, exactly, rather than by looking for it among the k cheapest paths of
// a query, where a path can drop out because cheaper ones appeared.
func (k Key) ExistsIn(g *graph.Graph, allowed uint8) bool {
	if !k.Valid() {
		return false
	}
	prev, ok := g.Lookup(k.Nodes[0])
	if !ok {
		return false
	}
	for i, id := range k.Nodes[1:] {
		next, ok := g.Lookup(id)
		if !ok || !hasHop(g, prev, next, k.Techniques[i], allowed) {
			return false
		}
		prev = next
	}
	return true
}

func hasHop(g *graph.Graph, from, to graph.NodeIndex, techniques []string, allowed uint8) bool {
	first, end := g.Out(from)
	for e := first; e < end; e++ {
		if g.To(e) == to && g.Assumes(e)&^allowed == 0 && slices.Equal(hopTechniques(g.Edge(e)), techniques) {
			return true
		}
	}
	return false
}

// answersQuery reports whether a path that exists in g is also an answer
// of the query: it starts at a source, ends at a target, is short enough,
// and passes no other target on the way (queries stop at the first).
func (k Key) answersQuery(g *graph.Graph, sources, targets map[graph.NodeIndex]bool, maxHops int) bool {
	if len(k.Techniques) > maxHops {
		return false
	}
	for i, id := range k.Nodes {
		n, ok := g.Lookup(id)
		if !ok {
			return false
		}
		switch {
		case i == 0 && !sources[n]:
			return false
		case i == len(k.Nodes)-1 && !targets[n]:
			return false
		case i > 0 && i < len(k.Nodes)-1 && targets[n]:
			return false
		}
	}
	return true
}

func assumeMask(as []graph.Assumption) uint8 {
	var mask uint8
	for _, a := range as {
		mask |= graph.AssumptionMask(a)
	}
	return mask
}

func indexSet(ns []graph.NodeIndex) map[graph.NodeIndex]bool {
	set := make(map[graph.NodeIndex]bool, len(ns))
	for _, n := range ns {
		set[n] = true
	}
	return set
}
