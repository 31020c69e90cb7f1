package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "update golden files")

// repoRoot is where testdata/scenarios lives, relative to this package.
const repoRoot = "../.."

// runCLI runs the whole CLI in-process, as a user would from a shell at
// the repository's root.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// scenarioFile returns the path of a scenario file.
func scenarioFile(name string) string {
	return filepath.Join(repoRoot, "testdata", "scenarios", name)
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing: run go test ./cmd/pathfinder -update")
	assert.Equal(t, string(want), string(got), "differs from %s (run with -update if the change is intended)", path)
}
