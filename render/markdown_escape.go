package render

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
)

// mdText escapes s for markdown text, table cells included: HTML cannot be
// injected (< > & become entities), `|` cannot end a cell, and the
// characters that start emphasis, links, code or a mention (@ pings people
// and teams in a pull-request comment) are shown as themselves.
func mdText(s string) string {
	s = printable(s, false)
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '&':
			sb.WriteString("&amp;")
		case '@':
			sb.WriteString("&#64;")
		case '`':
			sb.WriteString("&#96;")
		case '\\', '|', '*', '_', '[', ']', '~', '#':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// mdCode shows s as inline code when it holds only characters that need no
// escape there (ids, fingerprints, technique names), and as text otherwise.
func mdCode(s string) string {
	if !isPlainCode(s) {
		return mdText(s)
	}
	return "`" + s + "`"
}

func isPlainCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isSafeASCII(r) && !strings.ContainsRune(" +", r) {
			return false
		}
	}
	return true
}

func isSafeASCII(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || strings.ContainsRune(".:/_=-", r)
}

// mermaidText writes s for a quoted mermaid label: every character but
// letters, digits, spaces and a few punctuation marks becomes an entity
// code (#34; for a quote), so no string can end the label or the diagram.
func mermaidText(s string) string {
	s = printable(s, false)
	var sb strings.Builder
	for _, r := range s {
		if isSafeASCII(r) || r == ' ' || r == '+' {
			sb.WriteRune(r)
			continue
		}
		fmt.Fprintf(&sb, "#%d;", r)
	}
	return sb.String()
}

// writeMermaid draws a path as a left-to-right flowchart: nodes labelled by
// name and kind, edges by technique, the entry point and the target
// outlined.
func writeMermaid(sb *strings.Builder, g *graph.Graph, f gate.Finding) {
	sb.WriteString("```mermaid\nflowchart LR\n")
	for i, n := range f.Path.Nodes {
		node := g.Node(n)
		label := mermaidText(nodeName(node)) + "<br/>" + mermaidText(string(node.Kind))
		if i == 0 {
			fmt.Fprintf(sb, "  n0[\"%s\"]\n", label)
			continue
		}
		edge := g.Edge(f.Path.Edges[i-1])
		fmt.Fprintf(sb, "  n%d -->|\"%s\"| n%d[\"%s\"]\n", i-1, mermaidText(techniqueLabel(edge)), i, label)
	}
	sb.WriteString("  classDef entry stroke:#c62828,stroke-width:2px\n")
	sb.WriteString("  classDef target stroke:#c62828,stroke-width:2px,fill:#ffebee\n")
	fmt.Fprintf(sb, "  class n0 entry\n  class n%d target\n```\n\n", len(f.Path.Nodes)-1)
}
