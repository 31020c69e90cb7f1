package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBadInput checks that every kind of bad input gets a clear message on
// stderr naming what is wrong, exit status 2, and nothing on stdout.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	badYAML := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(badYAML, []byte("name: bad\naccounts:\n  - id: 111122223333\n    instances:\n      - id: i-1\n        subnet: subnet-nope\n"), 0o644))
	notYAML := filepath.Join(dir, "estate.txt")
	require.NoError(t, os.WriteFile(notYAML, []byte("x"), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"pathz"}, `unknown command "pathz"`},
		{"no source", []string{"paths"}, "no SOURCE given"},
		{"missing file", []string{"paths", filepath.Join(dir, "nope.yaml")}, "nope.yaml"},
		{"not a source", []string{"paths", notYAML}, "not a snapshot directory nor a scenario file"},
		{"dangling reference with file and line", []string{"paths", badYAML}, "bad.yaml:6: accounts[0].instances[0].subnet"},
		{"unknown flag", []string{"paths", scenarioFile("capital-one.yaml"), "--form", "x"}, "flag provided but not defined: -form"},
		{"bad selector", []string{"paths", scenarioFile("capital-one.yaml"), "--to", "kind:bucket"}, `unknown kind "bucket"`},
		{"unknown node", []string{"paths", scenarioFile("capital-one.yaml"), "--from", "i-0nope"}, `no node has id or name "i-0nope"`},
		{"bad format", []string{"paths", scenarioFile("capital-one.yaml"), "--format", "xml"}, `--format "xml"`},
		{"bad assumption", []string{"paths", scenarioFile("capital-one.yaml"), "--assume", "root"}, `--assume "root"`},
		{"bad limit", []string{"paths", scenarioFile("capital-one.yaml"), "--limit", "0"}, "at least 1"},
		{"render without output", []string{"render", scenarioFile("capital-one.yaml")}, "render needs -o"},
		{"render to an unknown format", []string{"render", scenarioFile("capital-one.yaml"), "-o", filepath.Join(dir, "x.png")}, `not "png"`},
		{"simulate without a question", []string{"simulate"}, "give --request FILE"},
		{"simulate request with a source", []string{"simulate", "--request", badYAML, scenarioFile("capital-one.yaml")}, "takes no SOURCE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, stdout)
		})
	}
}

func TestOutputFileIsWrittenWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "paths.json")
	_, stderr, code := runCLI(t, "paths", scenarioFile("capital-one.yaml"), "--format", "json", "-o", out)
	require.Equal(t, exitOK, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"technique": "ssrf-imdsv1"`)

	failed := filepath.Join(dir, "failed.json")
	_, _, code = runCLI(t, "paths", scenarioFile("capital-one.yaml"), "--to", "kind:nope", "-o", failed)
	assert.Equal(t, exitUsage, code)
	assert.NoFileExists(t, failed)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestRenderWritesTheDiagram(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"paths.svg", "paths.dot"} {
		out := filepath.Join(dir, name)
		_, stderr, code := runCLI(t, "render", scenarioFile("capital-one.yaml"), "-o", out)
		require.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stderr, "wrote "+out+" (1 paths)")
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		if strings.HasSuffix(name, ".svg") {
			assert.Contains(t, svgTexts(t, string(data)), "ssrf-imdsv1")
		} else {
			assert.Contains(t, string(data), "digraph")
		}
	}
}

func TestDemoPrintsTheChainAndDrawsIt(t *testing.T) {
	out := filepath.Join(t.TempDir(), "capital-one.svg")
	stdout, stderr, code := runCLI(t, "demo", "-o", out)
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{"internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read", "customer-data", "fix:"} {
		assert.Contains(t, stdout, want)
	}
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, svgTexts(t, string(data)), "customer-data")
}

func TestHelpAndVersion(t *testing.T) {
	stdout, _, code := runCLI(t, "help")
	assert.Equal(t, exitOK, code)
	for _, cmd := range []string{"paths", "render", "demo", "simulate"} {
		assert.Contains(t, stdout, cmd)
	}
	_, stderr, code := runCLI(t, "paths", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "Usage: pathfinder paths SOURCE")
	stdout, _, code = runCLI(t, "version")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, "pathfinder "))
}
