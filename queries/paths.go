package queries

import (
	"cmp"
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// PathOptions bound a path search.
type PathOptions struct {
	// Limit is how many paths to return (k); 0 means DefaultLimit.
	Limit int
	// MaxHops bounds the number of edges of a path; 0 means DefaultMaxHops.
	MaxHops int
	// Assume lists the attacker capabilities edges may need; edges that
	// need anything else are left out.
	Assume []graph.Assumption
}

// Defaults for PathOptions.
const (
	DefaultLimit   = 10
	DefaultMaxHops = 12
)

func (o PathOptions) normalised() PathOptions {
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	if o.MaxHops <= 0 {
		o.MaxHops = DefaultMaxHops
	}
	return o
}

func (o PathOptions) allowedMask() uint8 {
	var mask uint8
	for _, a := range o.Assume {
		mask |= graph.AssumptionMask(a)
	}
	return mask
}

// Paths returns up to Limit loop-free paths from any source to any target,
// cheapest first (Yen's k-shortest paths over the multigraph, with every
// source behind one virtual root). A path has at least one edge and ends at
// the first target it reaches. Equal costs are ordered by hops, then by the
// nodes' ids, so the answer is deterministic.
//
// The searches only follow edges that lie on some source → target walk:
// every path uses only such edges, and on a large estate the many spur
// searches of Yen's algorithm then never wander through the rest of it.
func Paths(g *graph.Graph, sources, targets []graph.NodeIndex, opt PathOptions) []Path {
	opt = opt.normalised()
	if len(sources) == 0 || len(targets) == 0 {
		return nil
	}
	s := newSearcher(g, targets, opt.allowedMask())
	s.restrictTo(relevantEdges(g, sources, targets, newRoles(g, sources, targets, opt.allowedMask())))
	s.reset()
	first, ok := s.cheapest(sources, opt.MaxHops)
	if !ok {
		return nil
	}
	found := []Path{first}
	var candidates []Path
	for len(found) < opt.Limit {
		last := found[len(found)-1]
		for i := -1; i < last.Hops(); i++ {
			if spur, ok := s.spur(found, last, i, sources, opt.MaxHops); ok && !containsPath(found, spur) && !containsPath(candidates, spur) {
				candidates = append(candidates, spur)
			}
		}
		if len(candidates) == 0 {
			break
		}
		slices.SortFunc(candidates, func(a, b Path) int { return comparePaths(g, a, b) })
		found = append(found, candidates[0])
		candidates = candidates[1:]
	}
	return found
}

// spur searches for the cheapest path that shares last's first i edges (its
// root) and then leaves it: the edge each found path with the same root
// takes next is cut, and the root's nodes are blocked. i = -1 is the
// virtual root before any source, where leaving means starting elsewhere.
func (s *searcher) spur(found []Path, last Path, i int, sources []graph.NodeIndex, maxHops int) (Path, bool) {
	s.reset()
	if i < 0 {
		starts := sources
		for _, p := range found {
			starts = slices.DeleteFunc(slices.Clone(starts), func(n graph.NodeIndex) bool { return n == p.From() })
		}
		return s.cheapest(starts, maxHops)
	}
	root := last.Edges[:i]
	for _, p := range found {
		if p.Hops() > i && p.From() == last.From() && slices.Equal(p.Edges[:i], root) {
			s.cutEdge(p.Edges[i])
		}
	}
	for _, n := range last.Nodes[:i] {
		s.block(n)
	}
	tail, ok := s.cheapest([]graph.NodeIndex{last.Nodes[i]}, maxHops-i)
	if !ok {
		return Path{}, false
	}
	return s.join(root, tail), true
}

func (s *searcher) join(root []graph.EdgeID, tail Path) Path {
	edges := append(slices.Clone(root), tail.Edges...)
	return s.pathOf(edges)
}

func containsPath(list []Path, p Path) bool {
	return slices.ContainsFunc(list, func(q Path) bool {
		return q.From() == p.From() && slices.Equal(q.Edges, p.Edges)
	})
}

func comparePaths(g *graph.Graph, a, b Path) int {
	if c := cmp.Compare(a.Cost, b.Cost); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Hops(), b.Hops()); c != 0 {
		return c
	}
	for i := range a.Nodes {
		if c := cmp.Compare(g.Node(a.Nodes[i]).ID, g.Node(b.Nodes[i]).ID); c != 0 {
			return c
		}
	}
	for i := range a.Edges {
		if c := cmp.Compare(g.Edge(a.Edges[i]).Technique, g.Edge(b.Edges[i]).Technique); c != 0 {
			return c
		}
	}
	return cmp.Compare(edgeKey(a), edgeKey(b))
}

func edgeKey(p Path) string {
	b := make([]byte, 0, 4*len(p.Edges))
	for _, e := range p.Edges {
		b = append(b, byte(e>>24), byte(e>>16), byte(e>>8), byte(e))
	}
	return string(b)
}
