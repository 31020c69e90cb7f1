package technique

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
)

// escalationEnv builds the nodes of a scenario written inline and flags its
// admins, as Build does before it runs the techniques.
func escalationEnv(t *testing.T, yaml string) *Env {
	t.Helper()
	e, err := scenario.Parse("test.yaml", []byte(yaml))
	require.NoError(t, err)
	require.NoError(t, e.ResolveAWSManaged())
	env := &Env{Estate: e, ix: newIndex(e), b: graph.NewBuilder()}
	env.authz = newAuthorizer(env.ix, e.Organization)
	require.NoError(t, env.addNodes())
	require.NoError(t, env.markAdmins())
	return env
}

const bob = "arn:aws:iam::111122223333:user/bob"

func TestAdminAfter(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		change   func(env *Env) identityChange
		admin    bool
		then     bool
		boundary bool
	}{
		{name: "an inline admin policy makes bob admin", yaml: users(""),
			change: func(env *Env) identityChange { return identityChange{add: oneInlineAdmin(env)} }, admin: true},
		{name: "a boundary that does not allow * on * keeps bob from admin", yaml: users("        boundary: s3-only\n"),
			change: func(env *Env) identityChange { return identityChange{add: oneInlineAdmin(env)} }, admin: false},
		{name: "a boundary that allows * on * is named in the evidence", yaml: users("        boundary: everything\n"),
			change: func(env *Env) identityChange { return identityChange{add: oneInlineAdmin(env)} }, admin: true, boundary: true},
		{name: "no change leaves bob as he is", yaml: users(""),
			change: func(*Env) identityChange { return identityChange{} }, admin: false},
		{name: "iam:* lets bob write himself an admin policy next", yaml: users(""),
			change: func(env *Env) identityChange {
				return identityChange{add: env.groupPolicies(env.ix.iamGroups["arn:aws:iam::111122223333:group/iam-admins"])}
			}, admin: true, then: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := escalationEnv(t, tc.yaml)
			got, err := env.adminAfter(bob, tc.change(env))
			require.NoError(t, err)
			assert.Equal(t, tc.admin, got.ok)
			assert.Equal(t, tc.then, got.then != "", got.then)
			if tc.admin {
				require.Len(t, got.evidence, 1+btoi(tc.then))
				last := got.evidence[len(got.evidence)-1]
				assert.Equal(t, "escalation-result", last.Kind)
				assert.Equal(t, tc.boundary, strings.Contains(last.Detail, "permissions boundary"), last.Detail)
			}
		})
	}
}

func TestSideWithLeavesTheRealSideAlone(t *testing.T) {
	env := escalationEnv(t, users(""))
	before, err := env.authz.side(bob)
	require.NoError(t, err)
	n := len(before.identity)
	changed, err := env.authz.sideWith(bob, identityChange{add: oneInlineAdmin(env), tags: map[string]string{"team": "admins"}})
	require.NoError(t, err)
	assert.Len(t, changed.identity, n+1)
	assert.Equal(t, "admins", changed.principal.Tags["team"])
	after, err := env.authz.side(bob)
	require.NoError(t, err)
	assert.Len(t, after.identity, n, "the cached side must not change")
	assert.Empty(t, after.principal.Tags["team"])
}

// TestEscalationsKnowTheTime: a grant that only old sessions had is not an
// escalation (iam-vulnerable's fp5), a grant for sessions issued after a
// date in the past is one (fn3).
func TestEscalationsKnowTheTime(t *testing.T) {
	defer func(f func() time.Time) { analysisTime = f }(analysisTime)
	analysisTime = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	for _, tc := range []struct {
		operator string
		allowed  bool
	}{{"DateLessThan", false}, {"DateGreaterThan", true}} {
		t.Run(tc.operator, func(t *testing.T) {
			env := escalationEnv(t, `name: t
accounts:
  - id: "111122223333"
    users:
      - name: bob
        policies:
          p: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: iam:CreatePolicyVersion, Resource: "*", Condition: {`+tc.operator+`: {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}}]}
`)
			d, ok, err := env.permit(bob, "iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/x", resourceSide{owner: "111122223333"})
			require.NoError(t, err)
			assert.Equal(t, tc.allowed, ok)
			assert.Empty(t, d.Conditions, "the time is known, so the answer is not conditional")
		})
	}
}

