package awsmanaged

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// These tests pin facts about the real documents that analyses rely on,
// so a wrong import or a truncated document is caught.

func mustLookup(t *testing.T, name string) Entry {
	t.Helper()
	e, ok := Lookup(name)
	require.True(t, ok, "%s is not in the catalogue", name)
	return e
}

func allowedActions(p *iam.Policy) []string {
	var out []string
	for _, s := range p.Statements {
		if s.Effect == iam.Allow {
			out = append(out, s.Action...)
		}
	}
	return out
}

func TestAdministratorAccessAllowsEverything(t *testing.T) {
	e := mustLookup(t, "AdministratorAccess")
	require.Len(t, e.Document.Statements, 1)
	s := e.Document.Statements[0]
	assert.Equal(t, iam.Allow, s.Effect)
	assert.Equal(t, []string{"*"}, s.Action)
	assert.Equal(t, []string{"*"}, s.Resource)
	assert.Empty(t, s.Conditions)
	assert.Equal(t, "v1", e.Version)
}

func TestAmazonS3ReadOnlyAccessReadsButDoesNotWrite(t *testing.T) {
	e := mustLookup(t, "AmazonS3ReadOnlyAccess")
	actions := allowedActions(e.Document)
	assert.Contains(t, actions, "s3:Get*")
	assert.Contains(t, actions, "s3:List*")
	assert.NotContains(t, actions, "s3:*")
	for _, a := range actions {
		assert.False(t, iam.MatchWildcard(a, "s3:PutObject"), "%s would allow s3:PutObject", a)
	}
}

func TestReadOnlyAccessIsLarge(t *testing.T) {
	e := mustLookup(t, "ReadOnlyAccess")
	assert.Greater(t, len(allowedActions(e.Document)), 1000)
	assert.Greater(t, len(e.Document.Raw()), 40_000)
	assert.Contains(t, allowedActions(e.Document), "s3:Get*")
}

func TestPowerUserAccessExcludesIAM(t *testing.T) {
	e := mustLookup(t, "PowerUserAccess")
	s := e.Document.Statements[0]
	assert.Nil(t, s.Action)
	assert.Contains(t, s.NotAction, "iam:*")
	assert.Contains(t, s.NotAction, "organizations:*")
	assert.Equal(t, []string{"*"}, s.Resource)
}

func TestPassRoleGrantsAreConditioned(t *testing.T) {
	// AWSLambda_FullAccess may pass any role, but only to Lambda: the
	// privilege-escalation technique depends on reading this condition.
	e := mustLookup(t, "AWSLambda_FullAccess")
	var found bool
	for _, s := range e.Document.Statements {
		if len(s.Action) == 1 && s.Action[0] == "iam:PassRole" {
			found = true
			require.Len(t, s.Conditions, 1)
			assert.Equal(t, iam.Condition{Operator: "StringEquals", Key: "iam:PassedToService",
				Values: []string{"lambda.amazonaws.com"}}, s.Conditions[0])
		}
	}
	assert.True(t, found, "no iam:PassRole statement")
}

func TestDataScientistUsesNotResource(t *testing.T) {
	e := mustLookup(t, "job-function/DataScientist")
	var notResource []string
	for _, s := range e.Document.Statements {
		notResource = append(notResource, s.NotResource...)
	}
	assert.Contains(t, notResource, "arn:aws:sagemaker:*:*:domain/*")
}

func TestAmazonEC2RoleforSSMReadsEveryBucket(t *testing.T) {
	// The instance profile policy behind many "SSM-managed" hosts grants
	// s3:GetObject on every bucket: a common path to data from a host.
	e := mustLookup(t, "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM")
	var found bool
	for _, s := range e.Document.Statements {
		for _, a := range s.Action {
			if a == "s3:GetObject" {
				found = true
				assert.Equal(t, []string{"*"}, s.Resource)
				assert.Empty(t, s.Conditions)
			}
		}
	}
	assert.True(t, found, "no s3:GetObject statement")
}
