package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

func TestWriteJSONGolden(t *testing.T) {
	g := estateGraph(t)
	tests := []struct {
		name     string
		paths    []queries.Path
		warnings []string
	}{
		{"three-paths", estatePaths(t, g), []string{"snapshot 111122223333: lambda-list-functions.json not collected"}},
		{"no-path", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteJSON(&buf, NewAnswer(g, tt.paths, tt.warnings)))
			assertGolden(t, "answer-"+tt.name+".json", buf.Bytes())

			var again bytes.Buffer
			require.NoError(t, WriteJSON(&again, NewAnswer(g, tt.paths, tt.warnings)))
			assert.Equal(t, buf.String(), again.String(), "rendering twice gives the same bytes")
		})
	}
}

// decodeAnswer reads the JSON answer the way a script would.
func decodeAnswer(t *testing.T, a Answer) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, a))
	assert.True(t, bytes.HasSuffix(buf.Bytes(), []byte("}\n")), "trailing newline")
	var out map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &out))
	return out
}

func TestAnswerEmptyListsAreNotNull(t *testing.T) {
	g := estateGraph(t)
	for name, a := range map[string]Answer{
		"from NewAnswer": NewAnswer(g, nil, nil),
		"zero value":     {},
	} {
		t.Run(name, func(t *testing.T) {
			out := decodeAnswer(t, a)
			assert.Equal(t, []any{}, out["paths"])
			assert.Equal(t, []any{}, out["warnings"])
		})
	}
}

func TestAnswerOptionalFields(t *testing.T) {
	g := estateGraph(t)
	out := decodeAnswer(t, NewAnswer(g, estatePaths(t, g), nil))
	paths := out["paths"].([]any)
	require.Len(t, paths, 3)

	capitalOne := paths[0].(map[string]any)
	assert.Equal(t, "internet", capitalOne["from"])
	assert.Equal(t, bucket, capitalOne["to"])
	assert.Equal(t, 3.5, capitalOne["cost"])
	assert.NotContains(t, capitalOne, "assumes", "a path that needs nothing has no assumes")
	ingress := capitalOne["edges"].([]any)[0].(map[string]any)
	for _, key := range []string{"techniques", "preconditions", "assumes", "conditions"} {
		assert.NotContains(t, ingress, key)
	}
	ssrf := capitalOne["edges"].([]any)[1].(map[string]any)
	assert.Equal(t, []any{"an SSRF flaw in the application on tcp 443"}, ssrf["preconditions"])

	rce := paths[2].(map[string]any)
	assert.Equal(t, []any{"rce"}, rce["assumes"])
	edges := rce["edges"].([]any)
	assert.Equal(t, []any{"rce"}, edges[1].(map[string]any)["assumes"])
	kms := edges[2].(map[string]any)
	assert.Equal(t, "s3-read", kms["technique"])
	assert.Equal(t, []any{"s3-read", "kms-decrypt"}, kms["techniques"])
	assert.Equal(t, []any{map[string]any{
		"policy": "arn:aws:iam::111122223333:policy/app-s3", "type": "identity", "index": 0.0,
		"sid": "FromVpc", "operator": "StringEquals", "key": "aws:SourceVpc", "values": []any{"vpc-0prod"},
	}}, kms["conditions"])
}

func TestAnswerEdgeEndsComeFromTheGraph(t *testing.T) {
	// Edges added with AddEdgeLike share the details of the first edge,
	// whose From and To name other nodes: the answer must not use them.
	b := graph.NewBuilder()
	var idx []int32
	for _, id := range []string{"a", "b", "c", "d"} {
		i, err := b.AddNode(graph.Node{ID: id, Kind: graph.KindRole, Name: id})
		require.NoError(t, err)
		idx = append(idx, i)
	}
	require.NoError(t, b.AddEdge(graph.Edge{From: "a", To: "b", Technique: "assume-role", Cost: 1,
		Evidence: []graph.Evidence{{Kind: "trust-policy", Source: "b", Detail: "trusts a"}}}))
	b.AddEdgeLike(idx[2], idx[3], int32(b.DetailCount()-1))
	g := b.Freeze()

	a := NewAnswer(g, []queries.Path{pathOf(t, g, "c", "d")}, nil)
	require.Len(t, a.Paths[0].Edges, 1)
	assert.Equal(t, "c", a.Paths[0].Edges[0].From)
	assert.Equal(t, "d", a.Paths[0].Edges[0].To)
}

func TestNewAnswerWarnings(t *testing.T) {
	g := estateGraph(t)
	a := NewAnswer(g, nil, []string{"region us-west-2: ec2 denied", "account 4: no iam", "region us-west-2: ec2 denied"})
	assert.Equal(t, []string{"account 4: no iam", "region us-west-2: ec2 denied"}, a.Warnings,
		"sorted and deduplicated, whatever order the sources reported them in")
}

func TestNewAnswerRoundsCost(t *testing.T) {
	g := estateGraph(t)
	p := estatePaths(t, g)[0]
	p.Cost = 0.1 + 0.2 // 0.30000000000000004
	a := NewAnswer(g, []queries.Path{p}, nil)
	assert.Equal(t, 0.3, a.Paths[0].Cost)
}

func TestNewAnswerDoesNotShareGraphSlices(t *testing.T) {
	g := estateGraph(t)
	paths := estatePaths(t, g)
	a := NewAnswer(g, paths, nil)
	a.Paths[2].Edges[2].Techniques[0] = "edited"
	a.Paths[2].Edges[2].Conditions[0].Values[0] = "edited"
	a.Paths[0].Edges[1].Preconditions[0] = "edited"

	fresh := NewAnswer(g, paths, nil)
	assert.Equal(t, "s3-read", fresh.Paths[2].Edges[2].Techniques[0])
	assert.Equal(t, "vpc-0prod", fresh.Paths[2].Edges[2].Conditions[0].Values[0])
	assert.Equal(t, "an SSRF flaw in the application on tcp 443", fresh.Paths[0].Edges[1].Preconditions[0])
}

func TestWritersAcceptAPathWithoutNodes(t *testing.T) {
	// queries never returns one, but a library caller might build it.
	g := estateGraph(t)
	paths := []queries.Path{{}}
	assert.Equal(t, "", NewAnswer(g, paths, nil).Paths[0].From)
	var buf bytes.Buffer
	WriteText(&buf, g, paths, nil)
	assert.Equal(t, "Path 1 of 1 · cost 0\n", buf.String())
	require.NoError(t, WriteDOT(&buf, g, paths, DOTOptions{}))
}
