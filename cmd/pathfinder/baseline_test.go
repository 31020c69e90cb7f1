package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBaselineRoundTrip: a baseline of today's paths makes check pass on
// the same estate, a new path then fails it (and only the new one), and a
// path that is gone is reported as fixed.
func TestBaselineRoundTrip(t *testing.T) {
	atRoot(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	_, stderr, code := runCLI(t, "baseline", capitalOne, "--policy", examplePolicy, "-o", baseline)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "pathfinder baseline: 1 path recorded for 3 rules\n", stderr)
	data, err := os.ReadFile(baseline)
	require.NoError(t, err)
	golden(t, filepath.Join(gateGolden, "baseline-capital-one.json"), data)

	stdout, stderr, code := runCLI(t, "check", capitalOne, "--policy", examplePolicy, "--baseline", baseline)
	require.Equal(t, exitOK, code, "the baseline holds every path of the estate: %s", stderr)
	assert.Contains(t, stdout, capitalOnePath+" internet -(internet-ingress)-> i-0waf")
	assert.Contains(t, stdout, "· in the baseline")

	stdout, stderr, code = runCLI(t, "check", capitalOne, webShop, "--policy", examplePolicy, "--baseline", baseline)
	require.Equal(t, exitFound, code, "the web shop's path is new: %s", stderr)
	golden(t, filepath.Join(gateGolden, "check-baseline-new-path.txt"), []byte(stdout))

	stdout, stderr, code = runCLI(t, "check", capitalOneFixed, "--policy", examplePolicy, "--baseline", baseline, "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	golden(t, filepath.Join(gateGolden, "check-baseline-fixed.json"), []byte(stdout))
}

func TestBaselineOfTheDefaultQuery(t *testing.T) {
	atRoot(t)
	stdout, stderr, code := runCLI(t, "baseline", capitalOne)
	require.Equal(t, exitOK, code, stderr)
	golden(t, filepath.Join(gateGolden, "baseline-default-query.json"), []byte(stdout))
	assert.Contains(t, stdout, `"rule": "internet-to-crown-jewels"`)
}

func TestBaselineBadInput(t *testing.T) {
	atRoot(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no source", []string{"--policy", piiPolicy}, "no SOURCE given"},
		{"bad policy", []string{capitalOne, "--policy", "testdata/gate/README.md"}, "testdata/gate/README.md:"},
		{"bad limit", []string{capitalOne, "--limit", "0"}, "--limit 0: want 1 to 10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"baseline"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, stdout)
		})
	}
}
