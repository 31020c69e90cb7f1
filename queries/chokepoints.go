package queries

import (
	"cmp"
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// DefaultChokeLimit is how many paths Chokepoints enumerates to rank the
// edges of the cut.
const DefaultChokeLimit = 100

// Chokepoint is one edge of a minimum cut and the enumerated paths that
// pass through it (indexes into Chokepoints.Paths).
type Chokepoint struct {
	Edge  graph.EdgeID
	Paths []int
}

// Chokepoints is the answer of a choke-point query.
type Chokepoints struct {
	// Cut is a smallest set of edges whose removal leaves no path from a
	// source to a target, most paths cut first. Empty when the sources
	// cannot reach the targets at all.
	Cut []Chokepoint
	// Paths are the cheapest paths, as Paths returns them with the query's
	// options; they rank the cut.
	Paths []Path
	// Truncated is set when there may be more paths than Paths holds.
	Truncated bool
}

// Disconnected reports whether no path leads from the sources to the
// targets, so that there is nothing to cut.
func (c Chokepoints) Disconnected() bool { return len(c.Cut) == 0 }

// FindChokepoints finds a minimum edge cut between sources and targets and
// ranks its edges by how many of the opt.Limit cheapest paths (default
// DefaultChokeLimit) each one removes.
//
// The cut is a minimum s-t cut (Dinic's maximum flow) of the graph's usable
// edges (those whose assumptions opt.Assume grants), with every source
// behind a super-source and every target before a super-sink; targets are
// sinks, because a path ends at the first target it reaches. Each edge has
// capacity one, plus a fraction that makes the cut, among the smallest,
// the least disruptive to fix (see FixDisruption). The cut ignores
// opt.MaxHops: it cuts paths of any length, which also cuts every path
// within the bound, but a cut of only the bounded paths could be smaller
// (finding that is NP-hard). MaxHops does bound the paths that rank it,
// which Paths finds within the same edges as the flow network.
func FindChokepoints(g *graph.Graph, sources, targets []graph.NodeIndex, opt PathOptions) Chokepoints {
	if opt.Limit <= 0 {
		opt.Limit = DefaultChokeLimit
	}
	if len(sources) == 0 || len(targets) == 0 {
		return Chokepoints{}
	}
	net := newCutNetwork(g, sources, targets, opt.allowedMask())
	cut := net.minCut()
	if len(cut) == 0 {
		return Chokepoints{}
	}
	paths := Paths(g, sources, targets, opt)
	return Chokepoints{Cut: rankCut(g, cut, paths), Paths: paths, Truncated: len(paths) >= opt.Limit}
}

// rankCut orders the cut by paths removed, then by how little the fix
// disrupts, then by edge (source id, target id, technique).
func rankCut(g *graph.Graph, cut []graph.EdgeID, paths []Path) []Chokepoint {
	points := make([]Chokepoint, len(cut))
	at := make(map[graph.EdgeID]int, len(cut))
	for i, e := range cut {
		points[i].Edge = e
		at[e] = i
	}
	for p, path := range paths {
		for _, e := range path.Edges {
			if i, ok := at[e]; ok && !slices.Contains(points[i].Paths, p) {
				points[i].Paths = append(points[i].Paths, p)
			}
		}
	}
	slices.SortStableFunc(points, func(a, b Chokepoint) int {
		if c := cmp.Compare(len(b.Paths), len(a.Paths)); c != 0 {
			return c
		}
		if c := cmp.Compare(FixDisruption(g.Edge(a.Edge).Technique), FixDisruption(g.Edge(b.Edge).Technique)); c != 0 {
			return c
		}
		return cmp.Compare(a.Edge, b.Edge)
	})
	return points
}
