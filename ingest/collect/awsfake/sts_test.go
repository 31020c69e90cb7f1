package awsfake

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStartingCredentialsAreTheManagementAccounts(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{})
	id, err := sts.NewFromConfig(clientConfig(srv, "us-east-1")).GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, management, aws.ToString(id.Account))
	assert.Equal(t, "arn:aws:iam::111122223333:user/awsfake", aws.ToString(id.Arn))

	srv = startServer(t, capitalOne, Options{})
	id, err = sts.NewFromConfig(clientConfig(srv, "us-east-1")).GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "111122223333", aws.ToString(id.Account), "the manifest's account")
}

// TestAssumedRoleCallsAreAnsweredFromTheRolesAccount is what an
// organisation-wide collection relies on.
func TestAssumedRoleCallsAreAnsweredFromTheRolesAccount(t *testing.T) {
	srv := startServer(t, twoAccounts, Options{})
	cfg := assumedConfig(clientConfig(srv, "us-east-1"), workloads)

	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx(t), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, workloads, aws.ToString(id.Account))
	assert.Regexp(t, `^arn:aws:sts::444455556666:assumed-role/OrganizationAccountAccessRole/.+`, aws.ToString(id.Arn))

	details, err := iam.NewFromConfig(cfg).GetAccountAuthorizationDetails(ctx(t), &iam.GetAccountAuthorizationDetailsInput{})
	require.NoError(t, err)
	require.NotEmpty(t, details.RoleDetailList)
	assert.Contains(t, aws.ToString(details.RoleDetailList[0].Arn), ":"+workloads+":")

	var accounts []string
	for _, c := range srv.Calls() {
		accounts = append(accounts, c.Service+":"+c.Operation+"@"+c.Account)
	}
	assert.Equal(t, []string{
		"sts:AssumeRole@" + management,
		"sts:GetCallerIdentity@" + workloads,
		"iam:GetAccountAuthorizationDetails@" + workloads,
	}, accounts)
}

func TestAssumeRoleIsRefused(t *testing.T) {
	cases := []struct {
		name    string
		opt     Options
		roleARN string
	}{
		{"an account the fake does not serve", Options{}, "arn:aws:iam::999999999999:role/x"},
		{"not a role", Options{}, "arn:aws:iam::444455556666:user/x"},
		{"denied for the role's account", Options{Deny: map[string]string{"sts:AssumeRole@" + workloads: "AccessDenied"}}, "arn:aws:iam::444455556666:role/x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, twoAccounts, tc.opt)
			_, err := sts.NewFromConfig(clientConfig(srv, "us-east-1")).AssumeRole(ctx(t), &sts.AssumeRoleInput{RoleArn: aws.String(tc.roleARN), RoleSessionName: aws.String("s")})
			code, status := errorCodeAndStatus(t, err)
			assert.Equal(t, "AccessDenied", code)
			assert.Equal(t, 403, status)
		})
	}
}
