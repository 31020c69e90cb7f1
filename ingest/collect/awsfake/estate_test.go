package awsfake

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewRefusesWhatIsNotASnapshot(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown file", map[string]string{"manifest.json": `{}`, "ec2-describe-everything.json": `{}`}, "not a snapshot file"},
		{"account file in a region folder", map[string]string{"manifest.json": `{"account_id": "123456789012"}`, "us-east-1/iam-list-access-keys.json": `{}`}, "not a snapshot file"},
		{"malformed JSON", map[string]string{"iam-list-access-keys.json": `{"AccessKeyMetadata": [`}, "iam-list-access-keys.json"},
		{"top level not an object", map[string]string{"iam-list-access-keys.json": `[]`}, "not an object"},
		{"no account", map[string]string{"iam-list-access-keys.json": `{}`}, "cannot tell the account"},
		{"bad manifest account", map[string]string{"manifest.json": `{"account_id": "prod"}`}, "12-digit"},
		{"same account twice", map[string]string{"a/manifest.json": `{"account_id": "123456789012"}`, "b/manifest.json": `{"account_id": "123456789012"}`}, "is in both"},
		{"nothing", map[string]string{}, "no snapshot files"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(writeSnapshot(t, tc.files), Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := New(filepath.Join(t.TempDir(), "missing"), Options{})
	assert.Error(t, err)
}

func TestAccountIDs(t *testing.T) {
	cases := []struct {
		name, dir, want string
	}{
		{"from the manifest", capitalOne, "111122223333"},
		{"from the directory's name", writeSnapshot(t, map[string]string{"210987654321/iam-list-access-keys.json": `{}`}) + "/210987654321", "210987654321"},
		{"from the IAM ARNs", "../../../testdata/snapshots/iam-vulnerable-excerpt", "200611803367"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := loadAccount(tc.dir)
			require.NoError(t, err)
			assert.Equal(t, tc.want, a.id)
		})
	}
}

func TestTopLevelRegionFilesServeTheManifestsRegion(t *testing.T) {
	a, err := loadAccount(filepath.Join(twoAccounts, workloads))
	require.NoError(t, err)
	assert.NotNil(t, a.regionFile("us-west-2", "rds-describe-db-instances.json"))
	assert.Nil(t, a.regionFile("us-east-1", "rds-describe-db-instances.json"))
	assert.Equal(t, []string{"us-west-2"}, a.regions())

	a, err = loadAccount(filepath.Join(twoAccounts, management))
	require.NoError(t, err)
	assert.NotNil(t, a.regionFile("eu-west-1", "ec2-describe-vpcs.json"))
	assert.Nil(t, a.regionFile("eu-west-1", "ec2-describe-subnets.json"))
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, a.regions())
}
