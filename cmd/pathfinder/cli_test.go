package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	if string(want) != string(got) {
		t.Errorf("%s differs (run with -update if the change is intended):\n%s", path, firstDifference(string(want), string(got)))
	}
}

// firstDifference shows the first differing line of two texts with a little
// context, which reads better than two whole documents.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i < len(w) && i < len(g) && w[i] == g[i] {
			continue
		}
		var b strings.Builder
		for j := max(0, i-2); j < i; j++ {
			fmt.Fprintf(&b, "  %d: %s\n", j+1, w[j])
		}
		if i < len(w) {
			fmt.Fprintf(&b, "- %d: %s\n", i+1, w[i])
		}
		if i < len(g) {
			fmt.Fprintf(&b, "+ %d: %s\n", i+1, g[i])
		}
		return b.String()
	}
	return ""
}
