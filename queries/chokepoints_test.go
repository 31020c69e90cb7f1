package queries

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/internal/synthgraph"
)

// describeCut lists the cut as "from>to(technique)=paths cut".
func describeCut(g *graph.Graph, c Chokepoints) []string {
	var out []string
	for _, p := range c.Cut {
		out = append(out, fmt.Sprintf("%s>%s(%s)=%d", g.Node(g.From(p.Edge)).ID, g.Node(g.To(p.Edge)).ID, g.Edge(p.Edge).Technique, len(p.Paths)))
	}
	return out
}

func TestChokepoints(t *testing.T) {
	capitalOne := []edgeSpec{
		{from: "internet", to: "i", cost: 1, tech: "internet-ingress"}, {from: "i", to: "imds", cost: 2, tech: "ssrf-imdsv1"},
		{from: "imds", to: "role", cost: 0.5, tech: "instance-credentials"}, {from: "role", to: "bucket", cost: 0.5, tech: "s3-read"},
		{from: "i", to: "imds", cost: 5, tech: "rce-imds", assumes: graph.AssumeRCE},
	}
	fanOut := []edgeSpec{
		{from: "s", to: "x", cost: 1}, {from: "s", to: "y", cost: 1},
		{from: "x", to: "t1", cost: 1}, {from: "x", to: "t2", cost: 1}, {from: "x", to: "t3", cost: 1}, {from: "y", to: "t1", cost: 1},
	}
	tests := []struct {
		name             string
		nodes            []string
		edges            []edgeSpec
		sources, targets []string
		opt              PathOptions
		want             []string
		paths            int
	}{
		{"a chain is cut where the fix disrupts least", []string{"internet", "i", "imds", "role", "bucket"}, capitalOne,
			[]string{"internet"}, []string{"bucket"}, PathOptions{}, []string{"i>imds(ssrf-imdsv1)=1"}, 1},
		{"assumed edges must be cut too", []string{"internet", "i", "imds", "role", "bucket"}, capitalOne,
			[]string{"internet"}, []string{"bucket"}, PathOptions{Assume: []graph.Assumption{graph.AssumeRCE}},
			[]string{"imds>role(instance-credentials)=2"}, 2},
		{"a diamond is cut at its waist", []string{"s", "a", "b", "m", "t"}, []edgeSpec{
			{from: "s", to: "a", cost: 1}, {from: "s", to: "b", cost: 1}, {from: "a", to: "m", cost: 1}, {from: "b", to: "m", cost: 1}, {from: "m", to: "t", cost: 1},
		}, []string{"s"}, []string{"t"}, PathOptions{}, []string{"m>t(assume-role)=2"}, 2},
		{"ranked by paths cut", []string{"s", "x", "y", "t1", "t2", "t3"}, fanOut,
			[]string{"s"}, []string{"t1", "t2", "t3"}, PathOptions{}, []string{"s>x(assume-role)=3", "s>y(assume-role)=1"}, 4},
		{"a source that is a target: its own edges count, its in-edges end paths", []string{"a", "b", "c"}, []edgeSpec{
			{from: "a", to: "b", cost: 1}, {from: "b", to: "c", cost: 1},
		}, []string{"a", "b"}, []string{"b", "c"}, PathOptions{}, []string{"a>b(assume-role)=1", "b>c(assume-role)=1"}, 2},
		{"edges beyond a target are never cut", []string{"s", "t1", "x", "t2"}, []edgeSpec{
			{from: "s", to: "t1", cost: 1}, {from: "t1", to: "x", cost: 1}, {from: "x", to: "t2", cost: 1},
		}, []string{"s"}, []string{"t1", "t2"}, PathOptions{}, []string{"s>t1(assume-role)=1"}, 1},
		{"the limit bounds the ranking paths", []string{"s", "x", "y", "t1", "t2", "t3"}, fanOut,
			[]string{"s"}, []string{"t1", "t2", "t3"}, PathOptions{Limit: 2}, []string{"s>x(assume-role)=2", "s>y(assume-role)=0"}, 2},
		{"max hops bounds the ranking paths, not the cut", []string{"s", "a", "t"}, []edgeSpec{
			{from: "s", to: "a", cost: 1}, {from: "a", to: "t", cost: 1},
		}, []string{"s"}, []string{"t"}, PathOptions{MaxHops: 1}, []string{"s>a(assume-role)=0"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := buildGraph(t, tt.nodes, tt.edges)
			c := FindChokepoints(g, idx(t, g, tt.sources...), idx(t, g, tt.targets...), tt.opt)
			assert.Equal(t, tt.want, describeCut(g, c))
			assert.Len(t, c.Paths, tt.paths)
			assert.False(t, c.Disconnected())
		})
	}
}

func TestChokepointsOfDisconnectedSets(t *testing.T) {
	g := buildGraph(t, []string{"s", "a", "t"}, []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "t", to: "a", cost: 1},
		{from: "a", to: "t", cost: 1, tech: "rce-imds", assumes: graph.AssumeRCE},
	})
	c := FindChokepoints(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{})
	assert.True(t, c.Disconnected())
	assert.Empty(t, c.Paths)
	assert.True(t, FindChokepoints(g, nil, idx(t, g, "t"), PathOptions{}).Disconnected())
	assert.False(t, FindChokepoints(g, idx(t, g, "s"), idx(t, g, "t"), PathOptions{Assume: []graph.Assumption{graph.AssumeRCE}}).Disconnected())
}

func TestChokepointsTruncation(t *testing.T) {
	g := buildGraph(t, []string{"s", "a", "b", "t"}, []edgeSpec{
		{from: "s", to: "a", cost: 1}, {from: "s", to: "b", cost: 1}, {from: "a", to: "t", cost: 1}, {from: "b", to: "t", cost: 1},
	})
	src, dst := idx(t, g, "s"), idx(t, g, "t")
	require.Len(t, FindChokepoints(g, src, dst, PathOptions{}).Paths, 2)
	assert.False(t, FindChokepoints(g, src, dst, PathOptions{}).Truncated)
	assert.True(t, FindChokepoints(g, src, dst, PathOptions{Limit: 1}).Truncated)
}

// TestChokepointsOnASyntheticOrganisation runs the query where edges share
// their details (as generated graphs do) and the flow network is a small
// part of the graph.
func TestChokepointsOnASyntheticOrganisation(t *testing.T) {
	g, err := synthgraph.Generate(synthgraph.Config{Nodes: 20_001, Edges: 100_000, Targets: 5, Seed: 9})
	require.NoError(t, err)
	sources, err := MustSelector("internet").Resolve(g)
	require.NoError(t, err)
	targets, err := MustSelector("tag:data-classification=pii").Resolve(g)
	require.NoError(t, err)
	opt := PathOptions{Limit: 30}
	c := FindChokepoints(g, sources, targets, opt)
	require.NotEmpty(t, c.Cut)
	var cut []graph.EdgeID
	for _, p := range c.Cut {
		cut = append(cut, p.Edge)
	}
	assert.True(t, connected(g, sources, targets, nil))
	assert.False(t, connected(g, sources, targets, cut))
	assert.Equal(t, Paths(g, sources, targets, opt), c.Paths)
	assert.Len(t, c.Paths, 30)
	assert.True(t, c.Truncated)
}
