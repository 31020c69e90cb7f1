package collect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshotFile is one file of a snapshot, named by account, region and
// file name, so that a file at the top of a one-region account and the
// same file in a region folder compare as the same file.
type snapshotFile struct {
	account, region, name string
}

func (f snapshotFile) String() string {
	return strings.Trim(f.account+"/"+f.region+"/"+f.name, "/")
}

// regionScoped reports whether a snapshot file describes one region.
func regionScoped(name string) bool {
	for _, p := range []string{"ec2-", "elbv2-", "lambda-", "kms-", "secretsmanager-", "rds-", "dynamodb-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// readSnapshot reads every file of a snapshot directory (one account, or
// a parent of account directories) as parsed JSON.
func readSnapshot(t *testing.T, dir string) map[snapshotFile]any {
	t.Helper()
	files := map[snapshotFile]any{}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		readAccount(t, dir, files)
		return files
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() {
			readAccount(t, filepath.Join(dir, e.Name()), files)
		}
	}
	return files
}

func readAccount(t *testing.T, dir string, files map[snapshotFile]any) {
	t.Helper()
	var m struct {
		AccountID string   `json:"account_id"`
		Regions   []string `json:"regions"`
	}
	readJSON(t, filepath.Join(dir, "manifest.json"), &m)
	top := ""
	if len(m.Regions) == 1 {
		top = m.Regions[0]
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.False(t, strings.HasPrefix(e.Name(), "."), "temporary file left: %s", filepath.Join(dir, e.Name()))
		if e.IsDir() {
			sub, err := os.ReadDir(filepath.Join(dir, e.Name()))
			require.NoError(t, err)
			for _, f := range sub {
				require.False(t, strings.HasPrefix(f.Name(), "."), "temporary file left: %s", f.Name())
				var v any
				readJSON(t, filepath.Join(dir, e.Name(), f.Name()), &v)
				files[snapshotFile{m.AccountID, e.Name(), f.Name()}] = v
			}
			continue
		}
		region := ""
		if regionScoped(e.Name()) {
			region = top
		}
		var v any
		readJSON(t, filepath.Join(dir, e.Name()), &v)
		files[snapshotFile{m.AccountID, region, e.Name()}] = v
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v), path)
	if tree, ok := v.(*any); ok {
		*tree = sameTimes(*tree)
	}
}

// timestampPattern matches both timestamp forms a snapshot may hold: the
// CLI's ISO 8601 and boto3's "2023-03-09 10:41:45+00:00".
var timestampPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)$`)

// sameTimes rewrites every timestamp of a parsed file in the collector's
// form, so that the two forms of one instant compare equal.
func sameTimes(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = sameTimes(e)
		}
	case []any:
		for i, e := range v {
			v[i] = sameTimes(e)
		}
	case string:
		if timestampPattern.MatchString(v) {
			if t, err := time.Parse("2006-01-02T15:04:05Z07:00", strings.Replace(v, " ", "T", 1)); err == nil {
				return formatTime(t)
			}
		}
	}
	return v
}

// holdsNothing reports whether a file lists no object at all: every list
// in it is empty, as a service with nothing in a region answers.
func holdsNothing(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			if !holdsNothing(e) {
				return false
			}
		}
		return true
	case []any:
		return len(v) == 0
	}
	return false
}

// assertWrittenBack checks that every file of the original snapshot was
// written back with the same JSON (manifests aside: their time differs),
// and that the collector wrote nothing else but files that hold nothing
// and the files of extra (the reason why each is expected).
func assertWrittenBack(t *testing.T, original, collected string, extra map[string]string) {
	t.Helper()
	want, got := readSnapshot(t, original), readSnapshot(t, collected)
	var names []snapshotFile
	for f := range want {
		names = append(names, f)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].String() < names[j].String() })
	for _, f := range names {
		if f.name == "manifest.json" {
			continue
		}
		g, ok := got[f]
		if !assert.True(t, ok, "%s was not written", f) {
			continue
		}
		assert.Equal(t, want[f], g, "%s differs", f)
	}
	for f, v := range got {
		if _, ok := want[f]; ok || f.name == "manifest.json" {
			continue
		}
		if _, ok := extra[f.String()]; ok {
			continue
		}
		assert.True(t, holdsNothing(v), "%s was written but is not in the original and is not empty", f)
	}
}

// manifestGaps reads the not_collected entries of an account's manifest
// as "region service" pairs.
func manifestGaps(t *testing.T, dir string) []string {
	t.Helper()
	var m struct {
		NotCollected []Gap `json:"not_collected"`
	}
	readJSON(t, filepath.Join(dir, "manifest.json"), &m)
	out := []string{}
	for _, g := range m.NotCollected {
		out = append(out, strings.TrimSpace(g.Region+" "+g.Service))
	}
	return out
}
