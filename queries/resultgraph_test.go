package queries

import (
	"testing"

	dgraph "github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

func TestResultGraphIsTheUnionOfThePaths(t *testing.T) {
	g := buildGraph(t, []string{"internet", "i", "imds", "role", "bucket", "other"}, []edgeSpec{
		{from: "internet", to: "i", cost: 1, tech: "internet-ingress"},
		{from: "i", to: "imds", cost: 2, tech: "ssrf-imdsv1"},
		{from: "imds", to: "role", cost: 0.5, tech: "instance-credentials"},
		{from: "role", to: "bucket", cost: 0.5, tech: "s3-read"},
		{from: "role", to: "bucket", cost: 1, tech: "kms-decrypt"},
		{from: "role", to: "other", cost: 1, tech: "assume-role"},
	})
	paths := Paths(g, idx(t, g, "internet"), idx(t, g, "bucket"), PathOptions{})
	require.Len(t, paths, 2)
	rg, err := ResultGraph(g, paths)
	require.NoError(t, err)
	order, err := dgraph.StableTopologicalSort(rg, func(a, b string) bool { return a < b })
	require.NoError(t, err)
	assert.Equal(t, []string{"internet", "i", "imds", "role", "bucket"}, order, "other is on no path")
	e, err := rg.Edge("role", "bucket")
	require.NoError(t, err)
	assert.Equal(t, "s3-read | kms-decrypt", e.Properties.Attributes["techniques"])
	assert.Equal(t, 500, e.Properties.Weight)
	n, err := rg.Vertex("imds")
	require.NoError(t, err)
	assert.Equal(t, graph.KindRole, n.Kind)
}
