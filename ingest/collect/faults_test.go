package collect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// countCalls counts the calls the fake received for one operation.
func countCalls(fake *awsfake.Server, service, operation string) int {
	n := 0
	for _, c := range fake.Calls() {
		if c.Service == service && c.Operation == operation {
			n++
		}
	}
	return n
}

func TestThrottledCallsAreRetried(t *testing.T) {
	throttle := map[string]int{
		"iam:GetAccountAuthorizationDetails": 2,
		"ec2:DescribeInstances":              2,
		"s3:GetBucketPolicy":                 1,
		"dynamodb:ListTables":                2,
	}
	// one page per list, so that each throttled operation is called once
	// plus once per throttle
	summary, fake, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{PageSize: 1000, Throttle: throttle},
		Options{Regions: []string{"us-east-1"}})
	require.NoError(t, err)
	assert.Empty(t, summary.Accounts[0].NotCollected, "every throttled call succeeded in the end")
	assertWrittenBack(t, fixture("capital-one"), summary.Out, map[string]string{
		"111122223333/us-east-1/ec2-describe-instance-attribute-userdata.json": "i-0waf has no user data",
	})
	assert.Equal(t, 3, countCalls(fake, "iam", "GetAccountAuthorizationDetails"))
	assert.Equal(t, 3, countCalls(fake, "ec2", "DescribeInstances"))
	assert.Equal(t, 3, countCalls(fake, "dynamodb", "ListTables"))
}

func TestRefusedCallsAreRecordedAndCollectionGoesOn(t *testing.T) {
	deny := map[string]string{
		"ec2:DescribeInstances": "UnauthorizedOperation",
		"s3:GetBucketPolicy":    "AccessDenied",
		"kms:*":                 "AccessDeniedException",
	}
	summary, _, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{Deny: deny},
		Options{Regions: []string{"us-east-1"}})
	require.NoError(t, err, "refusals are not errors")
	out := summary.Out
	assert.Equal(t, []string{"s3", "s3", "us-east-1 ec2", "us-east-1 kms"}, manifestGaps(t, out),
		"one entry per refused call: GetBucketPolicy for each of the two buckets")
	assert.NoFileExists(t, filepath.Join(out, "ec2-describe-instances.json"))
	assert.NoFileExists(t, filepath.Join(out, "kms-keys.json"))
	assert.FileExists(t, filepath.Join(out, "ec2-describe-vpcs.json"), "the rest of EC2 is collected")
	assert.FileExists(t, filepath.Join(out, "s3-buckets.json"), "the buckets are written, without their policies")
	var m struct {
		NotCollected []Gap `json:"not_collected"`
	}
	readJSON(t, filepath.Join(out, "manifest.json"), &m)
	for _, g := range m.NotCollected {
		switch g.Service {
		case "ec2":
			assert.Contains(t, g.Reason, "UnauthorizedOperation")
			assert.Contains(t, g.Reason, "(DescribeInstances)")
		case "s3":
			assert.Contains(t, g.Reason, "AccessDenied")
			assert.True(t, strings.Contains(g.Reason, "bucket customer-data") || strings.Contains(g.Reason, "bucket waf-logs"), g.Reason)
		case "kms":
			assert.Contains(t, g.Reason, "AccessDeniedException")
		}
	}
}

func TestARegionNotEnabledIsRecordedPerService(t *testing.T) {
	summary, _, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{Regions: []string{"us-east-1"}},
		Options{Regions: []string{"us-east-1", "ap-southeast-7"}})
	require.NoError(t, err)
	var regional []string
	for _, g := range manifestGaps(t, summary.Out) {
		require.True(t, strings.HasPrefix(g, "ap-southeast-7 "), "only the disabled region has gaps: %s", g)
		regional = append(regional, strings.TrimPrefix(g, "ap-southeast-7 "))
	}
	assert.Equal(t, []string{"dynamodb", "ec2", "elbv2", "kms", "lambda", "rds", "secretsmanager"}, regional)
	entries, err := os.ReadDir(filepath.Join(summary.Out, "ap-southeast-7"))
	if err == nil {
		assert.Empty(t, entries, "nothing is written for the disabled region")
	}
	assertWrittenBack(t, fixture("capital-one"), summary.Out, map[string]string{
		"111122223333/us-east-1/ec2-describe-instance-attribute-userdata.json": "i-0waf has no user data",
	})
}
