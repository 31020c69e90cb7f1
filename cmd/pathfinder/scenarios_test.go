package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenarioCase is one end-to-end question asked of a scenario, with the
// chain of techniques each expected path takes (nil: no path).
type scenarioCase struct {
	name     string
	file     string
	args     []string
	want     [][]string
	assumes  [][]string // per path, the assumptions it needs
	wantText bool       // also keep a golden of the text answer
}

var piiQuery = []string{"--from", "internet", "--to", "tag:data-classification=pii"}

var capitalOneChain = []string{"internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read"}

var scenarioCases = []scenarioCase{
	{name: "capital-one", file: "capital-one.yaml", args: piiQuery,
		want: [][]string{capitalOneChain}, wantText: true},
	{name: "capital-one-default-query", file: "capital-one.yaml",
		want: [][]string{capitalOneChain}},
	{name: "capital-one-alice-to-admin", file: "capital-one.yaml",
		args: []string{"--from", "arn:aws:iam::111122223333:user/alice", "--to", "admin"},
		want: [][]string{{"assume-role"}}},
	{name: "capital-one-imdsv2", file: "capital-one-imdsv2.yaml", args: piiQuery},
	{name: "capital-one-imdsv2-assume-rce", file: "capital-one-imdsv2.yaml", args: append(piiQuery, "--assume", "rce"),
		want:    [][]string{{"internet-ingress", "rce-imds", "instance-credentials", "s3-read"}},
		assumes: [][]string{{"rce"}}, wantText: true},
	{name: "kms-no-decrypt", file: "kms-no-decrypt.yaml", args: piiQuery},
	{name: "private-subnet", file: "private-subnet.yaml", args: piiQuery},
	{name: "web-shop", file: "web-shop.yaml", args: piiQuery,
		want: [][]string{{"internet-ingress", "load-balancer-forward", "ssrf-imdsv1", "instance-credentials", "s3-read"}}, wantText: true},
	{name: "web-shop-target-closed", file: "web-shop-target-closed.yaml", args: piiQuery},
	{name: "public-bucket", file: "public-bucket.yaml", args: piiQuery, want: [][]string{{"public-bucket-policy"}}},
	{name: "public-bucket-restricted", file: "public-bucket-restricted.yaml", args: piiQuery},
	{name: "lambda-env-credentials", file: "lambda-env-credentials.yaml", args: from("user/intern"),
		want: [][]string{{"lambda-env-credentials", "s3-read"}}},
	{name: "lambda-env-credentials-inactive", file: "lambda-env-credentials-inactive.yaml", args: from("user/intern")},
	{name: "ec2-userdata-credentials", file: "ec2-userdata-credentials.yaml",
		want: [][]string{{"internet-ingress", "ssrf-imdsv1", "ec2-userdata-credentials", "s3-read"}}},
	{name: "ec2-userdata-credentials-no-key", file: "ec2-userdata-credentials-no-key.yaml"},
	{name: "secretsmanager-read", file: "secretsmanager-read.yaml", args: from("user/dev"),
		want: [][]string{{"secretsmanager-read"}}},
	{name: "secretsmanager-read-denied", file: "secretsmanager-read-denied.yaml", args: from("user/dev")},
	{name: "dynamodb-read", file: "dynamodb-read.yaml", args: from("user/analyst"), want: [][]string{{"dynamodb-read"}}},
	{name: "dynamodb-read-scoped", file: "dynamodb-read-scoped.yaml", args: from("user/analyst")},
	{name: "rds-public-endpoint", file: "rds-public-endpoint.yaml", want: [][]string{{"rds-public-endpoint"}}},
	{name: "rds-private-endpoint", file: "rds-private-endpoint.yaml"},
	{name: "rds-iam-auth", file: "rds-iam-auth.yaml", args: from("user/analyst"), want: [][]string{{"rds-iam-auth"}}},
	{name: "rds-iam-auth-disabled", file: "rds-iam-auth-disabled.yaml", args: from("user/analyst")},
}

// from asks for paths from a principal of account 111122223333 to the crown
// jewels.
func from(principal string) []string {
	return []string{"--from", "arn:aws:iam::111122223333:" + principal}
}

