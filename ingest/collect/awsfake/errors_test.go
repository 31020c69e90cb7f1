package awsfake

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeSnapshot writes files (path → content) under a new directory.
func writeSnapshot(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir
}

// TestErrorsOfEachProtocol: what is not in the snapshot is answered with
// the error code and HTTP status AWS uses, in each protocol's error shape,
// so that the SDK reads the code.
func TestErrorsOfEachProtocol(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{})
	east := clientConfig(srv, "us-east-1")
	s3East := s3.NewFromConfig(east, func(o *s3.Options) { o.UsePathStyle = true })
	s3Eu := s3.NewFromConfig(east, func(o *s3.Options) { o.UsePathStyle = true; o.Region = "eu-west-1" })
	member := assumedConfig(clientConfig(srv, "us-west-2"), workloads)
	bucket := aws.String("mgmt-audit-logs")
	cases := []struct {
		name   string
		call   func() error
		code   string
		status int
	}{
		{"s3 bucket without public access block", func() error {
			_, err := s3Eu.GetPublicAccessBlock(ctx(t), &s3.GetPublicAccessBlockInput{Bucket: bucket})
			return err
		}, "NoSuchPublicAccessBlockConfiguration", 404},
		{"s3 bucket without tags", func() error {
			_, err := s3Eu.GetBucketTagging(ctx(t), &s3.GetBucketTaggingInput{Bucket: bucket})
			return err
		}, "NoSuchTagSet", 404},
		{"s3 bucket without ownership controls", func() error {
			_, err := s3Eu.GetBucketOwnershipControls(ctx(t), &s3.GetBucketOwnershipControlsInput{Bucket: bucket})
			return err
		}, "OwnershipControlsNotFoundError", 404},
		{"s3 unknown bucket", func() error {
			_, err := s3East.GetBucketPolicy(ctx(t), &s3.GetBucketPolicyInput{Bucket: aws.String("nobody")})
			return err
		}, "NoSuchBucket", 404},
		{"s3 bucket asked in another region than its own", func() error {
			_, err := s3East.GetBucketPolicy(ctx(t), &s3.GetBucketPolicyInput{Bucket: bucket})
			return err
		}, "PermanentRedirect", 301},
		{"s3control for another account", func() error {
			_, err := s3control.NewFromConfig(east).GetPublicAccessBlock(ctx(t), &s3control.GetPublicAccessBlockInput{AccountId: aws.String(workloads)})
			return err
		}, "AccessDenied", 403},
		{"s3control without an account-level block", func() error {
			_, err := s3control.NewFromConfig(member).GetPublicAccessBlock(ctx(t), &s3control.GetPublicAccessBlockInput{AccountId: aws.String(workloads)})
			return err
		}, "NoSuchPublicAccessBlockConfiguration", 404},
		{"iam unknown user", func() error {
			_, err := iam.NewFromConfig(east).ListAccessKeys(ctx(t), &iam.ListAccessKeysInput{UserName: aws.String("nobody")})
			return err
		}, "NoSuchEntity", 404},
		{"iam operation the fake does not serve", func() error {
			_, err := iam.NewFromConfig(east).ListRoles(ctx(t), &iam.ListRolesInput{})
			return err
		}, "InvalidAction", 400},
		{"ec2 unknown instance", func() error {
			_, err := ec2.NewFromConfig(east).DescribeInstanceAttribute(ctx(t), &ec2.DescribeInstanceAttributeInput{InstanceId: aws.String("i-nobody"), Attribute: ec2types.InstanceAttributeNameUserData})
			return err
		}, "InvalidInstanceID.NotFound", 400},
		{"ec2 bad pagination token", func() error {
			_, err := ec2.NewFromConfig(east).DescribeVpcs(ctx(t), &ec2.DescribeVpcsInput{NextToken: aws.String("not-a-token")})
			return err
		}, "InvalidParameterValue", 400},
		{"elbv2 unknown load balancer", func() error {
			_, err := elb.NewFromConfig(east).DescribeListeners(ctx(t), &elb.DescribeListenersInput{LoadBalancerArn: aws.String("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1")})
			return err
		}, "LoadBalancerNotFound", 400},
		{"elbv2 unknown target group", func() error {
			_, err := elb.NewFromConfig(east).DescribeTargetHealth(ctx(t), &elb.DescribeTargetHealthInput{TargetGroupArn: aws.String("arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/x/1")})
			return err
		}, "TargetGroupNotFound", 400},
		{"lambda unknown function", func() error {
			_, err := lambda.NewFromConfig(east).GetPolicy(ctx(t), &lambda.GetPolicyInput{FunctionName: aws.String("nobody")})
			return err
		}, "ResourceNotFoundException", 404},
		{"kms unknown key", func() error {
			_, err := kms.NewFromConfig(east).DescribeKey(ctx(t), &kms.DescribeKeyInput{KeyId: aws.String("alias/nobody")})
			return err
		}, "NotFoundException", 400},
		{"secrets manager unknown secret", func() error {
			_, err := secretsmanager.NewFromConfig(east).GetResourcePolicy(ctx(t), &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("nobody")})
			return err
		}, "ResourceNotFoundException", 400},
		{"dynamodb unknown table", func() error {
			_, err := dynamodb.NewFromConfig(member).DescribeTable(ctx(t), &dynamodb.DescribeTableInput{TableName: aws.String("nobody")})
			return err
		}, "ResourceNotFoundException", 400},
		{"organizations in an account outside any organisation", func() error {
			_, err := organizations.NewFromConfig(member).DescribeOrganization(ctx(t), &organizations.DescribeOrganizationInput{})
			return err
		}, "AWSOrganizationsNotInUseException", 400},
		{"organizations unknown parent", func() error {
			_, err := organizations.NewFromConfig(east).ListAccountsForParent(ctx(t), &organizations.ListAccountsForParentInput{ParentId: aws.String("ou-nobody")})
			return err
		}, "ParentNotFoundException", 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, status := errorCodeAndStatus(t, tc.call())
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.status, status)
		})
	}
}

