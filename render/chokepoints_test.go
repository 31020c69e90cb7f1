package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

func chokeQuery(t *testing.T, g *graph.Graph, limit int, assume ...graph.Assumption) (ChokeQuery, queries.Chokepoints) {
	q := ChokeQuery{From: "internet", To: "kind:s3-bucket,kind:secret", Sources: nodesOf(t, g, graph.InternetID),
		Targets: nodesOf(t, g, bucket, secret), Limit: limit, MaxHops: 12, Assume: assume}
	c := queries.FindChokepoints(g, q.Sources, q.Targets, queries.PathOptions{Limit: limit, MaxHops: q.MaxHops, Assume: assume})
	return q, c
}

func TestChokepointsGolden(t *testing.T) {
	g := estateGraph(t)
	tests := []struct {
		name   string
		limit  int
		assume []graph.Assumption
	}{
		{"internet-to-data", 100, nil},
		{"internet-to-data-assume-rce", 100, []graph.Assumption{graph.AssumeRCE}},
		{"truncated", 2, []graph.Assumption{graph.AssumeRCE}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, c := chokeQuery(t, g, tt.limit, tt.assume...)
			var js, text bytes.Buffer
			require.NoError(t, WriteChokepointsJSON(&js, NewChokepointsAnswer(g, q, c, nil)))
			assertGolden(t, "chokepoints-"+tt.name+".json", js.Bytes())
			WriteChokepointsText(&text, g, q, c, nil)
			assertGolden(t, "chokepoints-"+tt.name+".txt", text.Bytes())
		})
	}
}

func TestChokepointsTextLines(t *testing.T) {
	g := estateGraph(t)
	q, c := chokeQuery(t, g, 100, graph.AssumeRCE)
	var buf bytes.Buffer
	WriteChokepointsText(&buf, g, q, c, nil)
	lines := strings.Split(buf.String(), "\n")
	assert.Equal(t, "Choke points from internet to kind:s3-bucket,kind:secret (2 targets): removing 2 edges cuts every path, assuming code execution on the host (--assume rce).", lines[0])
	assert.Contains(t, lines, "  1. Require IMDSv2: aws ec2 modify-instance-metadata-options --instance-id i-0waf --http-tokens required (ssrf-imdsv1 i-0waf → i-0waf imds): cuts 2 of 3 paths")
	assert.Contains(t, lines, "     - imds i-0waf: MetadataOptions HttpEndpoint=enabled, HttpTokens=optional")
	assert.Contains(t, lines, "The cut covers paths of any length; it is ranked by the 3 paths within 12 hops.")
}

func TestChokepointsAnswer(t *testing.T) {
	g := estateGraph(t)
	q, c := chokeQuery(t, g, 100, graph.AssumeRCE)
	a := NewChokepointsAnswer(g, q, c, nil)
	assert.False(t, a.Disconnected)
	assert.Equal(t, 2, a.CutSize)
	require.Len(t, a.Chokepoints, 2)
	first := a.Chokepoints[0]
	assert.Equal(t, "ssrf-imdsv1", first.Edge.Technique)
	assert.Equal(t, []int{0, 1}, first.Paths, "indexes into paths")
	assert.Equal(t, 2, first.PathsCut)
	assert.Len(t, a.Paths, 3)
	for _, i := range first.Paths {
		assert.Contains(t, a.Paths[i].Edges, first.Edge, "the path passes through the choke point")
	}
}

func TestChokepointsOfDisconnectedNodes(t *testing.T) {
	g := estateGraph(t)
	q := ChokeQuery{From: "customer-data", To: "internet", Sources: nodesOf(t, g, bucket), Targets: nodesOf(t, g, graph.InternetID), Limit: 100}
	c := queries.FindChokepoints(g, q.Sources, q.Targets, queries.PathOptions{})
	var text, js bytes.Buffer
	WriteChokepointsText(&text, g, q, c, nil)
	assert.Equal(t, "Choke points from customer-data to internet: none: no path leads from one to the other.\n", text.String())
	require.NoError(t, WriteChokepointsJSON(&js, NewChokepointsAnswer(g, q, c, nil)))
	assert.Contains(t, js.String(), `"disconnected": true`)
	assert.Contains(t, js.String(), `"chokepoints": []`)
}
