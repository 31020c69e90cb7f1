package collect

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
)

func TestRoleARNCollectsThatAccountOnly(t *testing.T) {
	role := "arn:aws:iam::444455556666:role/cross-account-admin"
	summary, fake, err := collectFromFake(t, fixture("two-accounts"), awsfake.Options{},
		Options{Regions: []string{"us-west-2"}, RoleARNs: []string{role}})
	require.NoError(t, err)
	require.Len(t, summary.Accounts, 1)
	assert.Equal(t, "444455556666", summary.Accounts[0].ID)
	assert.Equal(t, summary.Out, summary.Accounts[0].Dir, "one account is written into the output directory itself")
	assertWrittenBack(t, filepath.Join(fixture("two-accounts"), "444455556666"), summary.Out, nil)
	for _, c := range fake.Calls() {
		if c.Service != "sts" {
			assert.Equal(t, "444455556666", c.Account, "%s:%s was called with the caller's own credentials", c.Service, c.Operation)
		}
	}
}

func TestARoleThatCannotBeAssumedLeavesAManifestThatSaysWhy(t *testing.T) {
	summary, _, err := collectFromFake(t, fixture("two-accounts"),
		awsfake.Options{Deny: map[string]string{"sts:AssumeRole@444455556666": "AccessDenied"}},
		Options{Regions: []string{"us-east-1"}, OrgRole: "OrganizationAccountAccessRole"})
	require.NoError(t, err)
	member := filepath.Join(summary.Out, "444455556666")
	assert.Equal(t, []string{"sts"}, manifestGaps(t, member))
	est, err := snapshot.Load(summary.Out)
	require.NoError(t, err, "the organisation still loads")
	assert.Contains(t, est.Warnings, "account 444455556666: sts was not collected: cannot assume arn:aws:iam::444455556666:role/OrganizationAccountAccessRole: "+
		"AccessDenied: User: arn:aws:iam::111122223333:user/awsfake is not authorized to perform: sts:AssumeRole (AssumeRole)")
}

func TestAllRegionsAsksEachAccount(t *testing.T) {
	summary, fake, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{}, Options{AllRegions: true})
	require.NoError(t, err)
	assert.Equal(t, 1, countCalls(fake, "ec2", "DescribeRegions"))
	require.Len(t, summary.Accounts, 1)
	assert.Equal(t, []string{"us-east-1"}, summary.Accounts[0].Regions)
	assertWrittenBack(t, fixture("capital-one"), summary.Out, map[string]string{
		"111122223333/us-east-1/ec2-describe-instance-attribute-userdata.json": "i-0waf has no user data",
	})
}

func TestServicesLimitsTheFiles(t *testing.T) {
	summary, fake, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{},
		Options{Regions: []string{"us-east-1"}, Services: []string{"iam", "ec2"}})
	require.NoError(t, err)
	for _, c := range fake.Calls() {
		assert.Contains(t, []string{"sts", "iam", "ec2"}, c.Service, "%s:%s", c.Service, c.Operation)
	}
	assert.FileExists(t, filepath.Join(summary.Out, "iam-authorization-details.json"))
	assert.FileExists(t, filepath.Join(summary.Out, "ec2-describe-instances.json"))
	assert.NoFileExists(t, filepath.Join(summary.Out, "s3-buckets.json"))
}
