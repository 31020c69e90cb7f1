package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// nodesOf looks nodes up by id.
func nodesOf(t *testing.T, g *graph.Graph, ids ...string) []graph.NodeIndex {
	t.Helper()
	var out []graph.NodeIndex
	for _, id := range ids {
		n, ok := g.Lookup(id)
		require.True(t, ok, id)
		out = append(out, n)
	}
	return out
}

func TestBlastRadiusGolden(t *testing.T) {
	g := estateGraph(t)
	tests := []struct {
		name string
		q    ReachQuery
	}{
		{"internet", ReachQuery{Selector: "internet", Nodes: nodesOf(t, g, graph.InternetID), MaxHops: 12}},
		{"internet-assume-rce", ReachQuery{Selector: "internet", Nodes: nodesOf(t, g, graph.InternetID), MaxHops: 12, Assume: []graph.Assumption{graph.AssumeRCE}}},
		{"nothing", ReachQuery{Selector: "kind:s3-bucket,kind:secret", Nodes: nodesOf(t, g, bucket, secret), MaxHops: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := queries.BlastRadius(g, tt.q.Nodes, queries.ReachOptions{MaxHops: tt.q.MaxHops, Assume: tt.q.Assume})
			var js, text bytes.Buffer
			require.NoError(t, WriteBlastJSON(&js, NewBlastAnswer(g, tt.q, r, []string{"w"})))
			assertGolden(t, "blast-"+tt.name+".json", js.Bytes())
			WriteBlastText(&text, g, tt.q, r, []string{"w"})
			assertGolden(t, "blast-"+tt.name+".txt", text.Bytes())
		})
	}
}

func TestBlastAnswerGroupsByKindWithFullPaths(t *testing.T) {
	g := estateGraph(t)
	q := ReachQuery{Selector: "internet", Nodes: nodesOf(t, g, graph.InternetID), MaxHops: 12}
	a := NewBlastAnswer(g, q, queries.BlastRadius(g, q.Nodes, queries.ReachOptions{}), nil)
	var kinds []graph.Kind
	for _, k := range a.Kinds {
		kinds = append(kinds, k.Kind)
		assert.Len(t, k.Nodes, k.Count)
	}
	assert.Equal(t, []graph.Kind{graph.KindInstance, graph.KindMetadata, graph.KindRole, graph.KindBucket, graph.KindSecret}, kinds)
	assert.Equal(t, 6, a.Reached)
	data := a.Kinds[3].Nodes[0]
	assert.Equal(t, bucket, data.ID)
	assert.Equal(t, 3.5, data.Cost)
	assert.Equal(t, 4, data.Hops)
	require.Len(t, data.Path.Edges, 4)
	assert.Equal(t, "ssrf-imdsv1", data.Path.Edges[1].Technique)
	assert.NotEmpty(t, data.Path.Edges[1].Explanation)
	assert.NotEmpty(t, data.Path.Edges[1].Evidence)
	assert.NotEmpty(t, data.Path.Edges[1].Remediation)
}

func TestWhoCanReachGolden(t *testing.T) {
	g := estateGraph(t)
	q := ReachQuery{Selector: "tag:data-classification=pii", Nodes: nodesOf(t, g, bucket), MaxHops: 12, Assume: []graph.Assumption{graph.AssumeRCE}}
	r := queries.WhoCanReach(g, q.Nodes, queries.ReachOptions{MaxHops: 12, Assume: q.Assume})
	for name, listed := range map[string][]graph.NodeIndex{"actors": r.Actors(), "all": r.Nodes()} {
		t.Run(name, func(t *testing.T) {
			var js, text bytes.Buffer
			require.NoError(t, WriteWhoCanReachJSON(&js, NewWhoCanReachAnswer(g, q, r, listed, nil)))
			assertGolden(t, "who-can-reach-"+name+".json", js.Bytes())
			WriteWhoCanReachText(&text, g, q, r, listed, nil)
			assertGolden(t, "who-can-reach-"+name+".txt", text.Bytes())
		})
	}
}

func TestWhoCanReachTextLines(t *testing.T) {
	g := estateGraph(t)
	q := ReachQuery{Selector: "customer-data", Nodes: nodesOf(t, g, bucket), MaxHops: 12}
	r := queries.WhoCanReach(g, q.Nodes, queries.ReachOptions{})
	var buf bytes.Buffer
	WriteWhoCanReachText(&buf, g, q, r, r.Actors(), nil)
	lines := strings.Split(buf.String(), "\n")
	assert.Equal(t, "Who can reach customer-data: 5 nodes within 12 hops; listed: the 4 entry points, principals and compute nodes", lines[0])
	assert.Contains(t, lines, "  1. waf-role (iam-role) · cost 0.5 · 1 hop · reaches customer-data")
	assert.Contains(t, lines, "     internet ──internet-ingress──▶ i-0waf ──ssrf-imdsv1──▶ i-0waf imds ──instance-credentials──▶ waf-role ──s3-read──▶ customer-data")
}

func TestReachAnswersHaveNoNullLists(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer) error{
		"blast":         func(b *bytes.Buffer) error { return WriteBlastJSON(b, BlastAnswer{}) },
		"who-can-reach": func(b *bytes.Buffer) error { return WriteWhoCanReachJSON(b, WhoCanReachAnswer{}) },
		"chokepoints":   func(b *bytes.Buffer) error { return WriteChokepointsJSON(b, ChokepointsAnswer{}) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, write(&buf))
			var out map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &out))
			for key, v := range out {
				assert.NotNil(t, v, key)
			}
		})
	}
}

func TestReachTextEscapesHostileNames(t *testing.T) {
	b := graph.NewBuilder()
	for _, n := range []graph.Node{{ID: "a", Kind: graph.KindRole, Name: "a"}, {ID: "b", Kind: graph.KindBucket, Name: "b\x1b[31mred"}} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	require.NoError(t, b.AddEdge(graph.Edge{From: "a", To: "b", Technique: "s3-read", Cost: 1, Evidence: []graph.Evidence{{Kind: "test"}}}))
	g := b.Freeze()
	q := ReachQuery{Selector: "a", Nodes: nodesOf(t, g, "a")}
	var buf bytes.Buffer
	WriteBlastText(&buf, g, q, queries.BlastRadius(g, q.Nodes, queries.ReachOptions{}), nil)
	assert.NotContains(t, buf.String(), "\x1b")
	assert.Contains(t, buf.String(), `b\x1b[31mred`)
}
