package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

func writeDOT(t testing.TB, g *graph.Graph, paths []queries.Path, opt DOTOptions) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteDOT(&buf, g, paths, opt))
	return buf.String()
}

func TestWriteDOTGolden(t *testing.T) {
	g := estateGraph(t)
	tests := []struct {
		name  string
		paths []queries.Path
		title string
	}{
		{"three-paths", estatePaths(t, g), "internet → customer-data, db-password"},
		{"no-path", nil, "internet → admin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeDOT(t, g, tt.paths, DOTOptions{Title: tt.title})
			assertGolden(t, "paths-"+tt.name+".dot", []byte(out))
			assert.Equal(t, out, writeDOT(t, g, tt.paths, DOTOptions{Title: tt.title}), "rendering twice gives the same bytes")
		})
	}
}

func TestWriteDOTIgnoresPathOrder(t *testing.T) {
	g := estateGraph(t)
	paths := estatePaths(t, g)
	reversed := slices.Clone(paths)
	slices.Reverse(reversed)
	assert.Equal(t, writeDOT(t, g, paths, DOTOptions{}), writeDOT(t, g, reversed, DOTOptions{}))
}

func TestWriteDOTSubgraph(t *testing.T) {
	g := estateGraph(t)
	out := writeDOT(t, g, estatePaths(t, g)[:2], DOTOptions{})
	tests := []struct {
		name     string
		fragment string
		count    int
	}{
		{"an edge shared by two paths is drawn once",
			`"internet" -> "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf" [`, 1},
		{"every node of the paths is drawn once", `  "arn:aws:iam::111122223333:role/waf-role" [`, 1},
		{"nodes of other paths are left out", "i-0app", 0},
		{"the entry point is marked", "entry point", 1},
		{"both targets are marked", "\\ntarget\"", 2},
		{"unconditional edges are solid", "dashed\"]", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.count, strings.Count(out, tt.fragment), out)
		})
	}
}

func TestWriteDOTDashesAssumedAndConditionalEdges(t *testing.T) {
	g := estateGraph(t)
	out := writeDOT(t, g, estatePaths(t, g)[2:], DOTOptions{})
	var dashed []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, " -> ") && strings.Contains(line, `style="dashed"`) {
			dashed = append(dashed, line[:strings.Index(line, " [")])
		}
	}
	assert.Equal(t, []string{
		`  "arn:aws:ec2:us-east-1:111122223333:instance/i-0app" -> "arn:aws:iam::111122223333:role/app-role"`,
		`  "arn:aws:iam::111122223333:role/app-role" -> "arn:aws:s3:::customer-data"`,
	}, dashed)
	assert.Contains(t, out, `label="s3-read + kms-decrypt"`)
}

// clusterOf returns the names of the clusters open at the line that
// declares node id, outermost first.
func clusterOf(t *testing.T, dot, id string) []string {
	t.Helper()
	var open []string
	for _, line := range strings.Split(dot, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "subgraph "):
			open = append(open, strings.TrimSuffix(strings.TrimPrefix(trimmed, "subgraph "), " {"))
		case trimmed == "}":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case strings.HasPrefix(trimmed, dotString(id)+" ["):
			return append([]string(nil), open...)
		}
	}
	t.Fatalf("node %s not declared", id)
	return nil
}

func TestWriteDOTClusters(t *testing.T) {
	g := estateGraph(t)
	out := writeDOT(t, g, estatePaths(t, g), DOTOptions{})
	acct := `"cluster_acct_111122223333"`
	vpc := `"cluster_acct_111122223333_vpc_vpc-0prod"`
	tests := []struct {
		node string
		want []string
	}{
		{graph.InternetID, nil},
		{wafARN, []string{acct, vpc, `"cluster_acct_111122223333_vpc_vpc-0prod_subnet_subnet-0pub"`}},
		{graph.MetadataID(wafARN), []string{acct, vpc, `"cluster_acct_111122223333_vpc_vpc-0prod_subnet_subnet-0pub"`}},
		{appARN, []string{acct, vpc, `"cluster_acct_111122223333_vpc_vpc-0prod_subnet_subnet-0app"`}},
		{wafRole, []string{acct}},
		{bucket, []string{acct}},
	}
	for _, tt := range tests {
		t.Run(tt.node, func(t *testing.T) {
			assert.Equal(t, tt.want, clusterOf(t, out, tt.node))
		})
	}
	assert.Contains(t, out, `label="account 111122223333"`)
	assert.Equal(t, 1, strings.Count(out, "subgraph "+vpc), "one VPC cluster holds both subnets")
}

func TestWriteDOTEscapesHostileStrings(t *testing.T) {
	g := hostileGraph(t)
	out := writeDOT(t, g, []queries.Path{pathOf(t, g, graph.InternetID, hostileID)}, DOTOptions{Title: "title \"x\"\n{}"})
	for _, want := range []string{
		`graph [label="title \"x\"\n{}", `,
		`"arn:aws:iam::111122223333:role/x\"];evil->\"y" [label="quote\" back\\slash {braces}\n\\u202eevil\niam-role\ntarget"`,
		`subgraph "cluster_acct_1\"}" {`,
		`label="tech\"nique\\N"`,
		`tooltip="two\nlines &amp; <b>markup</b> &amp;#1; &amp;nbsp; ]]> \\\\G\n- tag }; digraph x {: \\\\x00nul \\\\x1b[31mred\\\\x1b[0m \\\\xff invalid\nfix: fix \"it\"\\\\r\n"`,
	} {
		assert.Contains(t, out, want)
	}
	for _, r := range out {
		if r != '\n' {
			assert.False(t, needsEscape(r), "raw control or bidi character %U in DOT", r)
		}
	}
}
