package graph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ev(detail string) []Evidence {
	return []Evidence{{Kind: "test", Source: "test", Detail: detail}}
}

func TestFreezeSortsNodesAndEdgesWhateverTheInsertionOrder(t *testing.T) {
	build := func(order []string) *Graph {
		b := NewBuilder()
		for _, id := range order {
			_, err := b.AddNode(Node{ID: id, Kind: KindRole, Name: id})
			require.NoError(t, err)
		}
		require.NoError(t, b.AddEdge(Edge{From: "c", To: "a", Technique: "assume-role", Cost: 1, Evidence: ev("c→a")}))
		require.NoError(t, b.AddEdge(Edge{From: "a", To: "b", Technique: "assume-role", Cost: 1, Evidence: ev("a→b")}))
		require.NoError(t, b.AddEdge(Edge{From: "a", To: "c", Technique: "assume-role", Cost: 2, Evidence: ev("a→c")}))
		return b.Freeze()
	}
	g1, g2 := build([]string{"c", "b", "a"}), build([]string{"a", "b", "c"})
	for _, g := range []*Graph{g1, g2} {
		require.Equal(t, 3, g.NumNodes())
		assert.Equal(t, "a", g.Node(0).ID)
		assert.Equal(t, "c", g.Node(2).ID)
		first, end := g.Out(0)
		require.Equal(t, int32(2), end-first)
		assert.Equal(t, "b", g.Node(g.To(first)).ID)
		assert.Equal(t, "c", g.Node(g.To(first+1)).ID)
		in := g.In(0)
		require.Len(t, in, 1)
		assert.Equal(t, "c", g.Node(g.From(in[0])).ID)
		assert.Equal(t, "c→a", g.Edge(in[0]).Evidence[0].Detail)
	}
}

func TestAddEdgeRefusesEdgesThatCannotBeExplained(t *testing.T) {
	b := NewBuilder()
	_, _ = b.AddNode(Node{ID: "a", Kind: KindUser})
	_, _ = b.AddNode(Node{ID: "b", Kind: KindRole})
	tests := []struct {
		name string
		edge Edge
		want string
	}{
		{"no technique", Edge{From: "a", To: "b", Evidence: ev("x")}, "no technique"},
		{"no evidence", Edge{From: "a", To: "b", Technique: "assume-role"}, "no evidence"},
		{"unknown source", Edge{From: "z", To: "b", Technique: "assume-role", Evidence: ev("x")}, "unknown source node z"},
		{"unknown target", Edge{From: "a", To: "z", Technique: "assume-role", Evidence: ev("x")}, "unknown target node z"},
		{"self loop", Edge{From: "a", To: "a", Technique: "assume-role", Evidence: ev("x")}, "itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorContains(t, b.AddEdge(tt.edge), tt.want)
		})
	}
}

func TestAddNodeRejectsAnIDWithTwoKinds(t *testing.T) {
	b := NewBuilder()
	_, err := b.AddNode(Node{ID: "x", Kind: KindUser})
	require.NoError(t, err)
	_, err = b.AddNode(Node{ID: "x", Kind: KindUser})
	assert.NoError(t, err, "the same node twice is fine")
	_, err = b.AddNode(Node{ID: "x", Kind: KindRole})
	assert.ErrorContains(t, err, "both iam-user and iam-role")
	_, err = b.AddNode(Node{Kind: KindRole})
	assert.ErrorContains(t, err, "no id")
}

func TestFreezeRemovesExactDuplicateEdgesAndKeepsDistinctOnes(t *testing.T) {
	b := NewBuilder()
	_, _ = b.AddNode(Node{ID: "a", Kind: KindUser})
	_, _ = b.AddNode(Node{ID: "b", Kind: KindRole})
	e := Edge{From: "a", To: "b", Technique: "assume-role", Cost: 1, Evidence: ev("same")}
	require.NoError(t, b.AddEdge(e))
	require.NoError(t, b.AddEdge(e))
	other := e
	other.Technique = "iam:UpdateAssumeRolePolicy"
	require.NoError(t, b.AddEdge(other))
	g := b.Freeze()
	assert.Equal(t, 2, g.NumEdges())
	assert.Equal(t, "assume-role", g.Edge(0).Technique)
}

func TestAssumptionMasks(t *testing.T) {
	b := NewBuilder()
	_, _ = b.AddNode(Node{ID: "a", Kind: KindInstance})
	_, _ = b.AddNode(Node{ID: "b", Kind: KindMetadata})
	require.NoError(t, b.AddEdge(Edge{From: "a", To: "b", Technique: "rce-imds", Cost: 5, Evidence: ev("x"), Assumes: []Assumption{AssumeRCE}}))
	g := b.Freeze()
	assert.Equal(t, AssumptionMask(AssumeRCE), g.Assumes(0))
	assert.NotZero(t, AssumptionMask(AssumeLatent))
	assert.Zero(t, AssumptionMask("nonsense"))
}

func TestFreezeDoesNotDependOnInsertionOrder(t *testing.T) {
	edges := []Edge{
		{From: "a", To: "b", Technique: "s3-read", Cost: 1, Evidence: ev("x"), Remediation: "fix one"},
		{From: "a", To: "b", Technique: "s3-read", Cost: 1, Evidence: ev("x"), Remediation: "fix two"},
		{From: "a", To: "b", Technique: "s3-read", Cost: 1, Evidence: ev("x"), Preconditions: []string{"p"}},
	}
	build := func(order []int) []string {
		b := NewBuilder()
		_, _ = b.AddNode(Node{ID: "a", Kind: KindRole})
		_, _ = b.AddNode(Node{ID: "b", Kind: KindBucket})
		for _, i := range order {
			require.NoError(t, b.AddEdge(edges[i]))
		}
		g := b.Freeze()
		var out []string
		for e := EdgeID(0); int(e) < g.NumEdges(); e++ {
			out = append(out, g.Edge(e).Remediation+"|"+strings.Join(g.Edge(e).Preconditions, ","))
		}
		return out
	}
	want := build([]int{0, 1, 2})
	assert.Len(t, want, 3)
	for _, order := range [][]int{{2, 1, 0}, {1, 2, 0}, {0, 2, 1}} {
		assert.Equal(t, want, build(order))
	}
}
