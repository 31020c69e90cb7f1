package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffGoldens(t *testing.T) {
	atRoot(t)
	pii := []string{"--to", "tag:data-classification=pii"}
	tests := []struct {
		name string
		args []string
	}{
		{"diff-imdsv2-fixes.txt", append([]string{capitalOne, capitalOneFixed}, pii...)},
		{"diff-imdsv2-fixes.json", append([]string{capitalOne, capitalOneFixed, "--format", "json"}, pii...)},
		{"diff-imdsv1-opens.txt", append([]string{capitalOneFixed, capitalOne}, pii...)},
		{"diff-web-shop-target-closed.txt", []string{webShop, "testdata/scenarios/web-shop-target-closed.yaml"}},
		{"diff-unchanged.txt", []string{capitalOne, capitalOne}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"diff"}, tt.args...)...)
			require.Equal(t, exitOK, code, "diff exits 0 whatever it finds: %s", stderr)
			golden(t, filepath.Join(gateGolden, tt.name), []byte(stdout))
		})
	}
}

func TestDiffListsAddedAndRemovedPaths(t *testing.T) {
	atRoot(t)
	stdout, _, code := runCLI(t, "diff", capitalOneFixed, capitalOne, "--to", "tag:data-classification=pii")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "+ added "+capitalOnePath+" · cost 4 · internet → customer-data")
	assert.Contains(t, stdout, "1 added, 0 removed, 0 unchanged")

	stdout, _, code = runCLI(t, "diff", capitalOne, capitalOneFixed, "--to", "tag:data-classification=pii")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "- removed "+capitalOnePath)
	assert.Contains(t, stdout, "0 added, 1 removed, 0 unchanged")
}

func TestDiffBadInput(t *testing.T) {
	atRoot(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one source", []string{capitalOne}, "diff takes two sources, OLD and NEW; got 1"},
		{"three sources", []string{capitalOne, capitalOne, capitalOne}, "got 3"},
		{"bad format", []string{capitalOne, capitalOneFixed, "--format", "sarif"}, `--format "sarif": want text or json`},
		{"bad selector", []string{capitalOne, capitalOneFixed, "--to", "kind:bucket"}, `unknown kind "bucket"`},
		{"node on neither side", []string{capitalOne, capitalOneFixed, "--from", "i-0nope"}, `old: selector "i-0nope": no node has id or name "i-0nope"`},
		{"missing source", []string{capitalOne, "nope.yaml"}, "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"diff"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, stdout)
		})
	}
}
