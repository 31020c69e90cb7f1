package awsfake

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"
)

// The rebuild functions call the SDK clients as scripts/snapshot.sh calls
// the CLI, and put the answers together into the file's shape: what a
// collector does, enough to check that the fake answers what the
// snapshot holds.

type rebuild func(t testing.TB, cfg aws.Config, account string) any

var accountRebuilds = map[string]rebuild{
	"iam-authorization-details.json":               rebuildAuthorizationDetails,
	"iam-list-access-keys.json":                    rebuildAccessKeys,
	"s3-buckets.json":                              rebuildBuckets,
	"s3control-get-public-access-block.json":       rebuildAccountBPA,
	"organizations-describe-organization.json":     rebuildOrganization,
	"organizations-list-roots.json":                rebuildRoots,
	"organizations-list-organizational-units.json": rebuildOrgTree("OrganizationalUnits"),
	"organizations-list-accounts-for-parent.json":  rebuildOrgTree("Accounts"),
	"organizations-list-policies.json":             rebuildOrgPolicies,
}

// optional returns nil when err is AWS's "there is none" error code.
func optional[T any](t testing.TB, v T, err error, notFound string) any {
	t.Helper()
	var api smithy.APIError
	if errors.As(err, &api) && api.ErrorCode() == notFound {
		return nil
	}
	require.NoError(t, err)
	return v
}

func authorizationDetails(t testing.TB, cfg aws.Config) *iam.GetAccountAuthorizationDetailsOutput {
	all := &iam.GetAccountAuthorizationDetailsOutput{}
	p := iam.NewGetAccountAuthorizationDetailsPaginator(iam.NewFromConfig(cfg), &iam.GetAccountAuthorizationDetailsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		all.UserDetailList = append(all.UserDetailList, page.UserDetailList...)
		all.GroupDetailList = append(all.GroupDetailList, page.GroupDetailList...)
		all.RoleDetailList = append(all.RoleDetailList, page.RoleDetailList...)
		all.Policies = append(all.Policies, page.Policies...)
	}
	return all
}

func rebuildAuthorizationDetails(t testing.TB, cfg aws.Config, _ string) any {
	all := authorizationDetails(t, cfg)
	return decodePolicies(t, asTree(t, map[string]any{
		"UserDetailList": all.UserDetailList, "GroupDetailList": all.GroupDetailList,
		"RoleDetailList": all.RoleDetailList, "Policies": all.Policies,
	}))
}

// decodePolicies decodes the URL-encoded policy documents IAM answers, as
// the CLI does.
func decodePolicies(t testing.TB, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && policyDocumentKeys[k] {
				plain, err := url.QueryUnescape(s)
				require.NoError(t, err)
				dec := json.NewDecoder(bytes.NewReader([]byte(plain)))
				dec.UseNumber()
				var doc any
				require.NoError(t, dec.Decode(&doc), "%s: %s", k, plain)
				x[k] = doc
			} else {
				x[k] = decodePolicies(t, val)
			}
		}
	case []any:
		for i := range x {
			x[i] = decodePolicies(t, x[i])
		}
	}
	return v
}

func rebuildAccessKeys(t testing.TB, cfg aws.Config, _ string) any {
	client := iam.NewFromConfig(cfg)
	keys := []iamtypes.AccessKeyMetadata{}
	for _, u := range authorizationDetails(t, cfg).UserDetailList {
		p := iam.NewListAccessKeysPaginator(client, &iam.ListAccessKeysInput{UserName: u.UserName})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx(t))
			require.NoError(t, err)
			keys = append(keys, page.AccessKeyMetadata...)
		}
	}
	return asTree(t, map[string]any{"AccessKeyMetadata": keys})
}

// rebuildBuckets asks each bucket's parts of a client of the bucket's
// region, as S3 requires.
func rebuildBuckets(t testing.TB, cfg aws.Config, _ string) any {
	client := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	var listed []any
	var owner any
	p := s3.NewListBucketsPaginator(client, &s3.ListBucketsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		owner = page.Owner
		for _, b := range page.Buckets {
			listed = append(listed, rebuildBucket(t, cfg, object(asTree(t, b))))
		}
	}
	return map[string]any{"Buckets": listed, "Owner": asTree(t, owner)}
}