func TestS3RedirectNamesTheBucketRegion(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{})
	client := s3.NewFromConfig(clientConfig(srv, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true })
	_, err := client.GetBucketEncryption(ctx(t), &s3.GetBucketEncryptionInput{Bucket: aws.String("mgmt-audit-logs")})
	var resp *awshttp.ResponseError
	require.True(t, errors.As(err, &resp))
	assert.Equal(t, "eu-west-1", resp.Response.Header.Get("X-Amz-Bucket-Region"))

	loc, err := client.GetBucketLocation(ctx(t), &s3.GetBucketLocationInput{Bucket: aws.String("mgmt-audit-logs")})
	require.NoError(t, err, "GetBucketLocation answers from any region")
	assert.Equal(t, "eu-west-1", string(loc.LocationConstraint))
}

// TestMissingPartsOfTheSnapshot covers what the fixtures do not hold: a
// key or table without a policy, a us-east-1 bucket's empty location, a
// member that only describes its organisation, a file of an unknown
// region's folder.
func TestMissingPartsOfTheSnapshot(t *testing.T) {
	dir := writeSnapshot(t, map[string]string{
		"manifest.json":   `{"account_id": "123456789012", "regions": ["us-east-1"]}`,
		"s3-buckets.json": `{"Buckets": [{"Name": "b", "CreationDate": "2020-01-01T00:00:00+00:00", "BucketRegion": "us-east-1", "Policy": {"Version": "2012-10-17"}}], "Owner": {"ID": "x"}}`,
		"organizations-describe-organization.json": `{"Organization": {"Id": "o-1", "MasterAccountId": "999999999999"}}`,
		"kms-keys.json":        `{"Keys": [{"KeyMetadata": {"KeyId": "k1", "Arn": "arn:aws:kms:us-east-1:123456789012:key/k1"}, "Policy": null, "Aliases": []}]}`,
		"dynamodb-tables.json": `{"Tables": [{"TableName": "t", "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/t", "ResourcePolicy": null}]}`,
	})
	srv := startServer(t, dir, Options{})
	cfg := clientConfig(srv, "us-east-1")

	loc, err := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).GetBucketLocation(ctx(t), &s3.GetBucketLocationInput{Bucket: aws.String("b")})
	require.NoError(t, err)
	assert.Empty(t, loc.LocationConstraint, "us-east-1 is the empty constraint")
	policy, err := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).GetBucketPolicy(ctx(t), &s3.GetBucketPolicyInput{Bucket: aws.String("b")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Version": "2012-10-17"}`, aws.ToString(policy.Policy), "a policy held as an object is sent as its JSON")

	_, err = kms.NewFromConfig(cfg).GetKeyPolicy(ctx(t), &kms.GetKeyPolicyInput{KeyId: aws.String("k1"), PolicyName: aws.String("default")})
	code, _ := errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDeniedException", code, "a key without its policy was refused it")

	_, err = dynamodb.NewFromConfig(cfg).GetResourcePolicy(ctx(t), &dynamodb.GetResourcePolicyInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/t")})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "PolicyNotFoundException", code)

	org := organizations.NewFromConfig(cfg)
	_, err = org.DescribeOrganization(ctx(t), &organizations.DescribeOrganizationInput{})
	require.NoError(t, err, "a member account describes its organisation")
	_, err = org.ListRoots(ctx(t), &organizations.ListRootsInput{})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDeniedException", code, "but may not read its tree")

	vpcs, err := ec2.NewFromConfig(clientConfig(srv, "eu-west-1")).DescribeVpcs(ctx(t), &ec2.DescribeVpcsInput{})
	require.NoError(t, err)
	assert.Empty(t, vpcs.Vpcs, "a region the snapshot has nothing for answers empty lists")
}
