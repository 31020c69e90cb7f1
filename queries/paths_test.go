package queries

import (
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// edgeSpec is a test edge: from, to, cost, technique, assumption.
type edgeSpec struct {
	from, to string
	cost     float64
	tech     string
	assumes  graph.Assumption
}

func buildGraph(t testing.TB, nodes []string, edges []edgeSpec) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	for _, n := range nodes {
		_, err := b.AddNode(graph.Node{ID: n, Kind: graph.KindRole, Name: n})
		require.NoError(t, err)
	}
	for _, e := range edges {
		tech := e.tech
		if tech == "" {
			tech = "assume-role"
		}
		edge := graph.Edge{From: e.from, To: e.to, Technique: tech, Cost: e.cost,
			Evidence: []graph.Evidence{{Kind: "test", Source: e.from, Detail: e.from + "→" + e.to}}}
		if e.assumes != "" {
			edge.Assumes = []graph.Assumption{e.assumes}
		}
		require.NoError(t, b.AddEdge(edge))
	}
	return b.Freeze()
}

func idx(t testing.TB, g *graph.Graph, ids ...string) []graph.NodeIndex {
	t.Helper()
	var out []graph.NodeIndex
	for _, id := range ids {
		i, ok := g.Lookup(id)
		require.True(t, ok, id)
		out = append(out, i)
	}
	return out
}

func describe(g *graph.Graph, paths []Path) []string {
	var out []string
	for _, p := range paths {
		s := ""
		for i, n := range p.Nodes {
			if i > 0 {
				s += ">"
			}
			s += g.Node(n).ID
		}
		out = append(out, fmt.Sprintf("%s=%g", s, p.Cost))
	}
	return out
}

func TestPathsAreRankedLoopFreeAndStopAtTheFirstTarget(t *testing.T) {
	nodes := []string{"s", "a", "b", "c", "t", "u"}
	edges := []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "s", to: "b", cost: 2},
		{from: "a", to: "t", cost: 3}, {from: "b", to: "t", cost: 1},
		{from: "a", to: "b", cost: 0.5}, {from: "b", to: "a", cost: 0.5},
		{from: "t", to: "u", cost: 1}, {from: "a", to: "c", cost: 1}, {from: "c", to: "s", cost: 1},
	}
	g := buildGraph(t, nodes, edges)
	paths := Paths(g, idx(t, g, "s"), idx(t, g, "t", "u"), PathOptions{Limit: 10})
	assert.Equal(t, []string{"s>a>b>t=2.5", "s>b>t=3", "s>a>t=4", "s>b>a>t=5.5"}, describe(g, paths))
}

func TestPathsFromSeveralSourcesAndParallelEdges(t *testing.T) {
	g := buildGraph(t, []string{"s1", "s2", "m", "t"}, []edgeSpec{
		{from: "s1", to: "m", cost: 2}, {from: "s2", to: "m", cost: 1},
		{from: "m", to: "t", cost: 1, tech: "s3-read"}, {from: "m", to: "t", cost: 1.5, tech: "kms-decrypt"},
	})
	paths := Paths(g, idx(t, g, "s1", "s2"), idx(t, g, "t"), PathOptions{Limit: 10})
	assert.Equal(t, []string{"s2>m>t=2", "s2>m>t=2.5", "s1>m>t=3", "s1>m>t=3.5"}, describe(g, paths))
	assert.Equal(t, "kms-decrypt", g.Edge(paths[1].Edges[1]).Technique)
}

func TestAssumptionsAreExcludedUnlessGranted(t *testing.T) {
	g := buildGraph(t, []string{"i", "imds", "role"}, []edgeSpec{
		{from: "i", to: "imds", cost: 5, tech: "rce-imds", assumes: graph.AssumeRCE},
		{from: "imds", to: "role", cost: 0.5, tech: "instance-credentials"},
	})
	assert.Empty(t, Paths(g, idx(t, g, "i"), idx(t, g, "role"), PathOptions{}))
	paths := Paths(g, idx(t, g, "i"), idx(t, g, "role"), PathOptions{Assume: []graph.Assumption{graph.AssumeRCE}})
	require.Len(t, paths, 1)
	assert.Equal(t, []graph.Assumption{graph.AssumeRCE}, paths[0].Assumes(g))
}

