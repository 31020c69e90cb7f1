package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// WriteChokepointsText prints the choke points for a person: which fix
// first, each as `fix (technique from → to): cuts N of M paths` with the
// configuration that makes the hop true, then what ranked them.
func WriteChokepointsText(w io.Writer, g *graph.Graph, q ChokeQuery, c queries.Chokepoints, warnings []string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Choke points from %s%s to %s%s: ", printable(q.From, false), selectedCount(len(q.Sources), "source"),
		printable(q.To, false), selectedCount(len(q.Targets), "target"))
	if c.Disconnected() {
		fmt.Fprintf(&sb, "none: no path leads from one to the other%s.\n", assumingText(q.Assume))
		writeWarningLines(&sb, warnings)
		_, _ = io.WriteString(w, sb.String())
		return
	}
	fmt.Fprintf(&sb, "removing %s cuts every path%s.\n\n", nounCount(len(c.Cut), "edge"), assumingText(q.Assume))
	width := len(fmt.Sprint(len(c.Cut)))
	indent := strings.Repeat(" ", width+4)
	for i, p := range c.Cut {
		fmt.Fprintf(&sb, "  %*d. %s\n", width, i+1, printable(chokeSummary(g, p, c), false))
		for _, ev := range g.Edge(p.Edge).Evidence {
			sb.WriteString(indent + "- " + printable(evidenceText(ev), false) + "\n")
		}
	}
	fmt.Fprintf(&sb, "\nThe cut covers paths of any length; it is ranked by %s.\n", rankedBy(q, c))
	writeWarningLines(&sb, warnings)
	_, _ = io.WriteString(w, sb.String())
}

// rankedBy names the paths that ranked the cut: "the 17 paths within 12
// hops", or "the 100 cheapest paths within 12 hops" when there are more.
func rankedBy(q ChokeQuery, c queries.Chokepoints) string {
	s := "the " + nounCount(len(c.Paths), "path")
	if c.Truncated {
		s = fmt.Sprintf("the %d cheapest paths", len(c.Paths))
	}
	if len(c.Paths) == 0 {
		s = "no path"
	}
	if q.MaxHops > 0 {
		s += " within " + nounCount(q.MaxHops, "hop")
	}
	return s
}

func assumingText(as []graph.Assumption) string {
	if len(as) == 0 {
		return ""
	}
	return ", assuming " + assumptionsText(as)
}
