package queries

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// describeReach lists the reached nodes as "id=cost/hops:path" in order.
func describeReach(g *graph.Graph, r *Reach) []string {
	var out []string
	for _, n := range r.Nodes() {
		out = append(out, fmt.Sprintf("%s=%g/%d:%s", g.Node(n).ID, r.Cost(n), r.Hops(n), describe(g, []Path{r.Path(n)})[0]))
	}
	return out
}

func TestBlastRadius(t *testing.T) {
	chain := []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "a", to: "b", cost: 1}, {from: "s", to: "b", cost: 3},
		{from: "b", to: "c", cost: 1}, {from: "x", to: "s", cost: 1},
	}
	bounded := []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "a", to: "b", cost: 1}, {from: "b", to: "x", cost: 1},
		{from: "s", to: "x", cost: 5}, {from: "x", to: "y", cost: 1},
	}
	ties := []edgeSpec{
		{from: "s", to: "b", cost: 1}, {from: "s", to: "a", cost: 1}, {from: "a", to: "t", cost: 1}, {from: "b", to: "t", cost: 1},
	}
	tests := []struct {
		name    string
		nodes   []string
		edges   []edgeSpec
		sources []string
		opt     ReachOptions
		want    []string
	}{
		{"cheapest first, each with its cheapest path; nothing upstream", []string{"s", "a", "b", "c", "x"}, chain, []string{"s"}, ReachOptions{},
			[]string{"a=1/1:s>a=1", "b=2/2:s>a>b=2", "c=3/3:s>a>b>c=3"}},
		{"unbounded: the long cheap path", []string{"s", "a", "b", "x", "y"}, bounded, []string{"s"}, ReachOptions{},
			[]string{"a=1/1:s>a=1", "b=2/2:s>a>b=2", "x=3/3:s>a>b>x=3", "y=4/4:s>a>b>x>y=4"}},
		{"max hops: the dear short path reaches further", []string{"s", "a", "b", "x", "y"}, bounded, []string{"s"}, ReachOptions{MaxHops: 2},
			[]string{"a=1/1:s>a=1", "b=2/2:s>a>b=2", "x=5/1:s>x=5", "y=6/2:s>x>y=6"}},
		{"max hops one", []string{"s", "a", "b", "x", "y"}, bounded, []string{"s"}, ReachOptions{MaxHops: 1},
			[]string{"a=1/1:s>a=1", "x=5/1:s>x=5"}},
		{"ties by node index", []string{"s", "a", "b", "t"}, ties, []string{"s"}, ReachOptions{},
			[]string{"a=1/1:s>a=1", "b=1/1:s>b=1", "t=2/2:s>a>t=2"}},
		{"several sources: none listed, each node from its nearest", []string{"s", "a", "b", "c", "x"}, chain, []string{"x", "b"}, ReachOptions{},
			[]string{"c=1/1:b>c=1", "s=1/1:x>s=1", "a=2/2:x>s>a=2"}},
		{"nothing reachable", []string{"s", "a"}, nil, []string{"s"}, ReachOptions{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := buildGraph(t, tt.nodes, tt.edges)
			r := BlastRadius(g, idx(t, g, tt.sources...), tt.opt)
			assert.Equal(t, tt.want, describeReach(g, r))
			assert.Equal(t, len(tt.want), r.Len())
		})
	}
}

func TestWhoCanReach(t *testing.T) {
	nodes := []string{"internet", "i", "imds", "role", "user", "bucket", "other", "t2"}
	edges := []edgeSpec{
		{from: "internet", to: "i", cost: 1}, {from: "i", to: "imds", cost: 2}, {from: "imds", to: "role", cost: 0.5},
		{from: "role", to: "bucket", cost: 0.5}, {from: "user", to: "role", cost: 0.5}, {from: "bucket", to: "other", cost: 1},
		{from: "t2", to: "bucket", cost: 1}, {from: "user", to: "t2", cost: 5},
	}
	g := buildGraph(t, nodes, edges)
	r := WhoCanReach(g, idx(t, g, "bucket", "t2"), ReachOptions{})
	assert.Equal(t, []string{
		"role=0.5/1:role>bucket=0.5", "imds=1/2:imds>role>bucket=1", "user=1/2:user>role>bucket=1",
		"i=3/3:i>imds>role>bucket=3", "internet=4/4:internet>i>imds>role>bucket=4",
	}, describeReach(g, r), "targets are not listed; paths run forwards to the nearest target")
	assert.False(t, r.Reached(idx(t, g, "other")[0]), "downstream of a target")

	bounded := WhoCanReach(g, idx(t, g, "bucket"), ReachOptions{MaxHops: 2})
	assert.Equal(t, []string{"role=0.5/1:role>bucket=0.5", "t2=1/1:t2>bucket=1", "imds=1/2:imds>role>bucket=1", "user=1/2:user>role>bucket=1"},
		describeReach(g, bounded))
}

func TestReachExcludesAssumptionsUnlessGranted(t *testing.T) {
	g := buildGraph(t, []string{"i", "imds", "role"}, []edgeSpec{
		{from: "i", to: "imds", cost: 5, tech: "rce-imds", assumes: graph.AssumeRCE},
		{from: "imds", to: "role", cost: 0.5, tech: "instance-credentials"},
	})
	assert.Empty(t, BlastRadius(g, idx(t, g, "i"), ReachOptions{}).Nodes())
	assert.Equal(t, 2, BlastRadius(g, idx(t, g, "i"), ReachOptions{Assume: []graph.Assumption{graph.AssumeRCE}}).Len())
	assert.Equal(t, []string{"imds=0.5/1:imds>role=0.5"}, describeReach(g, WhoCanReach(g, idx(t, g, "role"), ReachOptions{})))
}

