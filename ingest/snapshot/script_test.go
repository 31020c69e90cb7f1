package snapshot

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSnapshotScript runs scripts/snapshot.sh against a stand-in for the
// AWS CLI (testdata/fakeaws/aws) that answers from the capital-one
// fixture, and checks that the snapshot it writes loads into the same
// estate as the fixture, with the call the stand-in denies recorded.
func TestSnapshotScript(t *testing.T) {
	for _, tool := range []string{"bash", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("scripts/snapshot.sh needs %s, which this machine lacks", tool)
		}
	}
	fixture, err := filepath.Abs(filepath.Join(fixtures, "capital-one"))
	require.NoError(t, err)
	fake, err := filepath.Abs("testdata/fakeaws")
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "snapshot")

	cmd := exec.Command("bash", "../../scripts/snapshot.sh", out, "us-east-1")
	cmd.Env = append(os.Environ(), "PATH="+fake+string(os.PathListSeparator)+os.Getenv("PATH"), "FAKE_AWS_SNAPSHOT="+fixture)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", output)

	// Policies keep the document as written: compare them as JSON values,
	// not as bytes, since jq indents differently.
	got, err := Load(out)
	require.NoError(t, err)
	want := loadCapitalOne(t)
	assert.Equal(t, asJSON(t, want.Instances), asJSON(t, got.Instances), "Instances")
	assert.Equal(t, asJSON(t, want.SecurityGroups), asJSON(t, got.SecurityGroups), "SecurityGroups")
	assert.Equal(t, asJSON(t, want.Subnets), asJSON(t, got.Subnets), "Subnets")
	assert.Equal(t, asJSON(t, want.RouteTables), asJSON(t, got.RouteTables), "RouteTables")
	assert.Equal(t, asJSON(t, want.NetworkACLs), asJSON(t, got.NetworkACLs), "NetworkACLs")
	assert.Equal(t, asJSON(t, want.InternetGateways), asJSON(t, got.InternetGateways), "InternetGateways")
	assert.Equal(t, asJSON(t, want.Users), asJSON(t, got.Users), "Users")
	assert.Equal(t, asJSON(t, want.Roles), asJSON(t, got.Roles), "Roles")
	assert.Equal(t, asJSON(t, want.ManagedPolicies), asJSON(t, got.ManagedPolicies), "ManagedPolicies")
	assert.Equal(t, asJSON(t, want.AccessKeys), asJSON(t, got.AccessKeys), "AccessKeys")
	assert.Equal(t, asJSON(t, want.Buckets), asJSON(t, got.Buckets), "Buckets")
	assert.Equal(t, []string{"account 111122223333: rds in us-east-1 was not collected: " +
		"An error occurred (AccessDeniedException) when calling the describe-db-instances operation: " +
		"User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: rds:describe-db-instances"}, got.Warnings)

	leftovers, err := filepath.Glob(filepath.Join(out, ".*"))
	require.NoError(t, err)
	assert.Empty(t, leftovers, "temporary files are renamed")
}

// asJSON is v as a generic JSON value.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(data, &out))
	return out
}
