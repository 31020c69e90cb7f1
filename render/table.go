package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// WriteText prints paths for a person at a terminal: a header per path, then
// each hop numbered with its explanation, evidence, what it presumes and the
// fix; warnings last. Nothing is wrapped or coloured, and strings from the
// estate are printed with control characters escaped, so a hostile tag
// cannot drive the terminal. Write errors are the writer's to report (a
// closed stdout has nobody to tell).
func WriteText(w io.Writer, g *graph.Graph, paths []queries.Path, warnings []string) {
	var sb strings.Builder
	if len(paths) == 0 {
		sb.WriteString("No path found.\n")
	}
	for i, p := range paths {
		if i > 0 {
			sb.WriteByte('\n')
		}
		writePathText(&sb, g, p, i+1, len(paths))
	}
	if ws := sortedWarnings(warnings); len(ws) > 0 {
		sb.WriteByte('\n')
		for _, warning := range ws {
			sb.WriteString("warning: " + printable(warning, false) + "\n")
		}
	}
	_, _ = io.WriteString(w, sb.String())
}

func writePathText(sb *strings.Builder, g *graph.Graph, p queries.Path, n, total int) {
	fmt.Fprintf(sb, "Path %d of %d · cost %s", n, total, formatCost(p.Cost))
	if len(p.Nodes) > 0 {
		fmt.Fprintf(sb, " · %s → %s", textName(g, p.From()), textName(g, p.To()))
	}
	if as := p.Assumes(g); len(as) > 0 {
		sb.WriteString(" · needs: " + assumptionsText(as))
	}
	sb.WriteByte('\n')
	// Hop numbers are right-aligned so that the lines under each hop start
	// in the same column, however many hops there are.
	width := len(fmt.Sprint(len(p.Edges)))
	indent := strings.Repeat(" ", 2+width+2)
	for i, id := range p.Edges {
		to := g.Node(g.To(id))
		fmt.Fprintf(sb, "  %*d. %s ──%s──▶ %s (%s)\n", width, i+1,
			textName(g, g.From(id)), printable(techniqueLabel(g.Edge(id)), false),
			printable(nodeName(to), false), printable(string(to.Kind), false))
		for _, line := range hopLines(g.Edge(id)) {
			sb.WriteString(indent + printable(line, false) + "\n")
		}
	}
}

func textName(g *graph.Graph, n graph.NodeIndex) string {
	return printable(nodeName(g.Node(n)), false)
}
