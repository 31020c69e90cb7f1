package synthgraph

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

var small = Config{Nodes: 10_123, Edges: 50_000, Targets: 7, Seed: 3}

func TestGenerateMakesExactlyTheSizeAsked(t *testing.T) {
	g, err := Generate(small)
	require.NoError(t, err)
	assert.Equal(t, small.Nodes, g.NumNodes())
	assert.Equal(t, small.Edges, g.NumEdges(), "no edge is a duplicate that Freeze drops")
}

func TestGenerateHasTheStructureOfAnOrganisation(t *testing.T) {
	g, err := Generate(small)
	require.NoError(t, err)
	kinds := map[graph.Kind]int{}
	pii, admins := 0, 0
	for i := range graph.NodeIndex(g.NumNodes()) {
		n := g.Node(i)
		kinds[n.Kind]++
		if n.Tags[piiTag] == piiValue {
			pii++
			assert.Equal(t, graph.KindBucket, n.Kind)
		}
		if n.Admin {
			admins++
		}
	}
	assert.Equal(t, 1, kinds[graph.KindInternet])
	assert.Equal(t, 10*instances, kinds[graph.KindInstance])
	assert.Equal(t, kinds[graph.KindInstance], kinds[graph.KindMetadata])
	assert.Equal(t, 10*roles, kinds[graph.KindRole])
	assert.Equal(t, small.Targets, pii)
	assert.Equal(t, 10, admins, "one administrator role per account")

	internet, ok := g.Lookup(graph.InternetID)
	require.True(t, ok)
	first, end := g.Out(internet)
	assert.Equal(t, graph.EdgeID(10*(lbs+publicHosts)), end-first, "the internet reaches load balancers and public hosts")
	techniques := map[string]int{}
	for e := range graph.EdgeID(g.NumEdges()) {
		techniques[g.Edge(e).Technique]++
		assert.NotEqual(t, g.From(e), g.To(e))
	}
	assert.Greater(t, techniques["s3-read"], g.NumEdges()/2, "reads are the bulk")
	assert.Equal(t, 10*instances, techniques["rce-imds"])
	assert.Positive(t, techniques["ssrf-imdsv1"])
	assert.Equal(t, 9*9+10*3+10*(users*4+workload*2+(roles-workload)), techniques["assume-role"], "hubs, fan-in and accounts' own")
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(small)
	require.NoError(t, err)
	b, err := Generate(small)
	require.NoError(t, err)
	for e := range graph.EdgeID(a.NumEdges()) {
		require.Equal(t, a.Node(a.From(e)).ID, b.Node(b.From(e)).ID)
		require.Equal(t, a.Node(a.To(e)).ID, b.Node(b.To(e)).ID)
	}
}

func TestGenerateRefusesImpossibleSizes(t *testing.T) {
	for _, cfg := range []Config{
		{Nodes: 2_000, Edges: 10_000},
		{Nodes: 10_001, Edges: 50_000, Targets: 11},
		{Nodes: 10_001, Edges: 100},
		{Nodes: 10_001, Edges: 10_000_000},
	} {
		_, err := Generate(cfg)
		assert.Error(t, err, "%+v", cfg)
	}
}
