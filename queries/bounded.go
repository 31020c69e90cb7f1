package queries

import (
	"container/heap"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// label is one state of the hop-bounded search: a node reached with a
// number of hops at a cost, and the label it came from.
type label struct {
	node   graph.NodeIndex
	hops   int32
	dist   float64
	via    graph.EdgeID
	parent int32
}

// boundedSearch is the exact cheapest path within maxHops edges. It settles
// (node, hops) labels in cost order and keeps a label only if no cheaper
// label of the same node used as few hops, so its work is bounded by
// nodes × maxHops and typically far less.
func (s *searcher) boundedSearch(sources []graph.NodeIndex, maxHops int) (Path, bool) {
	labels := []label{}
	fewest := map[graph.NodeIndex]int32{}
	var q labelQueue
	for _, src := range sources {
		if s.blocked[src] != s.gen {
			labels = append(labels, label{node: src, via: -1, parent: -1})
			heap.Push(&q, queued{idx: int32(len(labels) - 1), labels: &labels})
		}
	}
	for q.Len() > 0 {
		idx := heap.Pop(&q).(queued).idx
		l := labels[idx]
		if l.hops > 0 && s.target[l.node] {
			return s.traceLabels(labels, idx), true // an arrival: see relax
		}
		if h, ok := fewest[l.node]; ok && h <= l.hops {
			continue
		}
		fewest[l.node] = l.hops
		if int(l.hops) >= maxHops {
			continue
		}
		first, end := s.g.Out(l.node)
		for e := first; e < end; e++ {
			if !s.usable(e) {
				continue
			}
			labels = append(labels, label{node: s.g.To(e), hops: l.hops + 1, dist: l.dist + s.g.Cost(e), via: e, parent: idx})
			heap.Push(&q, queued{idx: int32(len(labels) - 1), labels: &labels})
		}
	}
	return Path{}, false
}

func (s *searcher) traceLabels(labels []label, idx int32) Path {
	var edges []graph.EdgeID
	for ; labels[idx].via >= 0; idx = labels[idx].parent {
		edges = append(edges, labels[idx].via)
	}
	return s.pathOf(reverse(edges))
}

type queued struct {
	idx    int32
	labels *[]label
}

// labelQueue orders labels by (dist, hops, node).
type labelQueue []queued

func (q labelQueue) Len() int { return len(q) }
func (q labelQueue) Less(i, j int) bool {
	a, b := (*q[i].labels)[q[i].idx], (*q[j].labels)[q[j].idx]
	if a.dist != b.dist {
		return a.dist < b.dist
	}
	if a.hops != b.hops {
		return a.hops < b.hops
	}
	return a.node < b.node
}
func (q labelQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *labelQueue) Push(x any)   { *q = append(*q, x.(queued)) }
func (q *labelQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}
