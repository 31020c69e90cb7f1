package queries

import (
	"errors"
	"fmt"
	"strings"

	dgraph "github.com/dominikbraun/graph"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// ResultGraph returns the union of some paths as a github.com/dominikbraun/graph
// directed graph keyed by node id: the small result subgraph, in a
// general-purpose type that a Go program can take away and run that
// library's algorithms on (topological order, strongly connected
// components, transitive reduction). The store itself is not that type:
// the library copies its adjacency on every traversal, which an estate of
// millions of edges cannot afford, while a result of a few dozen can.
//
// Parallel edges between two nodes (s3-read beside kms-decrypt) become one
// edge whose "techniques" attribute lists them all, joined by " | ", with
// the cheapest cost as its weight in thousandths.
func ResultGraph(g *graph.Graph, paths []Path) (dgraph.Graph[string, *graph.Node], error) {
	out := dgraph.New(func(n *graph.Node) string { return n.ID }, dgraph.Directed())
	for _, p := range paths {
		for _, n := range p.Nodes {
			if err := out.AddVertex(g.Node(n)); err != nil && !errors.Is(err, dgraph.ErrVertexAlreadyExists) {
				return nil, fmt.Errorf("result graph: %w", err)
			}
		}
		for _, e := range p.Edges {
			if err := addResultEdge(out, g, e); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func addResultEdge(out dgraph.Graph[string, *graph.Node], g *graph.Graph, e graph.EdgeID) error {
	from, to := g.Node(g.From(e)).ID, g.Node(g.To(e)).ID
	techniques := strings.Join(g.Edge(e).AllTechniques(), " + ")
	weight := int(g.Cost(e) * 1000)
	existing, err := out.Edge(from, to)
	if errors.Is(err, dgraph.ErrEdgeNotFound) {
		return out.AddEdge(from, to, dgraph.EdgeWeight(weight), dgraph.EdgeAttribute("techniques", techniques))
	}
	if err != nil {
		return fmt.Errorf("result graph: %w", err)
	}
	have := existing.Properties.Attributes["techniques"]
	if strings.Contains(" | "+have+" | ", " | "+techniques+" | ") {
		return nil
	}
	return out.UpdateEdge(from, to, dgraph.EdgeWeight(min(weight, existing.Properties.Weight)),
		dgraph.EdgeAttribute("techniques", have+" | "+techniques))
}
