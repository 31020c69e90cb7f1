package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// WriteCheckText prints a check report for a person: a line per rule (PASS
// or FAIL), each violating path hop by hop with its evidence and fix, the
// paths an allow or the baseline accepts on one line each, the baseline's
// paths that are gone, and warnings. Write errors are the writer's.
func WriteCheckText(w io.Writer, rep *gate.Report) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "pathfinder check: %s (policy %s)\n", CheckHeadline(rep), printable(rep.Policy.File, false))
	for _, rr := range rep.Rules {
		sb.WriteByte('\n')
		writeRuleText(&sb, rep.Graph, rr)
	}
	if rep.Baseline != nil {
		writeFixedText(&sb, rep.Fixed)
	}
	if len(rep.Warnings) > 0 {
		sb.WriteByte('\n')
		for _, warning := range rep.Warnings {
			sb.WriteString("warning: " + printable(warning, false) + "\n")
		}
	}
	_, _ = io.WriteString(w, sb.String())
}

func writeRuleText(sb *strings.Builder, g *graph.Graph, rr gate.RuleResult) {
	violations, suppressed := rr.Violations(), rr.Suppressed()
	verdict, count := "PASS", "no violating path"
	if len(violations) > 0 {
		verdict, count = "FAIL", plural(len(violations), "violating path", "violating paths")
		if rr.More {
			count = "at least " + count + " (the cheapest shown)"
		}
	}
	fmt.Fprintf(sb, "%s %s\n", verdict, ruleHeadline(rr.Rule))
	fmt.Fprintf(sb, "     deny %s: %s\n", ruleQuery(rr.Rule), count)
	for i, f := range violations {
		writeFindingText(sb, g, f, i+1)
	}
	for _, f := range suppressed {
		fmt.Fprintf(sb, "  %s %s · %s\n", f.Fingerprint, printable(f.Summary, false), suppressionNote(f))
	}
}

func writeFindingText(sb *strings.Builder, g *graph.Graph, f gate.Finding, n int) {
	fmt.Fprintf(sb, "  Path %d · fingerprint %s · cost %s · %s\n", n, f.Fingerprint,
		formatCost(f.Path.Cost), pathEnds(g, f.Path))
	if f.AllowExpired() {
		sb.WriteString("    " + suppressionNote(f) + "\n")
	}
	writeHopsText(sb, g, f.Path, "    ")
}

// writeHopsText numbers a path's hops under indent, each followed by its
// explanation, evidence, preconditions and fix.
func writeHopsText(sb *strings.Builder, g *graph.Graph, p queries.Path, indent string) {
	width := len(fmt.Sprint(len(p.Edges)))
	under := indent + strings.Repeat(" ", width+2)
	for i, id := range p.Edges {
		to := g.Node(g.To(id))
		fmt.Fprintf(sb, "%s%*d. %s ──%s──▶ %s (%s)\n", indent, width, i+1,
			textName(g, g.From(id)), printable(techniqueLabel(g.Edge(id)), false),
			printable(nodeName(to), false), printable(string(to.Kind), false))
		for _, line := range hopLines(g.Edge(id)) {
			sb.WriteString(under + printable(line, false) + "\n")
		}
	}
}

func writeFixedText(sb *strings.Builder, fixed []gate.BaselineEntry) {
	sb.WriteByte('\n')
	if len(fixed) == 0 {
		sb.WriteString("Fixed since the baseline: none\n")
		return
	}
	sb.WriteString("Fixed since the baseline (" + plural(len(fixed), "path", "paths") + "):\n")
	for _, e := range fixed {
		fmt.Fprintf(sb, "  %s %s (rule %s)\n", e.Fingerprint, printable(e.Summary, false), printable(e.Rule, false))
	}
}
