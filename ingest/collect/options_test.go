package collect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateRejectsWhatAUserCanFix(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"no output", Options{}, "no output directory"},
		{"bad region", Options{Out: "x", Regions: []string{"us-east-1", "useast1"}}, `"useast1" is not an AWS region`},
		{"all and a list", Options{Out: "x", Regions: []string{"us-east-1"}, AllRegions: true}, "not both"},
		{"unknown service", Options{Out: "x", Services: []string{"ec2", "sqs"}}, `unknown service "sqs"`},
		{"not a role ARN", Options{Out: "x", RoleARNs: []string{"arn:aws:iam::111122223333:user/bob"}}, "is not a role ARN"},
		{"org role as an ARN", Options{Out: "x", OrgRole: "arn:aws:iam::111122223333:role/r"}, "takes a role name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opt.Validate()
			require.ErrorIs(t, err, ErrBadOptions)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestValidateFillsDefaultsAndDropsRepeatedRegions(t *testing.T) {
	opt := Options{Out: "x", Regions: []string{"eu-west-1", "us-east-1", "eu-west-1"}}
	require.NoError(t, opt.Validate())
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, opt.Regions, "the order given is kept")
	assert.Equal(t, DefaultConcurrency, opt.Concurrency)
	assert.Equal(t, DefaultMaxAttempts, opt.MaxAttempts)
	assert.NotNil(t, opt.Progress)
	assert.NotNil(t, opt.Logger)
}

func TestAccountOfRoleARN(t *testing.T) {
	id, err := accountOfRoleARN("arn:aws-us-gov:iam::444455556666:role/path/collector")
	require.NoError(t, err)
	assert.Equal(t, "444455556666", id)
	_, err = accountOfRoleARN("arn:aws:iam::4444:role/x")
	assert.Error(t, err)
}
