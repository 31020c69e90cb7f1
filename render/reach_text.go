package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// WriteBlastText prints a blast radius for a person: a header, then the
// reached nodes grouped by kind, each with its cost and its cheapest path
// on one line (the JSON answer has every hop's explanation).
func WriteBlastText(w io.Writer, g *graph.Graph, q ReachQuery, r *queries.Reach, warnings []string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Blast radius of %s%s: ", printable(q.Selector, false), selectedCount(len(q.Nodes), "source"))
	if r.Len() == 0 {
		fmt.Fprintf(&sb, "nothing is reachable%s.\n", reachBoundsText(q))
	} else {
		fmt.Fprintf(&sb, "%s%s\n", nounCount(r.Len(), "node"), reachBoundsText(q))
	}
	for _, group := range r.ByKind() {
		fmt.Fprintf(&sb, "\n%s · %d\n", printable(string(group.Kind), false), len(group.Nodes))
		for _, n := range group.Nodes {
			fmt.Fprintf(&sb, "  %s%s\n", textName(g, n), reachedText(g, r, n))
			sb.WriteString("    " + pathChainText(g, r.Path(n)) + "\n")
		}
	}
	writeWarningLines(&sb, warnings)
	_, _ = io.WriteString(w, sb.String())
}

// WriteWhoCanReachText prints who can reach the targets, cheapest first:
// each listed node with its kind, cost, the target it reaches and its path.
// listed is r.Nodes(), or r.Actors() (the header then says so).
func WriteWhoCanReachText(w io.Writer, g *graph.Graph, q ReachQuery, r *queries.Reach, listed []graph.NodeIndex, warnings []string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Who can reach %s%s: ", printable(q.Selector, false), selectedCount(len(q.Nodes), "target"))
	switch {
	case r.Len() == 0:
		fmt.Fprintf(&sb, "nothing%s.\n", reachBoundsText(q))
	case len(listed) == r.Len():
		fmt.Fprintf(&sb, "%s%s\n", nounCount(len(listed), "node"), reachBoundsText(q))
	default:
		fmt.Fprintf(&sb, "%s%s; listed: the %d entry points, principals and compute nodes\n",
			nounCount(r.Len(), "node"), reachBoundsText(q), len(listed))
	}
	width := len(fmt.Sprint(len(listed)))
	for i, n := range listed {
		if i == 0 {
			sb.WriteByte('\n')
		}
		p := r.Path(n)
		fmt.Fprintf(&sb, "  %*d. %s (%s)%s · reaches %s\n", width, i+1, textName(g, n),
			printable(string(g.Node(n).Kind), false), reachedText(g, r, n), textName(g, p.To()))
		sb.WriteString(strings.Repeat(" ", width+4) + pathChainText(g, p) + "\n")
	}
	writeWarningLines(&sb, warnings)
	_, _ = io.WriteString(w, sb.String())
}

// reachedText is " · cost 2.5 · 3 hops", and what the path needs.
func reachedText(g *graph.Graph, r *queries.Reach, n graph.NodeIndex) string {
	s := fmt.Sprintf(" · cost %s · %s", formatCost(r.Cost(n)), nounCount(r.Hops(n), "hop"))
	if as := r.Path(n).Assumes(g); len(as) > 0 {
		s += " · needs: " + assumptionsText(as)
	}
	return s
}

// pathChainText is a path on one line: a ──technique──▶ b ──technique──▶ c.
func pathChainText(g *graph.Graph, p queries.Path) string {
	if len(p.Nodes) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(textName(g, p.From()))
	for _, e := range p.Edges {
		fmt.Fprintf(&sb, " ──%s──▶ %s", printable(techniqueLabel(g.Edge(e)), false), textName(g, g.To(e)))
	}
	return sb.String()
}

// reachBoundsText is " within 12 hops", and the assumptions granted.
func reachBoundsText(q ReachQuery) string {
	s := ""
	if q.MaxHops > 0 {
		s = " within " + nounCount(q.MaxHops, "hop")
	}
	return s + assumingText(q.Assume)
}

// selectedCount names how many nodes a selector named when that is not one.
func selectedCount(n int, noun string) string {
	if n == 1 {
		return ""
	}
	return " (" + nounCount(n, noun) + ")"
}

func nounCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func writeWarningLines(sb *strings.Builder, warnings []string) {
	if ws := sortedWarnings(warnings); len(ws) > 0 {
		sb.WriteByte('\n')
		for _, warning := range ws {
			sb.WriteString("warning: " + printable(warning, false) + "\n")
		}
	}
}
