package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const wafRole = "arn:aws:iam::111122223333:role/waf-role"

// reachCase is one blast-radius, who-can-reach or chokepoints question
// asked of a scenario through the CLI, with its golden answer.
type reachCase struct {
	golden string // file name under testdata/scenarios/golden
	args   []string
}

var reachCases = []reachCase{
	{"blast-capital-one-waf-role.json", []string{"blast-radius", "capital-one.yaml", "--from", wafRole, "--format", "json"}},
	{"blast-capital-one-waf-role.txt", []string{"blast-radius", "capital-one.yaml", "--from", wafRole}},
	{"blast-capital-one-internet.txt", []string{"blast-radius", "capital-one.yaml", "--from", "internet"}},
	{"blast-capital-one-imdsv2-internet-rce.txt", []string{"blast-radius", "capital-one-imdsv2.yaml", "--from", "internet", "--assume", "rce", "--max-hops", "3"}},
	{"who-can-reach-capital-one-pii.json", []string{"who-can-reach", "capital-one.yaml", "--to", "tag:data-classification=pii", "--format", "json"}},
	{"who-can-reach-capital-one-pii.txt", []string{"who-can-reach", "capital-one.yaml", "--to", "tag:data-classification=pii"}},
	{"who-can-reach-web-shop-pii-all.txt", []string{"who-can-reach", "web-shop.yaml", "--to", "tag:data-classification=pii", "--all"}},
	{"chokepoints-capital-one.json", []string{"chokepoints", "capital-one.yaml", "--format", "json"}},
	{"chokepoints-capital-one.txt", []string{"chokepoints", "capital-one.yaml"}},
	{"chokepoints-capital-one-users-and-internet.json", []string{"chokepoints", "capital-one.yaml", "--from", "kind:iam-user,internet", "--format", "json"}},
	{"chokepoints-web-shop.txt", []string{"chokepoints", "web-shop.yaml", "--to", "tag:data-classification=pii"}},
	{"chokepoints-capital-one-imdsv2.txt", []string{"chokepoints", "capital-one-imdsv2.yaml"}},
	{"chokepoints-capital-one-imdsv2-rce.txt", []string{"chokepoints", "capital-one-imdsv2.yaml", "--assume", "rce"}},
}

