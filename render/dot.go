package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	dgraph "github.com/dominikbraun/graph"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// DOTOptions shape the DOT graph.
type DOTOptions struct {
	// Title is the graph's label, shown above it; empty for none.
	Title string
}

// WriteDOT writes the subgraph made of the paths' nodes and edges as DOT,
// an edge used by several paths once. Nodes sit in clusters by account, VPC
// and subnet; path starts are marked as entry points and path ends as
// targets. The output depends only on the set of paths, not their order.
func WriteDOT(w io.Writer, g *graph.Graph, paths []queries.Path, opt DOTOptions) error {
	sub := pathSubgraph(paths)
	sub.edges = readingOrder(g, paths, sub.edges)
	var sb strings.Builder
	sb.WriteString("digraph \"pathfinder\" {\n")
	writeDefaults(&sb, graphLabel(opt.Title, len(paths) == 0))
	writeCluster(&sb, g, sub, buildClusters(g, sub.nodes), "  ")
	for _, id := range sub.edges {
		writeEdge(&sb, g, id)
	}
	sb.WriteString("}\n")
	if _, err := io.WriteString(w, sb.String()); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	return nil
}

// readingOrder lists edges from the entry points towards the targets (in
// the topological order of the paths' union, ties by node id), so that the
// DOT reads like the attack. A union with a cycle (one path goes a → b,
// another b → a) has no such order and keeps graph order.
func readingOrder(g *graph.Graph, paths []queries.Path, edges []graph.EdgeID) []graph.EdgeID {
	rg, err := queries.ResultGraph(g, paths)
	if err != nil {
		return edges
	}
	order, err := dgraph.StableTopologicalSort(rg, func(a, b string) bool { return a < b })
	if err != nil {
		return edges
	}
	rank := make(map[string]int, len(order))
	for i, id := range order {
		rank[id] = i
	}
	sorted := slices.Clone(edges)
	slices.SortStableFunc(sorted, func(a, b graph.EdgeID) int {
		return rank[g.Node(g.From(a)).ID] - rank[g.Node(g.From(b)).ID]
	})
	return sorted
}

// subgraph is the union of some paths, in graph order (nodes by id, edges
// by from, to, technique), so that output does not depend on path order.
type subgraph struct {
	nodes   []graph.NodeIndex
	edges   []graph.EdgeID
	entries map[graph.NodeIndex]bool
	targets map[graph.NodeIndex]bool
}

func pathSubgraph(paths []queries.Path) subgraph {
	sub := subgraph{entries: map[graph.NodeIndex]bool{}, targets: map[graph.NodeIndex]bool{}}
	for _, p := range paths {
		if len(p.Nodes) == 0 {
			continue
		}
		sub.entries[p.From()] = true
		sub.targets[p.To()] = true
		sub.nodes = append(sub.nodes, p.Nodes...)
		sub.edges = append(sub.edges, p.Edges...)
	}
	slices.Sort(sub.nodes)
	sub.nodes = slices.Compact(sub.nodes)
	slices.Sort(sub.edges)
	sub.edges = slices.Compact(sub.edges)
	return sub
}

func graphLabel(title string, empty bool) string {
	if !empty {
		return title
	}
	if title == "" {
		return "no path found"
	}
	return title + "\nno path found"
}

func writeDefaults(sb *strings.Builder, label string) {
	sb.WriteString("  graph [")
	if label != "" {
		sb.WriteString("label=" + dotString(label) + ", labelloc=\"t\", ")
	}
	sb.WriteString("rankdir=\"LR\", fontname=\"Helvetica\", fontsize=\"12\"];\n")
	sb.WriteString("  node [fontname=\"Helvetica\", fontsize=\"11\"];\n")
	sb.WriteString("  edge [fontname=\"Helvetica\", fontsize=\"10\"];\n")
}

func writeNode(sb *strings.Builder, g *graph.Graph, sub subgraph, n graph.NodeIndex, indent string) {
	node := g.Node(n)
	style := styleOf(node.Kind)
	label := []string{nodeName(node)}
	if string(node.Kind) != nodeName(node) {
		label = append(label, string(node.Kind))
	}
	attrs := []attr{{"tooltip", node.ID}, {"shape", style.shape}, {"style", style.style},
		{"fillcolor", style.fill}}
	if sub.entries[n] {
		label = append(label, "entry point")
		attrs = append(attrs, attr{"penwidth", "3"})
	}
	if sub.targets[n] {
		label = append(label, "target")
		attrs = append(attrs, attr{"peripheries", "2"}, attr{"penwidth", "2"})
	}
	attrs = append([]attr{{"label", strings.Join(label, "\n")}}, attrs...)
	sb.WriteString(indent + dotString(node.ID) + " " + formatAttrs(attrs) + ";\n")
}

func writeEdge(sb *strings.Builder, g *graph.Graph, id graph.EdgeID) {
	e := g.Edge(id)
	tooltip := strings.Join(hopLines(e), "\n")
	attrs := []attr{{"label", techniqueLabel(e)}, {"tooltip", tooltip}, {"labeltooltip", tooltip}}
	if len(e.Assumes) > 0 || e.Conditional() {
		attrs = append(attrs, attr{"style", "dashed"})
	}
	fmt.Fprintf(sb, "  %s -> %s %s;\n", dotString(g.Node(g.From(id)).ID),
		dotString(g.Node(g.To(id)).ID), formatAttrs(attrs))
}

type attr struct{ key, value string }

func formatAttrs(attrs []attr) string {
	parts := make([]string, len(attrs))
	for i, a := range attrs {
		quote := dotString
		if a.key == "tooltip" || a.key == "labeltooltip" {
			quote = dotTooltip
		}
		parts[i] = a.key + "=" + quote(a.value)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
