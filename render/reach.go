package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// ReachQuery is what a blast-radius or who-can-reach query asked: the
// selector as the user wrote it, the nodes it named, and its bounds.
type ReachQuery struct {
	Selector string
	Nodes    []graph.NodeIndex
	MaxHops  int
	Assume   []graph.Assumption
}

// BlastAnswer is what `blast-radius --format json` prints: everything the
// sources reach, grouped by kind, each node with its cheapest path.
type BlastAnswer struct {
	From     string             `json:"from"`
	Sources  []NodeJSON         `json:"sources"`
	MaxHops  int                `json:"max_hops"`
	Assume   []graph.Assumption `json:"assume,omitempty"`
	Reached  int                `json:"reached"`
	Kinds    []KindJSON         `json:"kinds"`
	Warnings []string           `json:"warnings"`
}

// KindJSON is the reached nodes of one kind, cheapest first.
type KindJSON struct {
	Kind  graph.Kind    `json:"kind"`
	Count int           `json:"count"`
	Nodes []ReachedJSON `json:"nodes"`
}

// ReachedJSON is one node reached, with its cheapest path: from a source to
// it (blast radius), or from it to a target (who-can-reach).
type ReachedJSON struct {
	ID   string     `json:"id"`
	Kind graph.Kind `json:"kind"`
	Name string     `json:"name"`
	Cost float64    `json:"cost"`
	Hops int        `json:"hops"`
	Path PathJSON   `json:"path"`
}

// WhoCanReachAnswer is what `who-can-reach --format json` prints: the nodes
// that reach a target, cheapest first, each with its path.
type WhoCanReachAnswer struct {
	To       string             `json:"to"`
	Targets  []NodeJSON         `json:"targets"`
	MaxHops  int                `json:"max_hops"`
	Assume   []graph.Assumption `json:"assume,omitempty"`
	Reachers []ReachedJSON      `json:"reachers"`
	Warnings []string           `json:"warnings"`
}

// NewBlastAnswer describes a blast-radius query's result.
func NewBlastAnswer(g *graph.Graph, q ReachQuery, r *queries.Reach, warnings []string) BlastAnswer {
	a := BlastAnswer{From: q.Selector, Sources: nodesJSON(g, q.Nodes), MaxHops: q.MaxHops, Assume: q.Assume,
		Reached: r.Len(), Kinds: []KindJSON{}, Warnings: sortedWarnings(warnings)}
	for _, group := range r.ByKind() {
		a.Kinds = append(a.Kinds, KindJSON{Kind: group.Kind, Count: len(group.Nodes), Nodes: reachedJSON(g, r, group.Nodes)})
	}
	return a
}

// NewWhoCanReachAnswer describes the nodes of a who-can-reach query's
// result that the caller chose to list (queries.Reach.Actors, or all).
func NewWhoCanReachAnswer(g *graph.Graph, q ReachQuery, r *queries.Reach, listed []graph.NodeIndex, warnings []string) WhoCanReachAnswer {
	return WhoCanReachAnswer{To: q.Selector, Targets: nodesJSON(g, q.Nodes), MaxHops: q.MaxHops, Assume: q.Assume,
		Reachers: reachedJSON(g, r, listed), Warnings: sortedWarnings(warnings)}
}

func nodesJSON(g *graph.Graph, nodes []graph.NodeIndex) []NodeJSON {
	out := make([]NodeJSON, len(nodes))
	for i, n := range nodes {
		node := g.Node(n)
		out[i] = NodeJSON{ID: node.ID, Kind: node.Kind, Name: node.Name}
	}
	return out
}

func reachedJSON(g *graph.Graph, r *queries.Reach, nodes []graph.NodeIndex) []ReachedJSON {
	out := make([]ReachedJSON, len(nodes))
	for i, n := range nodes {
		node := g.Node(n)
		out[i] = ReachedJSON{ID: node.ID, Kind: node.Kind, Name: node.Name, Cost: roundCost(r.Cost(n)),
			Hops: r.Hops(n), Path: newPathJSON(g, r.Path(n))}
	}
	return out
}

// writeIndented prints v as the other JSON answers are printed: indented
// by two spaces, HTML characters as they are, a trailing newline.
func writeJSONIndented(w io.Writer, what string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s answer: %w", what, err)
	}
	return nil
}

// WriteBlastJSON prints a blast-radius answer; its lists are [] when empty,
// never null.
func WriteBlastJSON(w io.Writer, a BlastAnswer) error {
	a.Sources, a.Kinds, a.Warnings = emptyIfNil(a.Sources), emptyIfNil(a.Kinds), emptyIfNil(a.Warnings)
	return writeJSONIndented(w, "blast-radius", a)
}

// WriteWhoCanReachJSON prints a who-can-reach answer; its lists are [] when
// empty, never null.
func WriteWhoCanReachJSON(w io.Writer, a WhoCanReachAnswer) error {
	a.Targets, a.Reachers, a.Warnings = emptyIfNil(a.Targets), emptyIfNil(a.Reachers), emptyIfNil(a.Warnings)
	return writeJSONIndented(w, "who-can-reach", a)
}

func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