func TestMaxHopsFindsTheCheapestPathWithinTheBound(t *testing.T) {
	g := buildGraph(t, []string{"s", "a", "b", "c", "t"}, []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "a", to: "b", cost: 1}, {from: "b", to: "c", cost: 1}, {from: "c", to: "t", cost: 1},
		{from: "s", to: "t", cost: 10}, {from: "a", to: "t", cost: 7},
	})
	assert.Equal(t, []string{"s>a>b>c>t=4", "s>a>t=8", "s>t=10"}, describe(g, Paths(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{})))
	assert.Equal(t, []string{"s>a>t=8", "s>t=10"}, describe(g, Paths(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{MaxHops: 2})))
	assert.Equal(t, []string{"s>t=10"}, describe(g, Paths(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{MaxHops: 1})))
}

func TestASourceThatIsATargetNeedsAnEdge(t *testing.T) {
	g := buildGraph(t, []string{"a", "b"}, []edgeSpec{{from: "a", to: "b", cost: 1}})
	assert.Equal(t, []string{"a>b=1"}, describe(g, Paths(g, idx(t, g, "a", "b"), idx(t, g, "a", "b"), PathOptions{})))
	assert.Empty(t, Paths(g, idx(t, g, "b"), idx(t, g, "b"), PathOptions{}))
}

// TestPathsMatchExhaustiveEnumeration checks Yen's answer against every
// simple path of small random graphs, found by brute force.
func TestPathsMatchExhaustiveEnumeration(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 150; round++ {
		n := 3 + rng.Intn(6)
		var nodes []string
		for i := 0; i < n; i++ {
			nodes = append(nodes, fmt.Sprintf("n%d", i))
		}
		var edges []edgeSpec
		for i := 0; i < n*2; i++ {
			a, b := rng.Intn(n), rng.Intn(n)
			if a != b {
				edges = append(edges, edgeSpec{from: nodes[a], to: nodes[b], cost: float64(1 + rng.Intn(4)), tech: fmt.Sprintf("t%d", i)})
			}
		}
		g := buildGraph(t, nodes, edges)
		src, dst := idx(t, g, nodes[0]), idx(t, g, nodes[n-1])
		maxHops := 1 + rng.Intn(n)
		want := bruteForce(g, src[0], dst[0], maxHops)
		got := Paths(g, src, dst, PathOptions{Limit: 5, MaxHops: maxHops})
		require.Len(t, got, min(5, len(want)), "round %d", round)
		for i := range got {
			assert.Equal(t, want[i], got[i].Cost, "round %d path %d", round, i)
			assert.LessOrEqual(t, got[i].Hops(), maxHops)
			assert.Len(t, slices.Compact(slices.Sorted(slices.Values(got[i].Nodes))), len(got[i].Nodes), "loop-free")
		}
	}
}

func bruteForce(g *graph.Graph, s, t graph.NodeIndex, maxHops int) []float64 {
	var costs []float64
	onPath := map[graph.NodeIndex]bool{s: true}
	var walk func(n graph.NodeIndex, cost float64, hops int)
	walk = func(n graph.NodeIndex, cost float64, hops int) {
		if hops > 0 && n == t {
			costs = append(costs, cost)
			return
		}
		if hops == maxHops {
			return
		}
		first, end := g.Out(n)
		for e := first; e < end; e++ {
			next := g.To(e)
			if onPath[next] {
				continue
			}
			onPath[next] = true
			walk(next, cost+g.Cost(e), hops+1)
			onPath[next] = false
		}
	}
	walk(s, 0, 0)
	sort.Float64s(costs)
	return costs
}

func TestPathsAreDeterministic(t *testing.T) {
	g := buildGraph(t, []string{"s", "a", "b", "t"}, []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "s", to: "b", cost: 1}, {from: "a", to: "t", cost: 1}, {from: "b", to: "t", cost: 1},
	})
	first := describe(g, Paths(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{}))
	for i := 0; i < 20; i++ {
		assert.Equal(t, first, describe(g, Paths(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{})))
	}
	assert.Equal(t, []string{"s>a>t=2", "s>b>t=2"}, first)
}
