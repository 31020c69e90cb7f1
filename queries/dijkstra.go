package queries

import (
	"container/heap"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// searcher runs repeated cheapest-path searches over one graph. Its arrays
// are sized to the graph once and reset by bumping a generation counter, so
// the many spur searches of Yen's algorithm allocate nothing per node.
type searcher struct {
	g       *graph.Graph
	allowed uint8 // assumption bits edges may need
	target  []bool

	gen     uint32
	seen    []uint32 // generation in which dist/prev/hops were set
	settled []uint32
	blocked []uint32 // generation in which the node is blocked
	dist    []float64
	hops    []int32
	prev    []graph.EdgeID
	cut     map[graph.EdgeID]bool
	queue   frontier
	// relevant, when set, holds the only edges searches may follow.
	relevant []bool
}

func newSearcher(g *graph.Graph, targets []graph.NodeIndex, allowed uint8) *searcher {
	n := g.NumNodes()
	s := &searcher{
		g: g, allowed: allowed, target: make([]bool, n),
		seen: make([]uint32, n), settled: make([]uint32, n), blocked: make([]uint32, n),
		dist: make([]float64, n), hops: make([]int32, n), prev: make([]graph.EdgeID, n),
	}
	for _, t := range targets {
		s.target[t] = true
	}
	return s
}

// reset starts a new search: no node blocked, no edge cut.
func (s *searcher) reset() {
	s.gen++
	s.cut = nil
	s.queue = s.queue[:0]
}

func (s *searcher) block(n graph.NodeIndex) { s.blocked[n] = s.gen }

// restrictTo limits every search to the given edges.
func (s *searcher) restrictTo(edges []graph.EdgeID) {
	s.relevant = make([]bool, s.g.NumEdges())
	for _, e := range edges {
		s.relevant[e] = true
	}
}

func (s *searcher) cutEdge(e graph.EdgeID) {
	if s.cut == nil {
		s.cut = map[graph.EdgeID]bool{}
	}
	s.cut[e] = true
}

// cheapest finds the cheapest path of at most maxHops edges from any of the
// sources to a target, not passing through another target, or ok=false.
// Ties break on fewer hops, then on the lower node index, so answers are
// deterministic. It first searches without the hop bound; only when that
// path is too long does it search (node, hops) states, which is exact but
// dearer.
func (s *searcher) cheapest(sources []graph.NodeIndex, maxHops int) (Path, bool) {
	p, ok := s.search(sources)
	if !ok || p.Hops() <= maxHops {
		return p, ok
	}
	return s.boundedSearch(sources, maxHops)
}

func (s *searcher) search(sources []graph.NodeIndex) (Path, bool) {
	for _, src := range sources {
		if s.blocked[src] == s.gen {
			continue
		}
		s.relax(src, 0, 0, -1)
	}
	for s.queue.Len() > 0 {
		it := heap.Pop(&s.queue).(item)
		if it.arrival {
			return s.arrive(it.via), true
		}
		n := it.node
		if s.settled[n] == s.gen || it.dist > s.dist[n] {
			continue
		}
		s.settled[n] = s.gen
		s.expand(n)
	}
	return Path{}, false
}

// expand relaxes the edges out of n.
func (s *searcher) expand(n graph.NodeIndex) {
	first, end := s.g.Out(n)
	for e := first; e < end; e++ {
		if !s.usable(e) {
			continue
		}
		s.relax(s.g.To(e), s.dist[n]+s.g.Cost(e), s.hops[n]+1, e)
	}
}

func (s *searcher) usable(e graph.EdgeID) bool {
	if (s.relevant != nil && !s.relevant[e]) || s.g.Assumes(e)&^s.allowed != 0 || s.cut[e] {
		return false
	}
	return s.blocked[s.g.To(e)] != s.gen
}

// relax offers a way to reach n. Reaching a target by at least one edge is
// an arrival: it ends a path, is never expanded (paths stop at the first
// target), and is kept apart from the node's own distance, because a target
// may also be a source, settled at distance zero.
func (s *searcher) relax(n graph.NodeIndex, d float64, hops int32, via graph.EdgeID) {
	if hops > 0 && s.target[n] {
		heap.Push(&s.queue, item{node: n, dist: d, hops: hops, via: via, arrival: true})
		return
	}
	if s.settled[n] == s.gen {
		return
	}
	if s.seen[n] == s.gen && !better(d, hops, s.dist[n], s.hops[n]) {
		return
	}
	s.seen[n] = s.gen
	s.dist[n], s.hops[n], s.prev[n] = d, hops, via
	heap.Push(&s.queue, item{node: n, dist: d, hops: hops})
}

func better(d float64, hops int32, oldD float64, oldHops int32) bool {
	if d != oldD {
		return d < oldD
	}
	return hops < oldHops
}

// arrive builds the path that ends with edge last into a target.
func (s *searcher) arrive(last graph.EdgeID) Path {
	edges := []graph.EdgeID{last}
	for e := s.prev[s.g.From(last)]; e >= 0; e = s.prev[s.g.From(e)] {
		edges = append(edges, e)
	}
	return s.pathOf(reverse(edges))
}

func (s *searcher) pathOf(edges []graph.EdgeID) Path {
	p := Path{Edges: edges, Nodes: make([]graph.NodeIndex, 0, len(edges)+1)}
	p.Nodes = append(p.Nodes, s.g.From(edges[0]))
	for _, e := range edges {
		p.Nodes = append(p.Nodes, s.g.To(e))
		p.Cost += s.g.Cost(e)
	}
	return p
}

func reverse(edges []graph.EdgeID) []graph.EdgeID {
	for i, j := 0, len(edges)-1; i < j; i, j = i+1, j-1 {
		edges[i], edges[j] = edges[j], edges[i]
	}
	return edges
}

type item struct {
	node    graph.NodeIndex
	dist    float64
	hops    int32
	via     graph.EdgeID
	arrival bool
}

// frontier is a min-heap on (dist, hops, node).
type frontier []item

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	if f[i].dist != f[j].dist {
		return f[i].dist < f[j].dist
	}
	if f[i].hops != f[j].hops {
		return f[i].hops < f[j].hops
	}
	if f[i].node != f[j].node {
		return f[i].node < f[j].node
	}
	return f[i].via < f[j].via
}
func (f frontier) Swap(i, j int) { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)   { *f = append(*f, x.(item)) }
func (f *frontier) Pop() any {
	old := *f
	it := old[len(old)-1]
	*f = old[:len(old)-1]
	return it
}