func rebuildBucket(t testing.TB, cfg aws.Config, b map[string]any) map[string]any {
	region := text(b["BucketRegion"])
	client := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true; o.Region = region })
	name := aws.String(text(b["Name"]))
	policy, err := client.GetBucketPolicy(ctx(t), &s3.GetBucketPolicyInput{Bucket: name})
	if b["Policy"] = optional(t, policy, err, "NoSuchBucketPolicy"); b["Policy"] != nil {
		b["Policy"] = aws.ToString(policy.Policy)
	}
	bpa, err := client.GetPublicAccessBlock(ctx(t), &s3.GetPublicAccessBlockInput{Bucket: name})
	if b["PublicAccessBlockConfiguration"] = optional(t, bpa, err, "NoSuchPublicAccessBlockConfiguration"); bpa != nil {
		b["PublicAccessBlockConfiguration"] = asTree(t, bpa.PublicAccessBlockConfiguration)
	}
	tagging, err := client.GetBucketTagging(ctx(t), &s3.GetBucketTaggingInput{Bucket: name})
	if b["Tagging"] = optional(t, tagging, err, "NoSuchTagSet"); tagging != nil {
		b["Tagging"] = asTree(t, map[string]any{"TagSet": tagging.TagSet})
	}
	sse, err := client.GetBucketEncryption(ctx(t), &s3.GetBucketEncryptionInput{Bucket: name})
	if b["ServerSideEncryptionConfiguration"] = optional(t, sse, err, "ServerSideEncryptionConfigurationNotFoundError"); sse != nil {
		b["ServerSideEncryptionConfiguration"] = asTree(t, sse.ServerSideEncryptionConfiguration)
	}
	own, err := client.GetBucketOwnershipControls(ctx(t), &s3.GetBucketOwnershipControlsInput{Bucket: name})
	if b["OwnershipControls"] = optional(t, own, err, "OwnershipControlsNotFoundError"); own != nil {
		b["OwnershipControls"] = asTree(t, own.OwnershipControls)
	}
	return b
}

func rebuildAccountBPA(t testing.TB, cfg aws.Config, account string) any {
	out, err := s3control.NewFromConfig(cfg).GetPublicAccessBlock(ctx(t), &s3control.GetPublicAccessBlockInput{AccountId: aws.String(account)})
	require.NoError(t, err)
	return asTree(t, map[string]any{"PublicAccessBlockConfiguration": out.PublicAccessBlockConfiguration})
}

func rebuildOrganization(t testing.TB, cfg aws.Config, _ string) any {
	out, err := organizations.NewFromConfig(cfg).DescribeOrganization(ctx(t), &organizations.DescribeOrganizationInput{})
	require.NoError(t, err)
	return asTree(t, map[string]any{"Organization": out.Organization})
}

func roots(t testing.TB, cfg aws.Config) []orgtypes.Root {
	var all []orgtypes.Root
	p := organizations.NewListRootsPaginator(organizations.NewFromConfig(cfg), &organizations.ListRootsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		all = append(all, page.Roots...)
	}
	return all
}

func rebuildRoots(t testing.TB, cfg aws.Config, _ string) any {
	return asTree(t, map[string]any{"Roots": roots(t, cfg)})
}

// rebuildOrgTree walks down from each root and keys each parent's units
// or accounts by the parent's id.
func rebuildOrgTree(member string) rebuild {
	return func(t testing.TB, cfg aws.Config, _ string) any {
		client := organizations.NewFromConfig(cfg)
		out := map[string]any{}
		var queue []string
		for _, r := range roots(t, cfg) {
			queue = append(queue, aws.ToString(r.Id))
		}
		for len(queue) > 0 {
			parent := queue[0]
			queue = queue[1:]
			var units []orgtypes.OrganizationalUnit
			p := organizations.NewListOrganizationalUnitsForParentPaginator(client, &organizations.ListOrganizationalUnitsForParentInput{ParentId: &parent})
			for p.HasMorePages() {
				page, err := p.NextPage(ctx(t))
				require.NoError(t, err)
				units = append(units, page.OrganizationalUnits...)
			}
			for _, u := range units {
				queue = append(queue, aws.ToString(u.Id))
			}
			if member == "OrganizationalUnits" {
				out[parent] = asTree(t, map[string]any{member: units})
				continue
			}
			var accounts []orgtypes.Account
			pa := organizations.NewListAccountsForParentPaginator(client, &organizations.ListAccountsForParentInput{ParentId: &parent})
			for pa.HasMorePages() {
				page, err := pa.NextPage(ctx(t))
				require.NoError(t, err)
				accounts = append(accounts, page.Accounts...)
			}
			out[parent] = asTree(t, map[string]any{member: accounts})
		}
		return out
	}
}

func rebuildOrgPolicies(t testing.TB, cfg aws.Config, _ string) any {
	client := organizations.NewFromConfig(cfg)
	out := []any{}
	for _, filter := range []orgtypes.PolicyType{orgtypes.PolicyTypeServiceControlPolicy, orgtypes.PolicyTypeResourceControlPolicy} {
		p := organizations.NewListPoliciesPaginator(client, &organizations.ListPoliciesInput{Filter: filter})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx(t))
			require.NoError(t, err)
			for _, summary := range page.Policies {
				described, err := client.DescribePolicy(ctx(t), &organizations.DescribePolicyInput{PolicyId: summary.Id})
				require.NoError(t, err)
				var targets []orgtypes.PolicyTargetSummary
				pt := organizations.NewListTargetsForPolicyPaginator(client, &organizations.ListTargetsForPolicyInput{PolicyId: summary.Id})
				for pt.HasMorePages() {
					tp, err := pt.NextPage(ctx(t))
					require.NoError(t, err)
					targets = append(targets, tp.Targets...)
				}
				entry := object(asTree(t, summary))
				entry["Content"] = aws.ToString(described.Policy.Content)
				entry["Targets"] = asTree(t, targets)
				out = append(out, entry)
			}
		}
	}
	return map[string]any{"Policies": out}
}
