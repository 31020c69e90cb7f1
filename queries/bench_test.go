package queries

import (
	"sync"
	"testing"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/internal/synthgraph"
)

// The benchmarks share one generated organisation of 1M nodes and 5M edges
// (synthgraph.Large), built the first time a benchmark asks for it and
// never by tests. Run them with:
//
//	go test ./queries -run '^$' -bench . -benchtime 5x
var largeGraph = sync.OnceValues(func() (*graph.Graph, error) {
	return synthgraph.Generate(synthgraph.Large())
})

// largeQuery returns the large graph and the nodes of two selectors.
func largeQuery(b *testing.B, from, to string) (*graph.Graph, []graph.NodeIndex, []graph.NodeIndex) {
	b.Helper()
	g, err := largeGraph()
	if err != nil {
		b.Fatal(err)
	}
	resolve := func(text string) []graph.NodeIndex {
		if text == "" {
			return nil
		}
		nodes, err := MustSelector(text).Resolve(g)
		if err != nil {
			b.Fatal(err)
		}
		return nodes
	}
	return g, resolve(from), resolve(to)
}

const (
	piiSelector = "tag:data-classification=pii"
	leakedUser  = "arn:aws:iam::100000000500:user/user-7"
)

func BenchmarkBlastRadiusFromTheInternet(b *testing.B) {
	g, sources, _ := largeQuery(b, "internet", "")
	var reached int
	for b.Loop() {
		reached = BlastRadius(g, sources, ReachOptions{}).Len()
	}
	b.ReportMetric(float64(reached), "nodes-reached")
}

func BenchmarkBlastRadiusOfALeakedUserKey(b *testing.B) {
	g, sources, _ := largeQuery(b, leakedUser, "")
	var reached int
	for b.Loop() {
		reached = BlastRadius(g, sources, ReachOptions{}).Len()
	}
	b.ReportMetric(float64(reached), "nodes-reached")
}

func BenchmarkBlastRadiusWithinSixHops(b *testing.B) {
	g, sources, _ := largeQuery(b, "internet", "")
	var reached int
	for b.Loop() {
		reached = BlastRadius(g, sources, ReachOptions{MaxHops: 6}).Len()
	}
	b.ReportMetric(float64(reached), "nodes-reached")
}

func BenchmarkWhoCanReachPII(b *testing.B) {
	g, _, targets := largeQuery(b, "", piiSelector)
	var reached int
	for b.Loop() {
		reached = WhoCanReach(g, targets, ReachOptions{}).Len()
	}
	b.ReportMetric(float64(reached), "nodes-reached")
}

func BenchmarkTenCheapestPaths(b *testing.B) {
	g, sources, targets := largeQuery(b, "internet", piiSelector)
	var found int
	for b.Loop() {
		found = len(Paths(g, sources, targets, PathOptions{Limit: 10}))
	}
	b.ReportMetric(float64(found), "paths")
}

func BenchmarkMinimumCut(b *testing.B) {
	g, sources, targets := largeQuery(b, "internet", piiSelector)
	var size, kept int
	for b.Loop() {
		net := newCutNetwork(g, sources, targets, 0)
		size, kept = len(net.minCut()), len(net.edges)
	}
	b.ReportMetric(float64(size), "cut-edges")
	b.ReportMetric(float64(kept), "network-edges")
}

func BenchmarkChokepoints(b *testing.B) {
	g, sources, targets := largeQuery(b, "internet", piiSelector)
	var c Chokepoints
	for b.Loop() {
		c = FindChokepoints(g, sources, targets, PathOptions{})
	}
	b.ReportMetric(float64(len(c.Cut)), "cut-edges")
	b.ReportMetric(float64(len(c.Paths)), "paths")
}
