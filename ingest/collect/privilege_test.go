package collect

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// operationActions maps every API operation the collector calls (SDK
// service id and operation) to the IAM action that allows it. Where they
// differ, the Service Authorization Reference names the action.
var operationActions = map[string]string{
	"STS.GetCallerIdentity": "", // needs no permission
	"STS.AssumeRole":        "sts:AssumeRole",

	"IAM.GetAccountAuthorizationDetails": "iam:GetAccountAuthorizationDetails",
	"IAM.ListAccessKeys":                 "iam:ListAccessKeys",

	"S3.ListBuckets":                  "s3:ListAllMyBuckets",
	"S3.GetBucketLocation":            "s3:GetBucketLocation",
	"S3.GetBucketPolicy":              "s3:GetBucketPolicy",
	"S3.GetPublicAccessBlock":         "s3:GetBucketPublicAccessBlock",
	"S3.GetBucketTagging":             "s3:GetBucketTagging",
	"S3.GetBucketEncryption":          "s3:GetEncryptionConfiguration",
	"S3.GetBucketOwnershipControls":   "s3:GetBucketOwnershipControls",
	"S3 Control.GetPublicAccessBlock": "s3:GetAccountPublicAccessBlock",

	"Organizations.ListAccounts":                     "organizations:ListAccounts",
	"Organizations.DescribeOrganization":             "organizations:DescribeOrganization",
	"Organizations.ListRoots":                        "organizations:ListRoots",
	"Organizations.ListOrganizationalUnitsForParent": "organizations:ListOrganizationalUnitsForParent",
	"Organizations.ListAccountsForParent":            "organizations:ListAccountsForParent",
	"Organizations.ListPolicies":                     "organizations:ListPolicies",
	"Organizations.DescribePolicy":                   "organizations:DescribePolicy",
	"Organizations.ListTargetsForPolicy":             "organizations:ListTargetsForPolicy",

	"EC2.DescribeRegions":           "ec2:DescribeRegions",
	"EC2.DescribeVpcs":              "ec2:DescribeVpcs",
	"EC2.DescribeSubnets":           "ec2:DescribeSubnets",
	"EC2.DescribeRouteTables":       "ec2:DescribeRouteTables",
	"EC2.DescribeInternetGateways":  "ec2:DescribeInternetGateways",
	"EC2.DescribeNatGateways":       "ec2:DescribeNatGateways",
	"EC2.DescribeSecurityGroups":    "ec2:DescribeSecurityGroups",
	"EC2.DescribeNetworkAcls":       "ec2:DescribeNetworkAcls",
	"EC2.DescribeNetworkInterfaces": "ec2:DescribeNetworkInterfaces",
	"EC2.DescribeInstances":         "ec2:DescribeInstances",
	"EC2.DescribeInstanceAttribute": "ec2:DescribeInstanceAttribute",

	"Elastic Load Balancing v2.DescribeLoadBalancers": "elasticloadbalancing:DescribeLoadBalancers",
	"Elastic Load Balancing v2.DescribeListeners":     "elasticloadbalancing:DescribeListeners",
	"Elastic Load Balancing v2.DescribeTargetGroups":  "elasticloadbalancing:DescribeTargetGroups",
	"Elastic Load Balancing v2.DescribeTargetHealth":  "elasticloadbalancing:DescribeTargetHealth",

	"Lambda.ListFunctions": "lambda:ListFunctions",
	"Lambda.ListTags":      "lambda:ListTags",
	"Lambda.GetPolicy":     "lambda:GetPolicy",

	"KMS.ListKeys":         "kms:ListKeys",
	"KMS.DescribeKey":      "kms:DescribeKey",
	"KMS.GetKeyPolicy":     "kms:GetKeyPolicy",
	"KMS.ListAliases":      "kms:ListAliases",
	"KMS.ListResourceTags": "kms:ListResourceTags",

	"Secrets Manager.ListSecrets":       "secretsmanager:ListSecrets",
	"Secrets Manager.GetResourcePolicy": "secretsmanager:GetResourcePolicy",

	"RDS.DescribeDBInstances": "rds:DescribeDBInstances",

	"DynamoDB.ListTables":         "dynamodb:ListTables",
	"DynamoDB.DescribeTable":      "dynamodb:DescribeTable",
	"DynamoDB.GetResourcePolicy":  "dynamodb:GetResourcePolicy",
	"DynamoDB.ListTagsOfResource": "dynamodb:ListTagsOfResource",
}

