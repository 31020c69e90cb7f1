package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// ChokeQuery is what a choke-point query asked.
type ChokeQuery struct {
	From, To         string // the selectors as the user wrote them
	Sources, Targets []graph.NodeIndex
	Limit, MaxHops   int
	Assume           []graph.Assumption
}

// ChokepointsAnswer is what `chokepoints --format json` prints: a smallest
// set of edges that cuts every path, ranked by how many of the enumerated
// paths each one cuts, and those paths.
type ChokepointsAnswer struct {
	From           string             `json:"from"`
	To             string             `json:"to"`
	Sources        []NodeJSON         `json:"sources"`
	Targets        []NodeJSON         `json:"targets"`
	Limit          int                `json:"limit"`
	MaxHops        int                `json:"max_hops"`
	Assume         []graph.Assumption `json:"assume,omitempty"`
	Disconnected   bool               `json:"disconnected"`
	CutSize        int                `json:"cut_size"`
	Chokepoints    []ChokepointJSON   `json:"chokepoints"`
	PathsTruncated bool               `json:"paths_truncated"`
	Paths          []PathJSON         `json:"paths"`
	Warnings       []string           `json:"warnings"`
}

// ChokepointJSON is one edge of the cut: the hop with its evidence and
// remediation, how many of the answer's paths it cuts and which (indexes
// into paths), and a one-line summary for people.
type ChokepointJSON struct {
	Rank     int      `json:"rank"`
	Summary  string   `json:"summary"`
	PathsCut int      `json:"paths_cut"`
	Paths    []int    `json:"paths"`
	Edge     EdgeJSON `json:"edge"`
}

// NewChokepointsAnswer describes a choke-point query's result.
func NewChokepointsAnswer(g *graph.Graph, q ChokeQuery, c queries.Chokepoints, warnings []string) ChokepointsAnswer {
	a := ChokepointsAnswer{From: q.From, To: q.To, Sources: nodesJSON(g, q.Sources), Targets: nodesJSON(g, q.Targets),
		Limit: q.Limit, MaxHops: q.MaxHops, Assume: q.Assume, Disconnected: c.Disconnected(), CutSize: len(c.Cut),
		Chokepoints: make([]ChokepointJSON, len(c.Cut)), PathsTruncated: c.Truncated,
		Paths: make([]PathJSON, len(c.Paths)), Warnings: sortedWarnings(warnings)}
	for i, p := range c.Cut {
		a.Chokepoints[i] = ChokepointJSON{Rank: i + 1, Summary: chokeSummary(g, p, c), PathsCut: len(p.Paths),
			Paths: emptyIfNil(p.Paths), Edge: newEdgeJSON(g, p.Edge)}
	}
	for i, p := range c.Paths {
		a.Paths[i] = newPathJSON(g, p)
	}
	return a
}

// WriteChokepointsJSON prints a choke-point answer; its lists are [] when
// empty, never null.
func WriteChokepointsJSON(w io.Writer, a ChokepointsAnswer) error {
	a.Sources, a.Targets, a.Warnings = emptyIfNil(a.Sources), emptyIfNil(a.Targets), emptyIfNil(a.Warnings)
	a.Chokepoints, a.Paths = emptyIfNil(a.Chokepoints), emptyIfNil(a.Paths)
	return writeJSONIndented(w, "chokepoints", a)
}

// chokeSummary says what to change and what it cuts: `Require IMDSv2 on
// i-0waf (ssrf-imdsv1 i-0waf → i-0waf metadata): cuts 14 of 17 paths`.
func chokeSummary(g *graph.Graph, p queries.Chokepoint, c queries.Chokepoints) string {
	fix := strings.TrimSuffix(strings.TrimSpace(g.Edge(p.Edge).Remediation), ".")
	if fix == "" {
		fix = "Cut this hop"
	}
	of := nounCount(len(c.Paths), "path")
	if c.Truncated {
		of = fmt.Sprintf("the %d cheapest paths", len(c.Paths))
	}
	return fmt.Sprintf("%s (%s %s → %s): cuts %d of %s", fix, techniqueLabel(g.Edge(p.Edge)),
		nodeName(g.Node(g.From(p.Edge))), nodeName(g.Node(g.To(p.Edge))), len(p.Paths), of)
}
