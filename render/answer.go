package render

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// Answer is what `paths --format json` prints (SNAPSHOT.md §2). Its field
// names and shapes are a contract with scripts: change them only with it.
type Answer struct {
	Paths    []PathJSON `json:"paths"`
	Warnings []string   `json:"warnings"`
}

// PathJSON is one path: its end points by id, its cost, the union of the
// assumptions its hops need, its nodes in order, and its hops.
type PathJSON struct {
	From    string             `json:"from"`
	To      string             `json:"to"`
	Cost    float64            `json:"cost"`
	Assumes []graph.Assumption `json:"assumes,omitempty"`
	Nodes   []NodeJSON         `json:"nodes"`
	Edges   []EdgeJSON         `json:"edges"`
}

// NodeJSON is a node as an answer names it.
type NodeJSON struct {
	ID   string     `json:"id"`
	Kind graph.Kind `json:"kind"`
	Name string     `json:"name"`
}

// EdgeJSON is one hop with everything that explains it. Techniques appears
// only when the hop relies on more than one technique; Preconditions,
// Assumes and Conditions only when the hop has some.
type EdgeJSON struct {
	From          string             `json:"from"`
	To            string             `json:"to"`
	Technique     string             `json:"technique"`
	Techniques    []string           `json:"techniques,omitempty"`
	Explanation   string             `json:"explanation"`
	Evidence      []EvidenceJSON     `json:"evidence"`
	Remediation   string             `json:"remediation"`
	Preconditions []string           `json:"preconditions,omitempty"`
	Assumes       []graph.Assumption `json:"assumes,omitempty"`
	Conditions    []ConditionJSON    `json:"conditions,omitempty"`
}

// EvidenceJSON is one piece of configuration that makes a hop true.
type EvidenceJSON struct {
	Kind   string `json:"kind"`
	Source string `json:"source"`
	Detail string `json:"detail"`
}

// ConditionJSON is an IAM condition on request context that a conditional
// hop depends on, with the statement that holds it.
type ConditionJSON struct {
	Policy   string         `json:"policy"`
	Type     iam.PolicyType `json:"type"`
	Index    int            `json:"index"`
	Sid      string         `json:"sid,omitempty"`
	Operator string         `json:"operator"`
	Key      string         `json:"key"`
	Values   []string       `json:"values"`
}

// NewAnswer describes paths on g. Paths keep their order (cheapest first, as
// queries return them); warnings are sorted and deduplicated so that the
// order in which sources reported them does not show.
func NewAnswer(g *graph.Graph, paths []queries.Path, warnings []string) Answer {
	a := Answer{Paths: make([]PathJSON, 0, len(paths)), Warnings: sortedWarnings(warnings)}
	for _, p := range paths {
		a.Paths = append(a.Paths, newPathJSON(g, p))
	}
	return a
}

// WriteJSON prints a indented by two spaces, with a trailing newline. HTML
// characters stay as they are: the answer is read by scripts and people, not
// embedded in pages.
func WriteJSON(w io.Writer, a Answer) error {
	if a.Paths == nil {
		a.Paths = []PathJSON{}
	}
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("write json answer: %w", err)
	}
	return nil
}

func sortedWarnings(warnings []string) []string {
	out := slices.Clone(warnings)
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []string{}
	}
	return out
}

func newPathJSON(g *graph.Graph, p queries.Path) PathJSON {
	pj := PathJSON{
		Cost:    roundCost(p.Cost),
		Assumes: p.Assumes(g),
		Nodes:   make([]NodeJSON, len(p.Nodes)),
		Edges:   make([]EdgeJSON, len(p.Edges)),
	}
	if len(p.Nodes) > 0 {
		pj.From, pj.To = g.Node(p.From()).ID, g.Node(p.To()).ID
	}
	for i, n := range p.Nodes {
		node := g.Node(n)
		pj.Nodes[i] = NodeJSON{ID: node.ID, Kind: node.Kind, Name: node.Name}
	}
	for i, e := range p.Edges {
		pj.Edges[i] = newEdgeJSON(g, e)
	}
	return pj
}

func newEdgeJSON(g *graph.Graph, id graph.EdgeID) EdgeJSON {
	e := g.Edge(id)
	// The answer gets copies so that a caller who edits it cannot edit
	// the frozen graph.
	ej := EdgeJSON{
		// Details may be shared between edges, so the end points come
		// from the graph's arrays, not from e.From and e.To.
		From:          g.Node(g.From(id)).ID,
		To:            g.Node(g.To(id)).ID,
		Technique:     e.Technique,
		Explanation:   e.Explanation,
		Evidence:      make([]EvidenceJSON, len(e.Evidence)),
		Remediation:   e.Remediation,
		Preconditions: slices.Clone(e.Preconditions),
		Assumes:       slices.Clone(e.Assumes),
	}
	if all := e.AllTechniques(); len(all) > 1 {
		ej.Techniques = slices.Clone(all)
	}
	for i, ev := range e.Evidence {
		ej.Evidence[i] = EvidenceJSON(ev)
	}
	for _, c := range e.Conditions {
		values := slices.Clone(c.Values)
		if values == nil {
			values = []string{}
		}
		ej.Conditions = append(ej.Conditions, ConditionJSON{Policy: c.Policy, Type: c.Type,
			Index: c.Index, Sid: c.Sid, Operator: c.Operator, Key: c.Key, Values: values})
	}
	return ej
}
