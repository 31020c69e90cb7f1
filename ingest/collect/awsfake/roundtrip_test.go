package awsfake

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshotFile is one file of a fixture and the region it is served in.
type snapshotFile struct {
	account, path, name, region string
}

// fixtureFiles lists the files of one account directory of a fixture.
func fixtureFiles(t testing.TB, dir string) []snapshotFile {
	a, err := loadAccount(dir)
	require.NoError(t, err)
	var out []snapshotFile
	for _, name := range sortedKeys(a.global) {
		if name != "manifest.json" {
			out = append(out, snapshotFile{a.id, filepath.Join(dir, name), name, ""})
		}
	}
	for _, folder := range sortedKeys(a.folders) {
		region := folder
		if folder == "" {
			region = a.topRegion
		}
		for _, name := range sortedKeys(a.folders[folder]) {
			out = append(out, snapshotFile{a.id, filepath.Join(dir, folder, name), name, region})
		}
	}
	return out
}

// TestAnswersRebuildTheSnapshot is the fake's contract: calling the real
// SDK clients as scripts/snapshot.sh calls the CLI, over several pages,
// gives back every file of the snapshot served, for every account of the
// fixtures (the organisation's member account through an assumed role).
func TestAnswersRebuildTheSnapshot(t *testing.T) {
	cases := []struct {
		name, served string
		accounts     []string
		pageSize     int
	}{
		{"capital-one, pages of 1", capitalOne, []string{capitalOne}, 1},
		{"capital-one, pages of 2", capitalOne, []string{capitalOne}, 0},
		{"two-accounts, pages of 1", twoAccounts, []string{filepath.Join(twoAccounts, management), filepath.Join(twoAccounts, workloads)}, 1},
		{"two-accounts, pages of 2", twoAccounts, []string{filepath.Join(twoAccounts, management), filepath.Join(twoAccounts, workloads)}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, tc.served, Options{PageSize: tc.pageSize})
			for _, dir := range tc.accounts {
				for _, f := range fixtureFiles(t, dir) {
					t.Run(f.account+"/"+f.name+"@"+f.region, func(t *testing.T) {
						rebuildFn := accountRebuilds[f.name]
						if f.region != "" {
							rebuildFn = regionRebuilds[f.name]
						}
						require.NotNil(t, rebuildFn, "no rebuild for %s", f.name)
						cfg := clientConfig(srv, aws.ToString(aws.String(regionOr(f.region))))
						if f.account != srv.estate.home.id {
							cfg = assumedConfig(cfg, f.account)
						}
						want, err := readTree(f.path)
						require.NoError(t, err)
						got := rebuildFn(t, cfg, f.account)
						assert.NoError(t, sameJSON("$", want, got))
					})
				}
			}
		})
	}
}

func regionOr(region string) string {
	if region == "" {
		return "us-east-1"
	}
	return region
}

// TestEveryFileKindIsRebuilt keeps the rebuild table in step with the
// snapshot files the fake knows.
func TestEveryFileKindIsRebuilt(t *testing.T) {
	for name := range accountFiles {
		if name != "manifest.json" {
			assert.Contains(t, accountRebuilds, name)
		}
	}
	for name := range regionFiles {
		assert.Contains(t, regionRebuilds, name)
	}
	_, err := os.Stat(capitalOne)
	require.NoError(t, err)
}
