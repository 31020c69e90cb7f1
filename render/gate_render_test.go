package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// hostileName is what an attacker who can tag or name a resource might
// write: HTML, a mention, a table pipe, a CDATA end, a quote, a line break,
// a bidirectional override and a terminal escape.
const hostileName = "<img src=x onerror=alert(1)> @acme/security | ]]> \"q\" \n\u202e\x1b[31m"

// hostileReport is a failing report on one path internet → web → bucket
// whose bucket has a hostile name, and whose hop evidence carries it too.
func hostileReport(t *testing.T) *gate.Report {
	t.Helper()
	b := graph.NewBuilder()
	for _, n := range []graph.Node{
		{ID: graph.InternetID, Kind: graph.KindInternet, Name: "internet"},
		{ID: wafARN, Kind: graph.KindInstance, Name: "i-0waf"},
		{ID: bucket, Kind: graph.KindBucket, Name: hostileName, Tags: map[string]string{"data-classification": "pii"}},
	} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	ev := []graph.Evidence{{Kind: "tag", Source: bucket, Detail: hostileName}}
	require.NoError(t, b.AddEdge(graph.Edge{From: graph.InternetID, To: wafARN, Technique: "internet-ingress", Cost: 1,
		Explanation: "reach " + hostileName, Evidence: ev, Remediation: "close " + hostileName}))
	require.NoError(t, b.AddEdge(graph.Edge{From: wafARN, To: bucket, Technique: "s3-read", Techniques: []string{"s3-read", "kms-decrypt"},
		Cost: 1, Explanation: "read", Evidence: ev, Remediation: "fix"}))
	g := b.Freeze()
	p := pathOf(t, g, graph.InternetID, wafARN, bucket)
	rule := &gate.Rule{ID: "no-pii", Name: "No " + hostileName, Severity: gate.SeverityHigh,
		From: queries.MustSelector("internet"), To: queries.MustSelector("tag:data-classification=pii"),
		MaxHops: 12, Limit: 10, Line: 3}
	k := gate.KeyOf(g, p)
	f := gate.Finding{Path: p, Key: k, Fingerprint: k.Fingerprint(), Summary: gate.Summary(g, p), Status: gate.StatusViolation}
	return &gate.Report{Policy: &gate.Policy{File: "policy dir/p.yaml", Rules: []*gate.Rule{rule}}, Graph: g,
		Rules: []gate.RuleResult{{Rule: rule, Findings: []gate.Finding{f}}}, Date: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Warnings: []string{"warning " + hostileName}}
}

func TestMarkdownEscapesHostileStrings(t *testing.T) {
	var buf bytes.Buffer
	WriteMarkdown(&buf, hostileReport(t))
	out := buf.String()
	assert.NotContains(t, out, "<img", "no HTML from the estate")
	assert.NotContains(t, out, "@acme", "no mention that would notify a team")
	assert.NotContains(t, out, "\u202e", "no bidirectional override")
	assert.NotContains(t, out, "\x1b")
	assert.Contains(t, out, "&lt;img src=x onerror=alert(1)&gt; &#64;acme/security \\| \\]\\]&gt;")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| 1 |") || strings.HasPrefix(line, "| 2 |") {
			unescaped := strings.Count(line, "|") - strings.Count(line, `\|`)
			assert.Equal(t, 6, unescaped, "a hop row keeps its five cells: %s", line)
		}
	}
	mermaid := out[strings.Index(out, "```mermaid"):]
	mermaid = mermaid[:strings.Index(mermaid[3:], "```")+6]
	assert.NotContains(t, mermaid, `"q"`, "a quote cannot end a mermaid label")
	assert.Contains(t, mermaid, "#34;q#34;")
	assert.Contains(t, mermaid, `-->|"s3-read + kms-decrypt"|`)
}

func TestJUnitKeepsHostileStringsInsideTheDocument(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteJUnit(&buf, hostileReport(t)))
	var doc struct {
		Suites []struct {
			Cases []struct {
				Failure struct {
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc), "the XML stays well-formed")
	text := doc.Suites[0].Cases[0].Failure.Text
	assert.Contains(t, text, `@acme/security | ]]> "q" \n\u202e\x1b[31m`, "the CDATA end is split, not lost; controls are escaped")
}

// TestSARIFEscapesAndJSONKeepsHostileStrings: SARIF messages are shown to
// people by viewers, so they are escaped like text; the JSON report is data
// for scripts, so it keeps every value exactly (JSON escaping is enough).
func TestSARIFEscapesAndJSONKeepsHostileStrings(t *testing.T) {
	rep := hostileReport(t)
	var sarif, report bytes.Buffer
	require.NoError(t, WriteSARIF(&sarif, rep, "test"))
	require.NoError(t, WriteCheckJSON(&report, rep))
	var v any
	require.NoError(t, json.Unmarshal(sarif.Bytes(), &v))
	assert.NotContains(t, sarif.String(), "\u202e")
	assert.NotContains(t, sarif.String(), "\u001b")
	assert.Contains(t, sarif.String(), `\\x1b[31m`, "a control character is shown as text")
	assert.Contains(t, sarif.String(), `"uri": "policy%20dir/p.yaml"`, "the policy's path is a URI reference")

	var doc CheckJSON
	require.NoError(t, json.Unmarshal(report.Bytes(), &doc))
	assert.Equal(t, hostileName, doc.Rules[0].Paths[0].Path.Nodes[2].Name)
}

func TestCheckTextEscapesControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	WriteCheckText(&buf, hostileReport(t))
	assert.NotContains(t, buf.String(), "\x1b")
	assert.NotContains(t, buf.String(), "\u202e")
	assert.Contains(t, buf.String(), `\x1b[31m`)
}

func TestMermaidTextEncodesEverythingButPlainCharacters(t *testing.T) {
	assert.Equal(t, "i-0waf metadata", mermaidText("i-0waf metadata"))
	assert.Equal(t, "a#34;b#93;#93;#62;#124;", mermaidText(`a"b]]>|`))
	assert.Equal(t, "#233;t#233;", mermaidText("été"))
}

func TestMarkdownCodeFallsBackToText(t *testing.T) {
	assert.Equal(t, "`no-internet-to-pii`", mdCode("no-internet-to-pii"))
	assert.Equal(t, "`s3-read + kms-decrypt`", mdCode("s3-read + kms-decrypt"))
	assert.Equal(t, "a&#96;b", mdCode("a`b"), "a backtick cannot end the code span")
	assert.Equal(t, "a\\|b", mdCode("a|b"))
}

// TestSARIFWithWarningsMatchesTheSchema validates a log with tool
// notifications and hostile strings against the OASIS schema.
func TestSARIFWithWarningsMatchesTheSchema(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "gate", "sarif-schema-2.1.0.json"))
	require.NoError(t, err)
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("sarif-schema-2.1.0.json", schemaDoc))
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	require.NoError(t, err)

	var buf bytes.Buffer
	require.NoError(t, WriteSARIF(&buf, hostileReport(t), "test"))
	assert.Contains(t, buf.String(), `"toolExecutionNotifications"`)
	log, err := jsonschema.UnmarshalJSON(&buf)
	require.NoError(t, err)
	require.NoError(t, schema.Validate(log))
}
