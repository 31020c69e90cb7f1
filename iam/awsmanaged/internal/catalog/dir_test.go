package catalog

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func record(path string) Record {
	return Record{Name: filepath.Base(path), ARN: ARNPrefix + path, Version: "v1", Source: "o/r:p@c",
		Document: []byte(adminDoc)}
}

func TestWriteThenReadDir(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"ZetaAccess", "job-function/Alpha", "AlphaAccess"} {
		require.NoError(t, WriteRecord(dir, record(p)))
	}
	assert.FileExists(t, filepath.Join(dir, "job-function", "Alpha.json"))
	got, err := ReadDir(dir)
	require.NoError(t, err)
	var arns []string
	for _, r := range got {
		arns = append(arns, r.ARN)
	}
	assert.Equal(t, []string{ARNPrefix + "AlphaAccess", ARNPrefix + "ZetaAccess", ARNPrefix + "job-function/Alpha"}, arns)
}

func TestReadDirRejects(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]Record
		wantErr string
	}{
		{"file in the wrong place", map[string]Record{"Other.json": record("A")}, "belongs in A.json"},
		{"file missing its path", map[string]Record{"A.json": record("service-role/A")}, "belongs in service-role/A.json"},
		{"one name twice", map[string]Record{"A.json": record("A"), "job-function/A.json": record("job-function/A")},
			"have the same name"},
		{"one name twice in another case", map[string]Record{"A.json": record("A"), "x/a.json": record("x/a")},
			"have the same name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, r := range tt.files {
				data, err := MarshalRecord(r)
				require.NoError(t, err)
				p := filepath.Join(dir, filepath.FromSlash(name))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, data, 0o644))
			}
			_, err := ReadDir(dir)
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestReadDirNamesTheBadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Broken.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"name":"Broken"}`), 0o644))
	_, err := ReadDir(dir)
	assert.ErrorContains(t, err, p)
}

func TestReadDirOfAMissingDirectory(t *testing.T) {
	_, err := ReadDir(filepath.Join(t.TempDir(), "absent"))
	assert.ErrorContains(t, err, "read catalogue sources")
}

func TestWriteRecordRefusesAnInvalidRecord(t *testing.T) {
	r := record("A")
	r.Source = ""
	assert.ErrorContains(t, WriteRecord(t.TempDir(), r), "source is empty")
}
