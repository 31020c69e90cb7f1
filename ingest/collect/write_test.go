package collect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteFileAtomicLeavesOnlyTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kms-keys.json")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	require.NoError(t, writeFileAtomic(path, []byte(`{"Keys": []}`)))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, `{"Keys": []}`, string(data))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file is left behind")
}

func TestWriteFileAtomicFailsWithoutATrace(t *testing.T) {
	dir := t.TempDir()
	// the destination is a directory: the rename fails after the write
	path := filepath.Join(dir, "s3-buckets.json")
	require.NoError(t, os.MkdirAll(filepath.Join(path, "x"), 0o755))
	err := writeFileAtomic(path, []byte("{}"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "s3-buckets.json")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the temporary file is removed")
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	assert.NoError(t, checkOutput(filepath.Join(dir, "new")), "a missing directory is created later")
	assert.NoError(t, checkOutput(dir), "an empty directory is fine")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("{}"), 0o644))
	err := checkOutput(dir)
	assert.ErrorIs(t, err, ErrBadOptions)
	assert.Contains(t, err.Error(), "is not empty")
}

func TestAccountDirPlacesRegionFiles(t *testing.T) {
	tests := []struct {
		name    string
		regions []string
		want    string
	}{
		{"one region: at the top", []string{"us-east-1"}, "ec2-describe-vpcs.json"},
		{"several: a folder per region", []string{"us-east-1", "eu-west-1"}, "eu-west-1/ec2-describe-vpcs.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			d := newAccountDir(dir, tt.regions)
			require.NoError(t, d.write("eu-west-1", "ec2-describe-vpcs.json", newObject().set("Vpcs", []any{})))
			require.NoError(t, d.write("", "iam-list-access-keys.json", newObject().set("AccessKeyMetadata", []any{})))
			assert.FileExists(t, filepath.Join(dir, tt.want))
			assert.FileExists(t, filepath.Join(dir, "iam-list-access-keys.json"))
		})
	}
}
