package synth_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot/synth"
)

var small = synth.Options{Accounts: 3, Roles: 40, Instances: 61, Buckets: 30, Seed: 7}

func TestWriteLoads(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, synth.Write(dir, small))
	est, err := snapshot.Load(dir)
	require.NoError(t, err)

	assert.Len(t, est.Accounts, 3)
	assert.Len(t, est.Roles, 40)
	assert.Len(t, est.Instances, 61)
	assert.Len(t, est.Buckets, 30)
	assert.Empty(t, est.Warnings, "every reference resolves")

	crossAccount := 0
	for _, r := range est.Roles {
		for _, arn := range r.TrustPolicy.Statements[0].Principal.ByType["AWS"] {
			if arn[13:25] != r.Account {
				crossAccount++
			}
		}
	}
	assert.Positive(t, crossAccount, "some roles trust another account")
	imdsv1 := 0
	for _, i := range est.Instances {
		if i.Metadata.Tokens == "optional" {
			imdsv1++
		}
	}
	assert.Positive(t, imdsv1)
	public := 0
	for _, b := range est.Buckets {
		if b.BlockPublicAccess != nil && !b.BlockPublicAccess.BlockPublicPolicy {
			public++
		}
	}
	assert.Positive(t, public)
	assert.NotEmpty(t, est.LoadBalancers[0].Listeners[0].TargetGroups)
}

func TestWriteIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	require.NoError(t, synth.Write(a, small))
	require.NoError(t, synth.Write(b, small))
	files := 0
	require.NoError(t, filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(b, rel))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), rel)
		files++
		return nil
	}))
	assert.Greater(t, files, 30)
}

func TestWriteRejectsBadOptions(t *testing.T) {
	assert.Error(t, synth.Write(t.TempDir(), synth.Options{}))
	assert.Error(t, synth.Write(t.TempDir(), synth.Options{Accounts: 1, Roles: -1}))
}
