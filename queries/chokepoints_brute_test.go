package queries

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// TestChokepointsAreMinimumCuts checks the cut of small random graphs by
// brute force: removing it disconnects the sources from the targets, no
// smaller set of edges does, no cut of the same size disrupts less, and
// every enumerated path passes through it. The paths are those Paths finds
// in the whole graph.
func TestChokepointsAreMinimumCuts(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	techniques := []string{"ssrf-imdsv1", "internet-ingress", "s3-read", "assume-role"}
	for round := range 300 {
		n := 3 + rng.Intn(5)
		nodes := make([]string, n)
		for i := range nodes {
			nodes[i] = fmt.Sprintf("n%d", i)
		}
		var edges []edgeSpec
		for i := 0; i < 2+rng.Intn(10); i++ {
			if a, b := rng.Intn(n), rng.Intn(n); a != b {
				e := edgeSpec{from: nodes[a], to: nodes[b], cost: float64(1 + rng.Intn(3)), tech: techniques[rng.Intn(len(techniques))]}
				if rng.Intn(6) == 0 {
					e.assumes = graph.AssumeRCE
				}
				edges = append(edges, e)
			}
		}
		g := buildGraph(t, nodes, edges)
		sources, targets := randomSubset(rng, n), randomSubset(rng, n)
		opt := PathOptions{Limit: 50, MaxHops: 1 + rng.Intn(n)}
		c := FindChokepoints(g, sources, targets, opt)
		name := fmt.Sprintf("round %d: sources %v targets %v edges %v", round, sources, targets, edges)
		var cut []graph.EdgeID
		for _, p := range c.Cut {
			cut = append(cut, p.Edge)
		}
		usable := usableEdges(g)
		assert.False(t, connected(g, sources, targets, cut), "the cut disconnects: %s", name)
		if len(cut) > 0 {
			assert.True(t, connected(g, sources, targets, nil), "a cut only when connected: %s", name)
			forSubsets(usable, len(cut)-1, func(smaller []graph.EdgeID) {
				require.True(t, connected(g, sources, targets, smaller), "%v is a smaller cut: %s", smaller, name)
			})
			forSubsets(usable, len(cut), func(same []graph.EdgeID) {
				if !connected(g, sources, targets, same) {
					assert.GreaterOrEqual(t, disruption(g, same), disruption(g, cut), "%v disrupts less: %s", same, name)
				}
			})
		}
		if len(cut) > 0 {
			assert.Equal(t, Paths(g, sources, targets, opt), c.Paths, "the paths of the flow network's edges are the graph's: %s", name)
		}
		for i, p := range c.Paths {
			assert.True(t, slices.ContainsFunc(p.Edges, func(e graph.EdgeID) bool { return slices.Contains(cut, e) }), "path %d is cut: %s", i, name)
		}
	}
}

func randomSubset(rng *rand.Rand, n int) []graph.NodeIndex {
	var out []graph.NodeIndex
	for len(out) == 0 {
		for i := range n {
			if rng.Intn(3) == 0 {
				out = append(out, graph.NodeIndex(i))
			}
		}
	}
	return out
}

func usableEdges(g *graph.Graph) []graph.EdgeID {
	var out []graph.EdgeID
	for e := range graph.EdgeID(g.NumEdges()) {
		if g.Assumes(e) == 0 {
			out = append(out, e)
		}
	}
	return out
}

func disruption(g *graph.Graph, edges []graph.EdgeID) int {
	total := 0
	for _, e := range edges {
		total += FixDisruption(g.Edge(e).Technique)
	}
	return total
}

// connected reports whether a path of usable, uncut edges leads from a
// source to a target, stopping at the first target (a walk through a target
// that is not a source is no path).
func connected(g *graph.Graph, sources, targets []graph.NodeIndex, cut []graph.EdgeID) bool {
	seen := map[graph.NodeIndex]bool{}
	queue := slices.Clone(sources)
	for _, s := range sources {
		seen[s] = true
	}
	for i := 0; i < len(queue); i++ {
		first, end := g.Out(queue[i])
		for e := first; e < end; e++ {
			if g.Assumes(e) != 0 || slices.Contains(cut, e) {
				continue
			}
			v := g.To(e)
			if slices.Contains(targets, v) {
				return true
			}
			if !seen[v] {
				seen[v] = true
				queue = append(queue, v)
			}
		}
	}
	return false
}

// forSubsets calls f with every subset of exactly k of the edges.
func forSubsets(edges []graph.EdgeID, k int, f func([]graph.EdgeID)) {
	var pick func(start int, chosen []graph.EdgeID)
	pick = func(start int, chosen []graph.EdgeID) {
		if len(chosen) == k {
			f(chosen)
			return
		}
		for i := start; i < len(edges); i++ {
			pick(i+1, append(chosen, edges[i]))
		}
	}
	pick(0, nil)
}