type jsonAnswer struct {
	Paths []struct {
		From    string   `json:"from"`
		To      string   `json:"to"`
		Assumes []string `json:"assumes"`
		Edges   []struct {
			Technique string `json:"technique"`
			Evidence  []any  `json:"evidence"`
		} `json:"edges"`
	} `json:"paths"`
	Warnings []string `json:"warnings"`
}

// TestScenarios is the end-to-end suite: each scenario file goes through
// the CLI exactly as a user runs it, and its answer is checked both
// semantically (the chain of techniques) and against golden JSON and DOT.
func TestScenarios(t *testing.T) {
	for _, tc := range scenarioCases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"paths", scenarioFile(tc.file), "--format", "json"}, tc.args...)
			stdout, stderr, code := runCLI(t, args...)
			require.Equal(t, 0, code, stderr)
			var ans jsonAnswer
			require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
			require.Len(t, ans.Paths, len(tc.want), stdout)
			for i, p := range ans.Paths {
				var chain []string
				for _, e := range p.Edges {
					chain = append(chain, e.Technique)
					assert.NotEmpty(t, e.Evidence, "every hop carries evidence")
				}
				assert.Equal(t, tc.want[i], chain)
				if tc.assumes != nil {
					assert.Equal(t, tc.assumes[i], p.Assumes)
				} else {
					assert.Empty(t, p.Assumes)
				}
			}
			goldenDir := filepath.Join(repoRoot, "testdata", "scenarios", "golden")
			golden(t, filepath.Join(goldenDir, tc.name+".json"), []byte(stdout))
			dot, stderr, code := runCLI(t, append([]string{"paths", scenarioFile(tc.file), "--format", "dot"}, tc.args...)...)
			require.Equal(t, 0, code, stderr)
			golden(t, filepath.Join(goldenDir, tc.name+".dot"), []byte(dot))
			if tc.wantText {
				text, _, _ := runCLI(t, append([]string{"paths", scenarioFile(tc.file)}, tc.args...)...)
				golden(t, filepath.Join(goldenDir, tc.name+".txt"), []byte(text))
			}
		})
	}
}

func TestCapitalOnePathVisitsTheExpectedNodes(t *testing.T) {
	stdout, stderr, code := runCLI(t, append([]string{"paths", scenarioFile("capital-one.yaml"), "--format", "json"}, piiQuery...)...)
	require.Equal(t, 0, code, stderr)
	var ans struct {
		Paths []struct {
			Nodes []struct{ ID, Kind, Name string } `json:"nodes"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	require.Len(t, ans.Paths, 1)
	var kinds, names []string
	for _, n := range ans.Paths[0].Nodes {
		kinds = append(kinds, n.Kind)
		names = append(names, n.Name)
	}
	assert.Equal(t, []string{"internet", "ec2-instance", "imds", "iam-role", "s3-bucket"}, kinds)
	assert.Equal(t, "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf", ans.Paths[0].Nodes[1].ID)
	assert.Equal(t, "arn:aws:s3:::customer-data", ans.Paths[0].Nodes[4].ID)
	assert.Equal(t, []string{"internet", "i-0waf", "i-0waf metadata", "waf-role", "customer-data"}, names)
}

func TestSVGOfTheCapitalOnePath(t *testing.T) {
	stdout, stderr, code := runCLI(t, append([]string{"paths", scenarioFile("capital-one.yaml"), "--format", "svg"}, piiQuery...)...)
	require.Equal(t, 0, code, stderr)
	texts := svgTexts(t, stdout)
	for _, want := range []string{"i-0waf", "waf-role", "customer-data", "internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read"} {
		assert.Contains(t, texts, want)
	}
}

// svgTexts parses an SVG document and returns the contents of its <text>
// elements, which fails the test if the document is not well-formed XML.
func svgTexts(t *testing.T, svg string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	dec.Strict = false // the DOCTYPE names an external DTD
	var texts []string
	inText, sawRoot := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch el := tok.(type) {
		case xml.StartElement:
			sawRoot = sawRoot || el.Name.Local == "svg"
			inText = el.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, strings.TrimSpace(string(el)))
			}
		}
	}
	require.True(t, sawRoot, "no <svg> element")
	return texts
}
