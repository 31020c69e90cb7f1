package snapshot

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

const fixtures = "../../testdata/snapshots"

// findOne returns the only element of list for which match holds.
func findOne[T any](t *testing.T, list []T, what string, match func(T) bool) T {
	t.Helper()
	var found []T
	for _, v := range list {
		if match(v) {
			found = append(found, v)
		}
	}
	require.Len(t, found, 1, "want exactly one %s", what)
	return found[0]
}

// writeSnapshot writes files (path relative to the directory → content)
// into a new temporary directory and returns it.
func writeSnapshot(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

func asError(err error, target **Error) bool { return errors.As(err, target) }
