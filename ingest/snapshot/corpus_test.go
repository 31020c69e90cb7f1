package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// corpus is the real authorization details of an account running
// iam-vulnerable, in the repository's sibling shared/ directory, which
// only some machines have.
const corpus = "../../../shared/corpora/iam-vulnerable-authz-details.cloudsplaining-2023.json"

func TestRealAuthorizationDetails(t *testing.T) {
	data, err := os.ReadFile(corpus)
	if os.IsNotExist(err) {
		t.Skipf("the real IAM dump %s is not on this machine; testdata/snapshots/iam-vulnerable-excerpt covers a part of it", corpus)
	}
	require.NoError(t, err)
	dir := writeSnapshot(t, map[string]string{"iam-authorization-details.json": string(data)})

	est, err := Load(dir)
	require.NoError(t, err)
	assert.Len(t, est.Users, 41)
	assert.Len(t, est.Groups, 3)
	assert.Len(t, est.Roles, 75)
	assert.Len(t, est.ManagedPolicies, 56)
	assert.Equal(t, []ingest.Account{{ID: "200611803367"}}, est.Accounts, "the account comes from the ARNs")
	assert.Empty(t, est.Warnings, "every group and customer managed policy referenced is in the dump")

	// The dump has no permissions boundary (every PermissionsBoundaryUsageCount is 0);
	// boundaries are asserted on the two-accounts fixture.
	for _, u := range est.Users {
		assert.Empty(t, u.PermissionsBoundary, u.ARN)
	}
	for _, r := range est.Roles {
		assert.Empty(t, r.PermissionsBoundary, r.ARN)
	}

	org := findOne(t, est.Roles, "OrganizationAccountAccessRole", func(r ingest.Role) bool { return r.Name == "OrganizationAccountAccessRole" })
	assert.Contains(t, org.AttachedPolicies, "arn:aws:iam::aws:policy/AdministratorAccess")
	admin := findOne(t, est.ManagedPolicies, "AdministratorAccess", func(p ingest.ManagedPolicy) bool {
		return p.ARN == "arn:aws:iam::aws:policy/AdministratorAccess"
	})
	require.NotNil(t, admin.Document(), "an attached AWS managed policy comes with its default version")
	assert.Equal(t, []string{"*"}, admin.Document().Statements[0].Action)

	sre := findOne(t, est.Users, "privesc-sre-user", func(u ingest.User) bool { return u.Name == "privesc-sre-user" })
	assert.Equal(t, []string{"arn:aws:iam::200611803367:group/privesc-sre-group"}, sre.Groups)
	service := findOne(t, est.Roles, "privesc-high-priv-service-role", func(r ingest.Role) bool { return r.Name == "privesc-high-priv-service-role" })
	assert.Equal(t, []ingest.InstanceProfile{{ARN: "arn:aws:iam::200611803367:instance-profile/privesc-high-priv-service-profile", Name: "privesc-high-priv-service-profile"}}, service.InstanceProfiles)
}

func TestAuthorizationDetailsExcerpt(t *testing.T) {
	est, err := Load(filepath.Join(fixtures, "iam-vulnerable-excerpt"))
	require.NoError(t, err)
	assert.Len(t, est.Users, 2)
	assert.Len(t, est.Groups, 1)
	assert.Len(t, est.Roles, 2)
	assert.Len(t, est.ManagedPolicies, 6)
	assert.Empty(t, est.Warnings)

	fn1 := findOne(t, est.Users, "fn1-privesc3-partial-user", func(u ingest.User) bool { return u.Name == "fn1-privesc3-partial-user" })
	assert.Nil(t, fn1.InlinePolicies, "the dump omits UserPolicyList")
	assert.Equal(t, []string{
		"arn:aws:iam::200611803367:policy/fn1-passrole-star", "arn:aws:iam::200611803367:policy/fn1-privesc3-partial",
	}, fn1.AttachedPolicies)

	sreGroup := findOne(t, est.Groups, "privesc-sre-group", func(g ingest.Group) bool { return true })
	policy := findOne(t, est.ManagedPolicies, "the group's policy", func(p ingest.ManagedPolicy) bool { return p.ARN == sreGroup.AttachedPolicies[0] })
	require.NotNil(t, policy.Document())

	ssm := findOne(t, est.ManagedPolicies, "AmazonSSMManagedInstanceCore", func(p ingest.ManagedPolicy) bool {
		return strings.HasSuffix(p.ARN, "/AmazonSSMManagedInstanceCore")
	})
	require.Len(t, ssm.Versions, 1, "AWS managed policies come with their default version only")
	assert.True(t, ssm.Versions[0].Default)
}
