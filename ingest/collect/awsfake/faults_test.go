package awsfake

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// probe is one call per service, each in its own protocol.
type probe struct {
	key    string // service:Operation
	region string
	call   func(t *testing.T, cfg aws.Config) error
}

var probes = []probe{
	{"iam:GetAccountAuthorizationDetails", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := iam.NewFromConfig(cfg).GetAccountAuthorizationDetails(ctx(t), &iam.GetAccountAuthorizationDetailsInput{})
		return err
	}},
	{"sts:GetCallerIdentity", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
		return err
	}},
	{"ec2:DescribeInstances", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := ec2.NewFromConfig(cfg).DescribeInstances(ctx(t), &ec2.DescribeInstancesInput{})
		return err
	}},
	{"s3:ListBuckets", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).ListBuckets(ctx(t), &s3.ListBucketsInput{})
		return err
	}},
	{"s3control:GetPublicAccessBlock", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := s3control.NewFromConfig(cfg).GetPublicAccessBlock(ctx(t), &s3control.GetPublicAccessBlockInput{AccountId: aws.String(management)})
		return err
	}},
	{"elasticloadbalancing:DescribeLoadBalancers", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := elb.NewFromConfig(cfg).DescribeLoadBalancers(ctx(t), &elb.DescribeLoadBalancersInput{})
		return err
	}},
	{"rds:DescribeDBInstances", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := rds.NewFromConfig(cfg).DescribeDBInstances(ctx(t), &rds.DescribeDBInstancesInput{})
		return err
	}},
	{"lambda:ListFunctions", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := lambda.NewFromConfig(cfg).ListFunctions(ctx(t), &lambda.ListFunctionsInput{})
		return err
	}},
	{"kms:ListKeys", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := kms.NewFromConfig(cfg).ListKeys(ctx(t), &kms.ListKeysInput{})
		return err
	}},
	{"secretsmanager:ListSecrets", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := secretsmanager.NewFromConfig(cfg).ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{})
		return err
	}},
	{"dynamodb:ListTables", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := dynamodb.NewFromConfig(cfg).ListTables(ctx(t), &dynamodb.ListTablesInput{})
		return err
	}},
	{"organizations:ListRoots", "us-east-1", func(t *testing.T, cfg aws.Config) error {
		_, err := organizations.NewFromConfig(cfg).ListRoots(ctx(t), &organizations.ListRootsInput{})
		return err
	}},
}

// countCalls counts the calls srv received for key (service:Operation).
func countCalls(srv *Server, key string) int {
	n := 0
	for _, c := range srv.Calls() {
		if c.Service+":"+c.Operation == key {
			n++
		}
	}
	return n
}

func TestThrottledCallsAreRetriedBySDK(t *testing.T) {
	throttleCodes := map[string]string{
		"iam": "Throttling", "sts": "Throttling", "ec2": "RequestLimitExceeded", "s3": "SlowDown",
		"s3control": "SlowDown", "elasticloadbalancing": "Throttling", "rds": "Throttling",
		"lambda": "TooManyRequestsException", "kms": "ThrottlingException", "secretsmanager": "ThrottlingException",
		"dynamodb": "ThrottlingException", "organizations": "TooManyRequestsException",
	}
	for _, p := range probes {
		t.Run(p.key, func(t *testing.T) {
			srv := startServer(t, twoAccounts, Options{Throttle: map[string]int{p.key: 2}})
			require.NoError(t, p.call(t, clientConfig(srv, p.region)), "the SDK's third attempt succeeds")
			assert.Equal(t, 3, countCalls(srv, p.key))

			srv = startServer(t, twoAccounts, Options{Throttle: map[string]int{p.key: 3}})
			code, _ := errorCodeAndStatus(t, p.call(t, clientConfig(srv, p.region)))
			assert.Equal(t, throttleCodes[serviceOf(p.key)], code)
			assert.Equal(t, 3, countCalls(srv, p.key), "the SDK gives up after three attempts")
		})
	}
}

func serviceOf(key string) string {
	for i := range key {
		if key[i] == ':' {
			return key[:i]
		}
	}
	return key
}

func TestDeniedCallsFailWithTheCodeGiven(t *testing.T) {
	for _, p := range probes {
		t.Run(p.key, func(t *testing.T) {
			srv := startServer(t, twoAccounts, Options{Deny: map[string]string{p.key: "AccessDenied"}})
			code, status := errorCodeAndStatus(t, p.call(t, clientConfig(srv, p.region)))
			assert.Equal(t, "AccessDenied", code)
			assert.Equal(t, 403, status)
			assert.Equal(t, 1, countCalls(srv, p.key), "a denial is not retried")
		})
	}
}