func TestReachCommandsGolden(t *testing.T) {
	for _, tc := range reachCases {
		t.Run(tc.golden, func(t *testing.T) {
			args := append([]string{tc.args[0], scenarioFile(tc.args[1])}, tc.args[2:]...)
			stdout, stderr, code := runCLI(t, args...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			golden(t, filepath.Join(repoRoot, "testdata", "scenarios", "golden", tc.golden), []byte(stdout))
		})
	}
}

func TestBlastRadiusOfTheWAFRole(t *testing.T) {
	stdout, stderr, code := runCLI(t, "blast-radius", scenarioFile("capital-one.yaml"), "--from", wafRole, "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var ans struct {
		Sources []struct{ ID string } `json:"sources"`
		Kinds   []struct {
			Kind  string `json:"kind"`
			Nodes []struct {
				Name string `json:"name"`
				Path struct {
					From  string `json:"from"`
					Edges []struct {
						Technique, Explanation, Remediation string
						Evidence                            []any
					} `json:"edges"`
				} `json:"path"`
			} `json:"nodes"`
		} `json:"kinds"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	require.Len(t, ans.Sources, 1)
	assert.Equal(t, wafRole, ans.Sources[0].ID)
	require.Len(t, ans.Kinds, 1)
	assert.Equal(t, "s3-bucket", ans.Kinds[0].Kind)
	var names []string
	for _, n := range ans.Kinds[0].Nodes {
		names = append(names, n.Name)
		assert.Equal(t, wafRole, n.Path.From)
		require.Len(t, n.Path.Edges, 1)
		hop := n.Path.Edges[0]
		assert.Equal(t, "s3-read", hop.Technique)
		assert.NotEmpty(t, hop.Explanation)
		assert.NotEmpty(t, hop.Remediation)
		assert.NotEmpty(t, hop.Evidence)
	}
	assert.Equal(t, []string{"customer-data", "waf-logs"}, names)
}

func TestWhoCanReachPIIListsEntryPointsAndPrincipalsByCost(t *testing.T) {
	stdout, stderr, code := runCLI(t, "who-can-reach", scenarioFile("capital-one.yaml"), "--to", "tag:data-classification=pii", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var ans struct {
		Reachers []struct {
			Name string  `json:"name"`
			Kind string  `json:"kind"`
			Cost float64 `json:"cost"`
		} `json:"reachers"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	var names []string
	for i, r := range ans.Reachers {
		names = append(names, r.Name)
		assert.NotEqual(t, "imds", r.Kind, "metadata endpoints are steps, not actors")
		if i > 0 {
			assert.GreaterOrEqual(t, r.Cost, ans.Reachers[i-1].Cost, "cheapest first")
		}
	}
	assert.Equal(t, []string{"ops-admin", "waf-role", "alice", "i-0waf", "internet"}, names)
}

func TestChokepointsNameTheIMDSFix(t *testing.T) {
	stdout, stderr, code := runCLI(t, "chokepoints", scenarioFile("capital-one.yaml"), "--from", "internet", "--to", "crown-jewels", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var ans struct {
		Disconnected bool `json:"disconnected"`
		CutSize      int  `json:"cut_size"`
		Chokepoints  []struct {
			Summary  string `json:"summary"`
			PathsCut int    `json:"paths_cut"`
			Edge     struct {
				From, To, Technique string
			} `json:"edge"`
		} `json:"chokepoints"`
		Paths []any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	assert.False(t, ans.Disconnected)
	require.Equal(t, 1, ans.CutSize)
	first := ans.Chokepoints[0]
	assert.Equal(t, "ssrf-imdsv1", first.Edge.Technique)
	assert.Equal(t, "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf", first.Edge.From)
	assert.Equal(t, len(ans.Paths), first.PathsCut)
	assert.Contains(t, first.Summary, "Require IMDSv2 on i-0waf")
	assert.Contains(t, first.Summary, "(ssrf-imdsv1 i-0waf → i-0waf metadata): cuts 1 of 1 path")
}

func TestChokepointsReportDisconnectedSets(t *testing.T) {
	stdout, stderr, code := runCLI(t, "chokepoints", scenarioFile("capital-one-imdsv2.yaml"), "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var ans struct {
		Disconnected bool  `json:"disconnected"`
		Chokepoints  []any `json:"chokepoints"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	assert.True(t, ans.Disconnected)
	assert.Empty(t, ans.Chokepoints)
}

func TestReachCommandsWriteToAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "blast.json")
	stdout, stderr, code := runCLI(t, "blast-radius", scenarioFile("capital-one.yaml"), "--from", "internet", "--format", "json", "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, json.Valid(data))
}

func TestReachCommandsBadInput(t *testing.T) {
	capitalOne := scenarioFile("capital-one.yaml")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"blast without --from", []string{"blast-radius", capitalOne}, "--from is required"},
		{"who-can-reach without --to", []string{"who-can-reach", capitalOne}, "--to is required"},
		{"blast without source", []string{"blast-radius", "--from", "internet"}, "no SOURCE given"},
		{"unknown node", []string{"blast-radius", capitalOne, "--from", "i-0nope"}, `--from: selector "i-0nope": no node has id or name "i-0nope"`},
		{"bad selector", []string{"who-can-reach", capitalOne, "--to", "kind:bucket"}, `--to: selector "kind:bucket": unknown kind "bucket"`},
		{"bad format", []string{"chokepoints", capitalOne, "--format", "dot"}, `--format "dot": want table or json`},
		{"bad max hops", []string{"blast-radius", capitalOne, "--from", "internet", "--max-hops", "0"}, "--max-hops must be at least 1"},
		{"bad limit", []string{"chokepoints", capitalOne, "--limit", "0"}, "--limit must be at least 1"},
		{"bad assumption", []string{"who-can-reach", capitalOne, "--to", "admin", "--assume", "root"}, `--assume "root"`},
		{"unknown flag", []string{"chokepoints", capitalOne, "--form", "internet"}, "flag provided but not defined: -form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.want)
		})
	}
}