// callRecorder records the service and operation of every API call.
type callRecorder struct {
	mu  sync.Mutex
	ops map[string]bool
}

func (r *callRecorder) apiOptions() []func(*middleware.Stack) error {
	return []func(*middleware.Stack) error{onCall(func(ctx context.Context, op string) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.ops[middleware.GetServiceID(ctx)+"."+op] = true
	})}
}

// docPolicyActions reads the actions of the policy that follows marker in
// docs/collect.md.
func docPolicyActions(t *testing.T, marker string) []string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "collect.md"))
	require.NoError(t, err)
	block := regexp.MustCompile("(?s)" + regexp.QuoteMeta(marker) + "\\s*```json\\n(.*?)```").FindSubmatch(doc)
	require.NotNil(t, block, "docs/collect.md has no JSON policy after %s", marker)
	var policy struct {
		Statement []struct {
			Effect   string
			Action   []string
			Resource any
		}
	}
	require.NoError(t, json.Unmarshal(block[1], &policy), "the policy after %s is JSON", marker)
	var actions []string
	for _, s := range policy.Statement {
		require.Equal(t, "Allow", s.Effect)
		for _, a := range s.Action {
			require.NotContains(t, a, "*", "exact actions, no wildcards")
			actions = append(actions, a)
		}
	}
	sort.Strings(actions)
	return actions
}

// TestDocumentedPolicyAllowsEveryCall runs collections that reach every
// code path against the fake, records each operation called, and checks
// that the read-only policy of docs/collect.md allows exactly those (and
// the caller's policy sts:AssumeRole).
func TestDocumentedPolicyAllowsEveryCall(t *testing.T) {
	rec := &callRecorder{ops: map[string]bool{}}
	// an organisation, through roles
	_, _, err := collectFromFake(t, fixture("two-accounts"), awsfake.Options{},
		Options{Regions: []string{"us-east-1", "eu-west-1", "us-west-2"}, OrgRole: "OrganizationAccountAccessRole", APIOptions: rec.apiOptions()})
	require.NoError(t, err)
	// every region, and buckets listed without their region (older CLIs
	// and SDKs), which takes GetBucketLocation
	_, _, err = collectFromFake(t, withoutBucketRegions(t, fixture("capital-one")), awsfake.Options{},
		Options{AllRegions: true, APIOptions: rec.apiOptions()})
	require.NoError(t, err)

	var called []string
	for op := range rec.ops {
		called = append(called, op)
	}
	sort.Strings(called)
	readOnly := map[string]bool{}
	for _, a := range docPolicyActions(t, "<!-- policy: read-only -->") {
		readOnly[a] = true
	}
	assumer := docPolicyActions(t, "<!-- policy: caller -->")
	for _, op := range called {
		action, ok := operationActions[op]
		if !assert.True(t, ok, "the collector calls %s: add it to operationActions and to the policy of docs/collect.md", op) {
			continue
		}
		switch {
		case action == "":
		case strings.HasPrefix(action, "sts:"):
			assert.Contains(t, assumer, action, "%s", op)
		default:
			assert.True(t, readOnly[action], "%s needs %s, which docs/collect.md's policy does not allow", op, action)
		}
	}
	used := map[string]bool{}
	for op, action := range operationActions {
		assert.True(t, rec.ops[op], "%s is listed but no test run called it", op)
		used[action] = true
	}
	for action := range readOnly {
		assert.True(t, used[action], "docs/collect.md allows %s, which the collector never needs", action)
	}
}

// withoutBucketRegions copies a snapshot and removes BucketRegion from
// its s3-buckets.json.
func withoutBucketRegions(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		if e.Name() == "s3-buckets.json" {
			var buckets map[string]any
			require.NoError(t, json.Unmarshal(data, &buckets))
			for _, b := range buckets["Buckets"].([]any) {
				delete(b.(map[string]any), "BucketRegion")
			}
			data, err = json.Marshal(buckets)
			require.NoError(t, err)
		}
		require.NoError(t, os.WriteFile(filepath.Join(out, e.Name()), data, 0o644))
	}
	return out
}