func TestTagRequirements(t *testing.T) {
	env := escalationEnv(t, `name: t
accounts:
  - id: "111122223333"
    users:
      - name: bob
        policies:
          p:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Action: "*", Resource: "*", Condition: {StringEquals: {"aws:PrincipalTag/team": admins}}}
              - {Effect: Allow, Action: "s3:*", Resource: "*", Condition: {StringEquals: {"aws:principaltag/env": prod}}}
              - {Effect: Allow, Action: "ec2:*", Resource: "*", Condition: {StringLike: {"aws:PrincipalTag/team": "ops-*"}}}
              - {Effect: Deny, Action: "kms:*", Resource: "*", Condition: {StringEquals: {"aws:PrincipalTag/team": blocked}}}
`)
	side, err := env.authz.side(bob)
	require.NoError(t, err)
	got := tagRequirements(side)
	assert.Equal(t, []tagRequirement{{"team": "admins"}, {"env": "prod"}, {"team": "admins", "env": "prod"}}, got,
		"one set per Allow statement with an equality on a principal tag, then all at once; wildcards and denies give none")
	assert.Equal(t, map[string][]string{"aws:TagKeys": {"env", "team"}, "aws:RequestTag/env": {"prod"}, "aws:RequestTag/team": {"admins"}},
		tagContext(got[2]))
}

func TestIntersectSorted(t *testing.T) {
	assert.Equal(t, []string{"b", "d"}, intersectSorted([]string{"a", "b", "c", "d"}, []string{"b", "d", "e"}))
	assert.Empty(t, intersectSorted([]string{"a"}, []string{"b"}))
	assert.Empty(t, intersectSorted(nil, []string{"b"}))
}

func TestProtectedRolesAreNotModifiable(t *testing.T) {
	env := escalationEnv(t, `name: t
accounts:
  - id: "111122223333"
    roles:
      - {name: app, trusted_by: ec2.amazonaws.com}
      - {name: AWSServiceRoleForSupport, path: /aws-service-role/support.amazonaws.com/, trusted_by: support.amazonaws.com}
      - {name: AWSReservedSSO_Admin_0123, path: /aws-reserved/sso.amazonaws.com/, trusted_by: ec2.amazonaws.com}
`)
	var modifiable []string
	for i := range env.Estate.Roles {
		if modifiableRole(&env.Estate.Roles[i]) {
			modifiable = append(modifiable, env.Estate.Roles[i].Name)
		}
	}
	assert.Equal(t, []string{"app"}, modifiable)
}

// users is an account where bob, with the extra lines given, has nothing,
// beside the policies and the group the tests attach.
func users(bobExtra string) string {
	return `name: t
accounts:
  - id: "111122223333"
    groups:
      - name: iam-admins
        policies:
          iam: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "iam:*", Resource: "*"}]}
    users:
      - name: bob
` + bobExtra + `    policies:
      - name: s3-only
        document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
      - name: everything
        document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
`
}

func oneInlineAdmin(env *Env) []iam.Attached { return []iam.Attached{env.newInlineAdmin(bob)} }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestResourceScope(t *testing.T) {
	env := escalationEnv(t, `name: t
accounts:
  - id: "111122223333"
    users:
      - name: bob
        policies:
          p:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Action: "iam:CreateAccessKey", Resource: "arn:aws:iam::111122223333:user/${aws:username}"}
              - {Effect: Allow, Action: "iam:Create*", Resource: "arn:aws:iam::111122223333:user/ops/*"}
              - {Effect: Allow, Action: "iam:UpdateLoginProfile", Resource: "arn:aws:iam::111122223333:user/${aws:PrincipalTag/team}-*"}
              - {Effect: Allow, Action: "iam:PassRole", NotResource: "arn:aws:iam::111122223333:role/admin"}
      - name: alice
`)
	tests := []struct {
		action, resource string
		may              bool
	}{
		{"iam:CreateAccessKey", bob, true},
		{"iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice", false},
		{"iam:CreateAccessKey", "arn:aws:iam::111122223333:user/ops/carol", true},
		{"iam:UpdateLoginProfile", "arn:aws:iam::111122223333:user/web-dave", true},
		{"iam:PassRole", "arn:aws:iam::111122223333:role/admin", true},
		{"iam:DeleteUser", bob, false},
	}
	for _, tc := range tests {
		scope, err := env.authz.scopeOf(bob, tc.action)
		require.NoError(t, err)
		assert.Equal(t, tc.may, scope.mayName(tc.resource), "%s on %s", tc.action, tc.resource)
	}
}