func TestReachGroupsByKind(t *testing.T) {
	b := graph.NewBuilder()
	for _, n := range []graph.Node{
		{ID: "internet", Kind: graph.KindInternet}, {ID: "i", Kind: graph.KindInstance},
		{ID: "r1", Kind: graph.KindRole}, {ID: "r2", Kind: graph.KindRole}, {ID: "b", Kind: graph.KindBucket},
	} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	for _, e := range [][2]string{{"internet", "i"}, {"i", "r2"}, {"r2", "b"}, {"r2", "r1"}} {
		require.NoError(t, b.AddEdge(graph.Edge{From: e[0], To: e[1], Technique: "t", Cost: 1, Evidence: []graph.Evidence{{Kind: "test"}}}))
	}
	g := b.Freeze()
	groups := BlastRadius(g, idx(t, g, "internet"), ReachOptions{}).ByKind()
	var got []string
	for _, grp := range groups {
		for _, n := range grp.Nodes {
			got = append(got, string(grp.Kind)+":"+g.Node(n).ID)
		}
	}
	assert.Equal(t, []string{"ec2-instance:i", "iam-role:r2", "iam-role:r1", "s3-bucket:b"}, got)
}

// TestReachMatchesExhaustiveEnumeration compares both directions with the
// cheapest simple path found by brute force on small random graphs.
func TestReachMatchesExhaustiveEnumeration(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for round := range 200 {
		n := 3 + rng.Intn(6)
		nodes := make([]string, n)
		for i := range nodes {
			nodes[i] = fmt.Sprintf("n%d", i)
		}
		var edges []edgeSpec
		for i := 0; i < n*2; i++ {
			if a, b := rng.Intn(n), rng.Intn(n); a != b {
				edges = append(edges, edgeSpec{from: nodes[a], to: nodes[b], cost: float64(1 + rng.Intn(4)), tech: fmt.Sprintf("t%d", i)})
			}
		}
		g := buildGraph(t, nodes, edges)
		maxHops := 1 + rng.Intn(n)
		anchor := idx(t, g, nodes[0])[0]
		blast := BlastRadius(g, []graph.NodeIndex{anchor}, ReachOptions{MaxHops: maxHops})
		who := WhoCanReach(g, []graph.NodeIndex{anchor}, ReachOptions{MaxHops: maxHops})
		for v := range graph.NodeIndex(n) {
			if v == anchor {
				continue
			}
			checkReach(t, blast, v, bruteForce(g, anchor, v, maxHops), maxHops, fmt.Sprintf("round %d blast to %d", round, v))
			checkReach(t, who, v, bruteForce(g, v, anchor, maxHops), maxHops, fmt.Sprintf("round %d who from %d", round, v))
		}
	}
}

func checkReach(t *testing.T, r *Reach, v graph.NodeIndex, costs []float64, maxHops int, msg string) {
	t.Helper()
	if len(costs) == 0 {
		assert.False(t, r.Reached(v), msg)
		return
	}
	require.True(t, r.Reached(v), msg)
	assert.Equal(t, costs[0], r.Cost(v), msg)
	p := r.Path(v)
	assert.InDelta(t, costs[0], p.Cost, 1e-9, msg)
	assert.LessOrEqual(t, p.Hops(), maxHops, msg)
	assert.Equal(t, r.Hops(v), p.Hops(), msg)
	end := p.To() // the path leads from the anchor to v, or from v to it
	if r.backward {
		end = p.From()
	}
	assert.Equal(t, v, end, msg)
}

func TestWhoCanReachActors(t *testing.T) {
	b := graph.NewBuilder()
	for _, n := range []graph.Node{
		{ID: "internet", Kind: graph.KindInternet}, {ID: "lb", Kind: graph.KindLoadBalancer}, {ID: "i", Kind: graph.KindInstance},
		{ID: "imds", Kind: graph.KindMetadata}, {ID: "role", Kind: graph.KindRole}, {ID: "key", Kind: graph.KindKey},
		{ID: "fn", Kind: graph.KindFunction}, {ID: "user", Kind: graph.KindUser}, {ID: "bucket", Kind: graph.KindBucket},
	} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	for _, e := range [][2]string{{"internet", "lb"}, {"lb", "i"}, {"i", "imds"}, {"imds", "role"}, {"role", "key"}, {"key", "bucket"}, {"fn", "user"}, {"user", "role"}} {
		require.NoError(t, b.AddEdge(graph.Edge{From: e[0], To: e[1], Technique: "t", Cost: 1, Evidence: []graph.Evidence{{Kind: "test"}}}))
	}
	g := b.Freeze()
	r := WhoCanReach(g, idx(t, g, "bucket"), ReachOptions{})
	var names []string
	for _, n := range r.Actors() {
		names = append(names, g.Node(n).ID)
	}
	assert.Equal(t, []string{"role", "user", "fn", "i", "internet"}, names, "no load balancer, metadata endpoint or key; ties by id")
	assert.Equal(t, 8, r.Len())
}
