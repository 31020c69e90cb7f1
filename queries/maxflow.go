package queries

import "math"

// arcSpec is one arc to put in a flow network: tail → head with a capacity.
type arcSpec struct {
	tail, head int32
	capacity   int64
}

// flowNetwork is a directed network for Dinic's maximum flow, in compressed
// sparse row form: the arcs of vertex v are first[v] .. first[v+1]-1. Each
// arc has a twin that carries its residual capacity backwards.
type flowNetwork struct {
	first []int32
	head  []int32
	twin  []int32
	resid []int64
	level []int32 // BFS level in the residual network, -1 if unreached
	next  []int32 // Dinic's current arc of each vertex
	stack []int32
}

// newFlowNetwork builds the network; forward[i] is the arc of arcs[i].
func newFlowNetwork(vertices int, arcs []arcSpec) (f *flowNetwork, forward []int32) {
	f = &flowNetwork{first: make([]int32, vertices+1)}
	for _, a := range arcs {
		f.first[a.tail+1]++
		f.first[a.head+1]++
	}
	for v := range vertices {
		f.first[v+1] += f.first[v]
	}
	m := 2 * len(arcs)
	f.head, f.twin, f.resid = make([]int32, m), make([]int32, m), make([]int64, m)
	fill := append([]int32(nil), f.first[:vertices]...)
	forward = make([]int32, len(arcs))
	for i, a := range arcs {
		fw, bw := fill[a.tail], fill[a.head]
		fill[a.tail]++
		fill[a.head]++
		f.head[fw], f.twin[fw], f.resid[fw] = a.head, bw, a.capacity
		f.head[bw], f.twin[bw] = a.tail, fw
		forward[i] = fw
	}
	f.level, f.next = make([]int32, vertices), make([]int32, vertices)
	return f, forward
}

// maxFlow pushes as much flow from s to t as the capacities allow and
// returns its value. Afterwards level[v] >= 0 exactly for the vertices
// reachable from s in the residual network: the source side of a minimum
// cut.
func (f *flowNetwork) maxFlow(s, t int32) int64 {
	var total int64
	for f.levels(s, t) {
		copy(f.next, f.first)
		for {
			pushed := f.augment(s, t)
			if pushed == 0 {
				break
			}
			total += pushed
		}
	}
	return total
}

// levels runs a BFS from s over arcs with residual capacity and reports
// whether it reached t.
func (f *flowNetwork) levels(s, t int32) bool {
	for i := range f.level {
		f.level[i] = -1
	}
	f.level[s] = 0
	queue := append(f.stack[:0], s)
	for i := 0; i < len(queue); i++ {
		v := queue[i]
		for a := f.first[v]; a < f.first[v+1]; a++ {
			if h := f.head[a]; f.resid[a] > 0 && f.level[h] < 0 {
				f.level[h] = f.level[v] + 1
				queue = append(queue, h)
			}
		}
	}
	f.stack = queue[:0]
	return f.level[t] >= 0
}

// augment finds one path from s to t in the level graph (an iterative
// depth-first search that advances each vertex's current arc past dead
// ends, so a phase costs O(V·E) at worst) and pushes its bottleneck.
func (f *flowNetwork) augment(s, t int32) int64 {
	stack := f.stack[:0]
	defer func() { f.stack = stack[:0] }()
	v := s
	for v != t {
		a, ok := f.advance(v)
		if ok {
			stack = append(stack, a)
			v = f.head[a]
			continue
		}
		if v == s {
			return 0
		}
		f.level[v] = -1 // a dead end for the rest of the phase
		last := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		v = f.head[f.twin[last]]
		f.next[v]++
	}
	bottleneck := int64(math.MaxInt64)
	for _, a := range stack {
		bottleneck = min(bottleneck, f.resid[a])
	}
	for _, a := range stack {
		f.resid[a] -= bottleneck
		f.resid[f.twin[a]] += bottleneck
	}
	return bottleneck
}

// advance returns v's current arc into the next level, skipping full arcs.
func (f *flowNetwork) advance(v int32) (int32, bool) {
	for ; f.next[v] < f.first[v+1]; f.next[v]++ {
		a := f.next[v]
		if f.resid[a] > 0 && f.level[f.head[a]] == f.level[v]+1 {
			return a, true
		}
	}
	return 0, false
}