func TestDenyKeysNameRegionsAccountsAndWholeServices(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{Deny: map[string]string{
		"ec2:DescribeInstances@eu-west-1": "UnauthorizedOperation",
		"kms:*":                           "AccessDeniedException",
		"rds:*@" + workloads:              "AccessDenied",
	}})
	ec2In := func(cfg aws.Config) error {
		_, err := ec2.NewFromConfig(cfg).DescribeInstances(ctx(t), &ec2.DescribeInstancesInput{})
		return err
	}
	assert.NoError(t, ec2In(clientConfig(srv, "us-east-1")))
	code, status := errorCodeAndStatus(t, ec2In(clientConfig(srv, "eu-west-1")))
	assert.Equal(t, "UnauthorizedOperation", code)
	assert.Equal(t, 403, status)

	_, err := kms.NewFromConfig(clientConfig(srv, "us-east-1")).DescribeKey(ctx(t), &kms.DescribeKeyInput{KeyId: aws.String("alias/audit-logs")})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDeniedException", code)

	rdsIn := func(cfg aws.Config) error {
		_, err := rds.NewFromConfig(cfg).DescribeDBInstances(ctx(t), &rds.DescribeDBInstancesInput{})
		return err
	}
	assert.NoError(t, rdsIn(clientConfig(srv, "us-west-2")), "the management account is not denied")
	code, _ = errorCodeAndStatus(t, rdsIn(assumedConfig(clientConfig(srv, "us-west-2"), workloads)))
	assert.Equal(t, "AccessDenied", code)
}

// TestManifestGapsAreAnsweredWithTheirError: two-accounts records that
// lambda:ListFunctions was denied in eu-west-1; the fake denies it there
// with the recorded code and message, so that collecting again records
// the same gap.
func TestManifestGapsAreAnsweredWithTheirError(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{})
	_, err := lambda.NewFromConfig(clientConfig(srv, "eu-west-1")).ListFunctions(ctx(t), &lambda.ListFunctionsInput{})
	code, status := errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDeniedException", code)
	assert.Equal(t, 403, status)
	assert.Contains(t, err.Error(), "User: arn:aws:iam::111122223333:role/collector is not authorized to perform: lambda:ListFunctions")

	_, err = lambda.NewFromConfig(clientConfig(srv, "us-east-1")).ListFunctions(ctx(t), &lambda.ListFunctionsInput{})
	assert.NoError(t, err, "other regions answer")
	_, err = lambda.NewFromConfig(clientConfig(srv, "eu-west-1")).ListTags(ctx(t), &lambda.ListTagsInput{Resource: aws.String("arn:aws:lambda:eu-west-1:111122223333:function:x")})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "ResourceNotFoundException", code, "only the operation the reason names is denied")
}

func TestRegionsNotEnabledFailAsAWSAnswersThem(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{Regions: []string{"us-east-1"}})
	want := map[string]struct {
		code   string
		status int
	}{
		"ec2:DescribeInstances":                      {"AuthFailure", 401},
		"elasticloadbalancing:DescribeLoadBalancers": {"InvalidClientTokenId", 403},
		"rds:DescribeDBInstances":                    {"InvalidClientTokenId", 403},
		"lambda:ListFunctions":                       {"UnrecognizedClientException", 403},
		"kms:ListKeys":                               {"UnrecognizedClientException", 400},
		"secretsmanager:ListSecrets":                 {"UnrecognizedClientException", 400},
		"dynamodb:ListTables":                        {"UnrecognizedClientException", 400},
	}
	for _, p := range probes {
		t.Run(p.key, func(t *testing.T) {
			assert.NoError(t, p.call(t, clientConfig(srv, "us-east-1")))
			err := p.call(t, clientConfig(srv, "ap-east-1"))
			w, regional := want[p.key]
			if !regional {
				assert.NoError(t, err, "global services answer whatever the region")
				return
			}
			code, status := errorCodeAndStatus(t, err)
			assert.Equal(t, w.code, code)
			assert.Equal(t, w.status, status)
		})
	}
}

func TestGapsDenyTheOperationTheyNameOrTheWholeService(t *testing.T) {
	dir := writeSnapshot(t, map[string]string{
		"manifest.json": `{"account_id": "123456789012", "regions": ["us-east-1"], "not_collected": [
			{"region": "", "service": "s3", "reason": "AccessDenied: User: x is not authorized to perform: s3:GetAccountPublicAccessBlock"},
			{"region": "us-east-1", "service": "kms", "reason": "An error occurred (AccessDeniedException): the key store is unreachable"},
			{"region": "us-east-1", "service": "rds", "reason": "An error occurred (AccessDenied) when calling the DescribeDBInstances operation: no"}]}`,
		"s3-buckets.json": `{"Buckets": [{"Name": "b", "BucketRegion": "us-east-1", "PublicAccessBlockConfiguration": {"BlockPublicAcls": true}}]}`,
	})
	srv := startServer(t, dir, Options{})
	cfg := clientConfig(srv, "us-east-1")
	_, err := s3control.NewFromConfig(cfg).GetPublicAccessBlock(ctx(t), &s3control.GetPublicAccessBlockInput{AccountId: aws.String("123456789012")})
	code, _ := errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDenied", code)
	_, err = s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).GetPublicAccessBlock(ctx(t), &s3.GetPublicAccessBlockInput{Bucket: aws.String("b")})
	assert.NoError(t, err, "the bucket's block is another operation")

	_, err = kms.NewFromConfig(cfg).DescribeKey(ctx(t), &kms.DescribeKeyInput{KeyId: aws.String("k")})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDeniedException", code, "a reason that names no operation covers the service")
	_, err = rds.NewFromConfig(cfg).DescribeDBInstances(ctx(t), &rds.DescribeDBInstancesInput{})
	code, _ = errorCodeAndStatus(t, err)
	assert.Equal(t, "AccessDenied", code, "the CLI's form names the operation")
}
