package queries

import (
	"math"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// reachLabel is one way to reach a node: its cost and hops, the edge it
// came by (-1 for a start) and the label it extends.
type reachLabel struct {
	dist   float64
	hops   int32
	node   graph.NodeIndex
	via    graph.EdgeID
	parent int32
}

const noHops = math.MaxInt32

// reachSearch is a label-setting Dijkstra that honours a hop bound exactly.
// Labels are settled in (cost, hops, node) order. A node's first settled
// label is its answer; later labels of the node are expanded only when they
// use fewer hops, because only they can reach further within the bound.
// Without a binding hop bound that is plain Dijkstra: one label per node.
type reachSearch struct {
	g        *graph.Graph
	backward bool
	allowed  uint8
	maxHops  int32

	labels       []reachLabel
	queue        labelHeap
	answer       []int32   // first settled label of each node, or -1
	settledHops  []int32   // fewest hops of a settled label, or noHops
	pendingDist  []float64 // the best label pushed and maybe not settled:
	pendingHops  []int32   // a new label it dominates is not pushed
	reachedOrder []graph.NodeIndex
}

func reach(g *graph.Graph, starts []graph.NodeIndex, backward bool, opt ReachOptions) *Reach {
	n := g.NumNodes()
	s := &reachSearch{
		g: g, backward: backward, maxHops: int32(opt.maxHops()),
		allowed: PathOptions{Assume: opt.Assume}.allowedMask(),
		answer:  make([]int32, n), settledHops: make([]int32, n),
		pendingDist: make([]float64, n), pendingHops: make([]int32, n),
	}
	for i := range n {
		s.answer[i], s.settledHops[i], s.pendingHops[i] = -1, noHops, noHops
	}
	for _, st := range starts {
		s.offer(st, 0, 0, -1, -1)
	}
	s.run()
	return &Reach{g: g, backward: backward, labels: s.labels, answer: s.answer, reached: s.reachedOrder}
}

func (s *reachSearch) run() {
	for s.queue.Len() > 0 {
		l := s.queue.pop(s.labels)
		lab := s.labels[l]
		if s.settledHops[lab.node] <= lab.hops {
			continue // a label no dearer and no longer is settled
		}
		if s.answer[lab.node] < 0 {
			s.answer[lab.node] = l
			if lab.hops > 0 {
				s.reachedOrder = append(s.reachedOrder, lab.node)
			}
		}
		s.settledHops[lab.node] = lab.hops
		if lab.hops < s.maxHops {
			s.expand(l)
		}
	}
}

func (s *reachSearch) expand(l int32) {
	lab := s.labels[l]
	if s.backward {
		for _, e := range s.g.In(lab.node) {
			s.relax(l, lab, e, s.g.From(e))
		}
		return
	}
	first, end := s.g.Out(lab.node)
	for e := first; e < end; e++ {
		s.relax(l, lab, e, s.g.To(e))
	}
}

func (s *reachSearch) relax(l int32, lab reachLabel, e graph.EdgeID, next graph.NodeIndex) {
	if s.g.Assumes(e)&^s.allowed != 0 {
		return
	}
	s.offer(next, lab.dist+s.g.Cost(e), lab.hops+1, e, l)
}

// offer pushes a label unless one already settled or pending dominates it
// (no dearer and no longer): such a label can never become an answer nor
// lead to one.
func (s *reachSearch) offer(n graph.NodeIndex, d float64, hops int32, via graph.EdgeID, parent int32) {
	if s.settledHops[n] <= hops {
		return // settled labels were popped first, so they are no dearer
	}
	pd, ph := s.pendingDist[n], s.pendingHops[n]
	if ph <= hops && pd <= d {
		return
	}
	if ph == noHops || d < pd || (d == pd && hops < ph) {
		s.pendingDist[n], s.pendingHops[n] = d, hops
	}
	s.labels = append(s.labels, reachLabel{dist: d, hops: hops, node: n, via: via, parent: parent})
	s.queue.push(s.labels, int32(len(s.labels)-1))
}

// labelHeap is a binary min-heap of label indexes ordered by (cost, hops,
// node, label index); typed, so that a push does not allocate.
type labelHeap struct{ items []int32 }

func (h *labelHeap) Len() int { return len(h.items) }

func labelLess(labels []reachLabel, a, b int32) bool {
	x, y := &labels[a], &labels[b]
	if x.dist != y.dist {
		return x.dist < y.dist
	}
	if x.hops != y.hops {
		return x.hops < y.hops
	}
	if x.node != y.node {
		return x.node < y.node
	}
	return a < b
}

func (h *labelHeap) push(labels []reachLabel, l int32) {
	h.items = append(h.items, l)
	i := len(h.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !labelLess(labels, h.items[i], h.items[parent]) {
			break
		}
		h.items[i], h.items[parent] = h.items[parent], h.items[i]
		i = parent
	}
}

func (h *labelHeap) pop(labels []reachLabel) int32 {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for i := 0; ; {
		small, left, right := i, 2*i+1, 2*i+2
		if left < last && labelLess(labels, h.items[left], h.items[small]) {
			small = left
		}
		if right < last && labelLess(labels, h.items[right], h.items[small]) {
			small = right
		}
		if small == i {
			return top
		}
		h.items[i], h.items[small] = h.items[small], h.items[i]
		i = small
	}
}
