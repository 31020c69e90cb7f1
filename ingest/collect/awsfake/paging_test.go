package awsfake

import (
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryItemTakesAPageOfItsOwnWithPageSize1(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{PageSize: 1})
	all := authorizationDetails(t, clientConfig(srv, "us-east-1"))
	items := len(all.UserDetailList) + len(all.GroupDetailList) + len(all.RoleDetailList) + len(all.Policies)
	require.Greater(t, items, 3)
	assert.Equal(t, items, countCalls(srv, "iam:GetAccountAuthorizationDetails"))
}

func TestTheRequestsLimitShrinksPages(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{PageSize: 10})
	page, err := iam.NewFromConfig(clientConfig(srv, "us-east-1")).GetAccountAuthorizationDetails(ctx(t), &iam.GetAccountAuthorizationDetailsInput{MaxItems: aws.Int32(1)})
	require.NoError(t, err)
	assert.Equal(t, 1, len(page.UserDetailList)+len(page.GroupDetailList)+len(page.RoleDetailList)+len(page.Policies))
	assert.True(t, page.IsTruncated)
	assert.NotEmpty(t, aws.ToString(page.Marker))
}

func TestDefaultPagesHoldTwoItems(t *testing.T) {
	srv := startServer(t, capitalOne, Options{})
	c := ec2.NewFromConfig(clientConfig(srv, "us-east-1"))
	first, err := c.DescribeSecurityGroups(ctx(t), &ec2.DescribeSecurityGroupsInput{})
	require.NoError(t, err)
	assert.Len(t, first.SecurityGroups, 2)
	assert.Nil(t, first.NextToken, "two security groups fit one page")
	subnets, err := c.DescribeRouteTables(ctx(t), &ec2.DescribeRouteTablesInput{MaxResults: aws.Int32(1)})
	require.NoError(t, err)
	assert.Len(t, subnets.RouteTables, 1)
	assert.NotNil(t, subnets.NextToken)
}

func TestDynamoDBPagesByTableName(t *testing.T) {
	dir := writeSnapshot(t, map[string]string{
		"manifest.json":        `{"account_id": "123456789012", "regions": ["us-east-1"]}`,
		"dynamodb-tables.json": `{"Tables": [{"TableName": "c"}, {"TableName": "a"}, {"TableName": "b"}]}`,
	})
	srv := startServer(t, dir, Options{})
	c := dynamodb.NewFromConfig(clientConfig(srv, "us-east-1"))
	first, err := c.ListTables(ctx(t), &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, first.TableNames)
	assert.Equal(t, "b", aws.ToString(first.LastEvaluatedTableName))
	second, err := c.ListTables(ctx(t), &dynamodb.ListTablesInput{ExclusiveStartTableName: first.LastEvaluatedTableName})
	require.NoError(t, err)
	assert.Equal(t, []string{"c"}, second.TableNames)
	assert.Nil(t, second.LastEvaluatedTableName)
}

func TestDescribeRegions(t *testing.T) {
	names := func(srv *Server, all bool) map[string]string {
		out, err := ec2.NewFromConfig(clientConfig(srv, "us-east-1")).DescribeRegions(ctx(t), &ec2.DescribeRegionsInput{AllRegions: aws.Bool(all)})
		require.NoError(t, err)
		m := map[string]string{}
		for _, r := range out.Regions {
			m[aws.ToString(r.RegionName)] = aws.ToString(r.OptInStatus)
		}
		return m
	}
	srv := startServer(t, twoAccounts, Options{})
	assert.Equal(t, map[string]string{"eu-west-1": "opt-in-not-required", "us-east-1": "opt-in-not-required"}, names(srv, false),
		"the regions of the management account's snapshot")

	srv = startServer(t, twoAccounts, Options{Regions: []string{"us-east-1"}})
	assert.Equal(t, map[string]string{"us-east-1": "opt-in-not-required"}, names(srv, false))
	all := names(srv, true)
	assert.Equal(t, "not-opted-in", all["eu-west-1"])
	assert.Equal(t, "opt-in-not-required", all["us-east-1"])
}

func TestListAccountAliasesAnswersTheAccountName(t *testing.T) {
	srv := startServer(t, capitalOne, Options{})
	out, err := iam.NewFromConfig(clientConfig(srv, "us-east-1")).ListAccountAliases(ctx(t), &iam.ListAccountAliasesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"production"}, out.AccountAliases)
}

func TestVirtualHostedS3(t *testing.T) {
	srv := startServer(t, capitalOne, Options{})
	cfg := clientConfig(srv, "us-east-1")
	cfg.BaseEndpoint = aws.String(strings.Replace(srv.URL(), "127.0.0.1", "localhost", 1))
	tags, err := s3.NewFromConfig(cfg).GetBucketTagging(ctx(t), &s3.GetBucketTaggingInput{Bucket: aws.String("customer-data")})
	require.NoError(t, err)
	require.Len(t, tags.TagSet, 1)
	assert.Equal(t, "pii", aws.ToString(tags.TagSet[0].Value))
}

func TestUnsignedRequestsAreRefused(t *testing.T) {
	srv := startServer(t, capitalOne, Options{})
	resp, err := http.Post(srv.URL(), "application/x-www-form-urlencoded", strings.NewReader("Action=ListUsers"))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	assert.Empty(t, srv.Calls())
}

func TestAuthorizationDetailsFilter(t *testing.T) {
	srv := startServer(t, capitalOne, Options{PageSize: 100})
	client := iam.NewFromConfig(clientConfig(srv, "us-east-1"))
	roles, err := client.GetAccountAuthorizationDetails(ctx(t), &iam.GetAccountAuthorizationDetailsInput{Filter: []iamtypes.EntityType{iamtypes.EntityTypeRole}})
	require.NoError(t, err)
	assert.Len(t, roles.RoleDetailList, 2)
	assert.Empty(t, roles.UserDetailList)
	assert.Empty(t, roles.Policies)
	managed, err := client.GetAccountAuthorizationDetails(ctx(t), &iam.GetAccountAuthorizationDetailsInput{Filter: []iamtypes.EntityType{iamtypes.EntityTypeAWSManagedPolicy}})
	require.NoError(t, err)
	require.NotEmpty(t, managed.Policies)
	for _, p := range managed.Policies {
		assert.Contains(t, aws.ToString(p.Arn), "arn:aws:iam::aws:policy/")
	}
	assert.Empty(t, managed.RoleDetailList)
}
