package collect

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// ErrCredentialsRejected says that AWS did not accept the credentials
// (wrong keys, an expired session).
var ErrCredentialsRejected = errors.New("AWS rejected the credentials")

// identity is who the credentials belong to.
type identity struct {
	account   string
	arn       string
	partition string
}

type stsAPI interface {
	GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

// whoAmI asks STS for the account of a configuration's credentials.
func whoAmI(ctx context.Context, cfg aws.Config) (identity, error) {
	out, err := stsAPI(sts.NewFromConfig(cfg)).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return identity{}, err
	}
	id := identity{account: aws.ToString(out.Account), arn: aws.ToString(out.Arn), partition: "aws"}
	if parts := strings.SplitN(id.arn, ":", 3); len(parts) == 3 && parts[0] == "arn" {
		id.partition = parts[1]
	}
	return id, nil
}

// assumeRole returns a copy of cfg whose credentials come from assuming
// roleARN; they are fetched on first use and refreshed when they expire.
func assumeRole(cfg aws.Config, roleARN string) aws.Config {
	c := cfg.Copy()
	provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN, func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = "pathfinder-collect"
	})
	c.Credentials = aws.NewCredentialsCache(provider)
	return c
}

// accountOfRoleARN is the account id in a role ARN
// (arn:PARTITION:iam::ACCOUNT:role/NAME).
func accountOfRoleARN(arn string) (string, error) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "iam" || !strings.HasPrefix(parts[5], "role/") || !isAccountID(parts[4]) {
		return "", fmt.Errorf("%q is not a role ARN (arn:aws:iam::123456789012:role/NAME)", arn)
	}
	return parts[4], nil
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
