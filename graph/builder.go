package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Builder collects nodes and edges; Freeze turns them into a Graph. A
// Builder is not safe for concurrent use.
type Builder struct {
	nodes   []Node
	byID    map[string]int32
	edges   []pending
	details []Edge
}

type pending struct {
	from, to int32
	detail   int32
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{byID: map[string]int32{}}
}

// AddNode adds n and returns its provisional index. Adding an id twice
// keeps the first node; a second node with the same id and another kind is
// an error, since it means two objects collided.
func (b *Builder) AddNode(n Node) (int32, error) {
	if n.ID == "" {
		return -1, fmt.Errorf("node of kind %s has no id", n.Kind)
	}
	if i, ok := b.byID[n.ID]; ok {
		if b.nodes[i].Kind != n.Kind {
			return -1, fmt.Errorf("node %s is both %s and %s", n.ID, b.nodes[i].Kind, n.Kind)
		}
		return i, nil
	}
	i := int32(len(b.nodes))
	b.nodes = append(b.nodes, n)
	b.byID[n.ID] = i
	return i, nil
}

// Node returns the node with the given id while building.
func (b *Builder) Node(id string) (*Node, bool) {
	i, ok := b.byID[id]
	if !ok {
		return nil, false
	}
	return &b.nodes[i], true
}

// AddEdge adds an edge between two nodes already added. An edge without a
// technique or without evidence is refused: every hop must be explainable.
func (b *Builder) AddEdge(e Edge) error {
	if e.Technique == "" {
		return fmt.Errorf("edge %s → %s has no technique", e.From, e.To)
	}
	if len(e.Evidence) == 0 {
		return fmt.Errorf("edge %s → %s (%s) has no evidence", e.From, e.To, e.Technique)
	}
	from, ok := b.byID[e.From]
	if !ok {
		return fmt.Errorf("edge %s: unknown source node %s", e.Technique, e.From)
	}
	to, ok := b.byID[e.To]
	if !ok {
		return fmt.Errorf("edge %s: unknown target node %s", e.Technique, e.To)
	}
	if from == to {
		return fmt.Errorf("edge %s: %s → itself", e.Technique, e.From)
	}
	b.details = append(b.details, e)
	b.edges = append(b.edges, pending{from: from, to: to, detail: int32(len(b.details) - 1)})
	return nil
}

// AddEdgeLike adds an edge between two provisional node indexes that shares
// the technique, cost and evidence of an edge added before (by its detail
// index, as returned by DetailCount()-1 after AddEdge). Generators of large
// synthetic graphs use it to keep memory proportional to distinct edges.
func (b *Builder) AddEdgeLike(from, to int32, detail int32) {
	b.edges = append(b.edges, pending{from: from, to: to, detail: detail})
}

// DetailCount is the number of distinct edge details added so far.
func (b *Builder) DetailCount() int { return len(b.details) }

// Freeze sorts nodes by id and edges by (from, to, technique), removes exact
// duplicates, and builds the adjacency indexes. The Builder must not be
// used afterwards.
func (b *Builder) Freeze() *Graph {
	order := make([]int32, len(b.nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.nodes[x].ID, b.nodes[y].ID) })
	remap := make([]int32, len(b.nodes))
	g := &Graph{nodes: make([]Node, len(b.nodes)), byID: make(map[string]int32, len(b.nodes))}
	for newIdx, old := range order {
		remap[old] = int32(newIdx)
		g.nodes[newIdx] = b.nodes[old]
		g.byID[b.nodes[old].ID] = int32(newIdx)
	}
	for i := range b.edges {
		b.edges[i].from, b.edges[i].to = remap[b.edges[i].from], remap[b.edges[i].to]
	}
	b.sortEdges()
	g.fill(b.edges, b.details)
	b.nodes, b.edges, b.details, b.byID = nil, nil, nil, nil
	return g
}

func (b *Builder) sortEdges() {
	cmp := func(x, y pending) int {
		if x.from != y.from {
			return int(x.from) - int(y.from)
		}
		if x.to != y.to {
			return int(x.to) - int(y.to)
		}
		if x.detail == y.detail {
			return 0
		}
		return compareDetails(&b.details[x.detail], &b.details[y.detail])
	}
	slices.SortFunc(b.edges, cmp)
	b.edges = slices.CompactFunc(b.edges, func(x, y pending) bool { return cmp(x, y) == 0 })
}

func compareDetails(x, y *Edge) int {
	if c := strings.Compare(x.Technique, y.Technique); c != 0 {
		return c
	}
	if x.Cost != y.Cost {
		if x.Cost < y.Cost {
			return -1
		}
		return 1
	}
	if c := strings.Compare(x.Explanation, y.Explanation); c != 0 {
		return c
	}
	if c := strings.Compare(evidenceKey(x.Evidence), evidenceKey(y.Evidence)); c != 0 {
		return c
	}
	return strings.Compare(restKey(x), restKey(y))
}

// restKey covers every other field, so that the order of edges (and which
// of two equal edges Freeze keeps) never depends on the order they were
// added in.
func restKey(e *Edge) string {
	var sb strings.Builder
	sb.WriteString(e.Remediation)
	for _, list := range [][]string{e.Techniques, e.Preconditions} {
		sb.WriteString("\x01" + strings.Join(list, "\x00"))
	}
	for _, a := range e.Assumes {
		sb.WriteString("\x02" + string(a))
	}
	for _, c := range e.Conditions {
		sb.WriteString(fmt.Sprintf("\x03%s\x00%d\x00%s\x00%s\x00%s\x00%s", c.Policy, c.Index, c.Effect, c.Operator, c.Key, strings.Join(c.Values, "\x00")))
	}
	return sb.String()
}

func evidenceKey(ev []Evidence) string {
	var sb strings.Builder
	for _, e := range ev {
		sb.WriteString(e.Kind + "\x00" + e.Source + "\x00" + e.Detail + "\x01")
	}
	return sb.String()
}
