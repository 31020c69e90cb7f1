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

func TestWriteTextGolden(t *testing.T) {
	g := estateGraph(t)
	tests := []struct {
		name     string
		paths    []queries.Path
		warnings []string
	}{
		{"three-paths", estatePaths(t, g), []string{"snapshot 111122223333: lambda-list-functions.json not collected"}},
		{"no-path", nil, []string{"region eu-west-1: ec2 DescribeInstances denied"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf, again bytes.Buffer
			WriteText(&buf, g, tt.paths, tt.warnings)
			assertGolden(t, "text-"+tt.name+".txt", buf.Bytes())
			WriteText(&again, g, tt.paths, tt.warnings)
			assert.Equal(t, buf.String(), again.String(), "rendering twice gives the same bytes")
		})
	}
}

func TestWriteTextLines(t *testing.T) {
	g := estateGraph(t)
	var buf bytes.Buffer
	WriteText(&buf, g, estatePaths(t, g), []string{"w2", "w1"})
	lines := strings.Split(buf.String(), "\n")
	tests := []struct {
		name string
		line string
	}{
		{"header", "Path 1 of 3 · cost 3.5 · internet → customer-data"},
		{"header of a path that needs rce", "Path 3 of 3 · cost 5 · internet → customer-data · needs: code execution on the host (--assume rce)"},
		{"hop", "  1. internet ──internet-ingress──▶ i-0waf (ec2-instance)"},
		{"hop of several techniques", "  3. app-role ──s3-read + kms-decrypt──▶ customer-data (s3-bucket)"},
		{"evidence bullet", "     - security-group-rule sg-0web: sg-0web (web) admits tcp 443 from 0.0.0.0/0"},
		{"precondition", "     precondition: an SSRF flaw in the application on tcp 443"},
		{"condition", "     condition: StringEquals aws:SourceVpc vpc-0prod in arn:aws:iam::111122223333:policy/app-s3 statement 0 (Sid FromVpc)"},
		{"hop assumption", "     needs: code execution on the host (--assume rce)"},
		{"fix", "     fix: Require IMDSv2: aws ec2 modify-instance-metadata-options --instance-id i-0waf --http-tokens required"},
		{"warning", "warning: w1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, lines, tt.line)
		})
	}
	assert.Equal(t, []string{"warning: w1", "warning: w2", ""}, lines[len(lines)-3:], "warnings come last, sorted")
}

func TestWriteTextAlignsLongPaths(t *testing.T) {
	b := graph.NewBuilder()
	ids := make([]string, 12)
	for i := range ids {
		ids[i] = "arn:aws:iam::111122223333:role/r" + string(rune('a'+i))
		_, err := b.AddNode(graph.Node{ID: ids[i], Kind: graph.KindRole, Name: "r" + string(rune('a'+i))})
		require.NoError(t, err)
		if i > 0 {
			require.NoError(t, b.AddEdge(graph.Edge{From: ids[i-1], To: ids[i], Technique: "assume-role", Cost: 1,
				Explanation: "assume", Evidence: []graph.Evidence{{Kind: "trust-policy", Source: ids[i], Detail: "trusts"}}}))
		}
	}
	g := b.Freeze()
	var buf bytes.Buffer
	WriteText(&buf, g, []queries.Path{pathOf(t, g, ids...)}, nil)
	assert.Contains(t, buf.String(), "\n   1. ra ──assume-role──▶ rb (iam-role)\n      assume\n")
	assert.Contains(t, buf.String(), "\n  11. rk ──assume-role──▶ rl (iam-role)\n      assume\n")
}

func TestWriteTextEscapesTerminalControls(t *testing.T) {
	g := hostileGraph(t)
	var buf bytes.Buffer
	WriteText(&buf, g, []queries.Path{pathOf(t, g, graph.InternetID, hostileID)}, []string{"bad\x1b[2Jwarning"})
	out := buf.String()
	for _, r := range out {
		if r != '\n' {
			assert.False(t, needsEscape(r), "raw control or bidi character %U in text output", r)
		}
	}
	assert.Contains(t, out, `warning: bad\x1b[2Jwarning`)
	assert.Contains(t, out, `two\nlines`)
	assert.Contains(t, out, `\u202eevil`)
}
