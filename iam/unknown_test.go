package iam

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	allowFromOffice = `{"Sid":"Office","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}`
	denyWithoutMFA  = `{"Sid":"MFA","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`
	docUnknown      = "ARCHITECTURE.md (IAM engine): a condition on a context value unknown at analysis time makes the answer conditional, naming the condition"
)

func unknownReq(keys ...string) Request {
	r := get(user(alice), object)
	r.Unknown = keys
	return r
}

func graphReq(p Principal) Request {
	r := get(p, object)
	r.UnknownByDefault = true
	return r
}

func TestUnknownContextIsConditional(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "allow only through unknown condition", doc: docUnknown,
			req: unknownReq("aws:SourceIp"), set: PolicySet{Identity: identity(t, stmts(allowFromOffice))},
			want: Conditional, conds: []string{"aws:SourceIp"}, stmts: []string{"id0#0"}, reason: "allowed only if conditions on aws:SourceIp hold"},
		{name: "unconditional allow wins", doc: docUnknown + "; an allow that does not depend on it decides",
			req: unknownReq("aws:SourceIp"), set: PolicySet{Identity: identity(t, stmts(allowFromOffice, allowGetAll))}, want: Allowed, stmts: []string{"id0#1"}},
		{name: "conditional deny flips allow", doc: docUnknown + "; a conditional Deny that would flip an allow",
			req: unknownReq("aws:MultiFactorAuthPresent"), set: PolicySet{Identity: identity(t, stmts(allowGetAll, denyWithoutMFA))},
			want: Conditional, conds: []string{"aws:MultiFactorAuthPresent"}, reason: "unless id0 statement 1 (MFA) applies"},
		{name: "conditional deny without allow", doc: docUnknown + "; with no allow the answer is deny whatever the value",
			req: unknownReq("aws:MultiFactorAuthPresent"), set: PolicySet{Identity: identity(t, stmts(denyWithoutMFA))}, want: Denied},
		{name: "definite deny wins over unknown", doc: "IAM UG policy evaluation logic: an explicit deny overrides any allows",
			req: unknownReq("aws:SourceIp"), set: PolicySet{Identity: identity(t, stmts(allowFromOffice, denyGetAll))}, want: Denied},
		{name: "both unknowns listed", doc: docUnknown + "; every condition the answer depends on is listed",
			req: unknownReq("aws:SourceIp", "aws:MultiFactorAuthPresent"), set: PolicySet{Identity: identity(t, stmts(allowFromOffice, denyWithoutMFA))},
			want: Conditional, conds: []string{"aws:SourceIp", "aws:MultiFactorAuthPresent"}},
		{name: "known context decides", doc: "SIMULATE.md: the context is complete; a key not listed as unknown is absent",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowFromOffice))}, want: Denied},
		{name: "unknown by default", doc: docUnknown + "; graph analysis leaves request-time keys unknown",
			req: graphReq(user(alice)), set: PolicySet{Identity: identity(t, stmts(allowFromOffice))}, want: Conditional, conds: []string{"aws:SourceIp"}},
		{name: "derivable key stays known", doc: "SIMULATE.md: keys that follow from the principal are filled in",
			req: graphReq(user(alice)), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"alice"}}}`))}, want: Allowed},
		{name: "absent tag with known tags", doc: "brief H1: with the principal's tags known, a tag not present is absent, not unknown",
			req: graphReq(Principal{ARN: alice, Tags: map[string]string{}}), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}`))}, want: Denied},
		{name: "unknown tags", doc: docUnknown + "; principal tags that were not collected are unknown",
			req: graphReq(user(alice)), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}`))},
			want: Conditional, conds: []string{"aws:PrincipalTag/team"}},
		{name: "known false condition beats unknown", doc: "IAM UG conditions: operators are ANDed, so one false condition decides",
			req: unknownReq("aws:SourceIp"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringEquals":{"aws:username":"bob"}}}`))}, want: Denied},
		{name: "unknown variable in resource", doc: docUnknown + "; a variable whose key is unknown makes the statement conditional",
			req: func() Request {
				r := get(Principal{ARN: alice}, "arn:aws:s3:::reports/data/x")
				r.UnknownByDefault = true
				return r
			}(), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/${aws:PrincipalTag/team}/*"}`))},
			want: Conditional, conds: []string{"aws:PrincipalTag/team"}},
		{name: "unknown in SCP", doc: docUnknown + "; SCP conditions count as well",
			req: unknownReq("aws:RequestedRegion"), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), SCPs: [][]Attached{{attached("region", SCPPolicy, pol(t, stmts(allowAllAll,
				`{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}`)))}}},
			want: Conditional, conds: []string{"aws:RequestedRegion"}},
		{name: "unknown in boundary", doc: docUnknown + "; a boundary that allows only under a condition",
			req: unknownReq("aws:SourceVpce"), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Boundary: boundaryPol(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}`))},
			want: Conditional, conds: []string{"aws:SourceVpce"}},
		{name: "unknown Null", doc: docUnknown + "; Null on an unknown key is unknown too",
			req: unknownReq("aws:TokenIssueTime"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"true"}}}`))},
			want: Conditional},
	})
}

func TestConditionalAnswerCitesCondition(t *testing.T) {
	d, err := Evaluate(unknownReq("aws:SourceIp"), PolicySet{Identity: identity(t, stmts(allowFromOffice))})
	require.NoError(t, err)
	require.Len(t, d.Conditions, 1)
	assert.Equal(t, ConditionRef{StatementRef: StatementRef{Policy: "id0", Type: IdentityPolicy, Index: 0, Sid: "Office"},
		Effect: Allow, Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24"}}, d.Conditions[0])
}

func TestConditionsOfADenyAreMarkedAsSuch(t *testing.T) {
	deny := `{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}`
	d, err := Evaluate(unknownReq("aws:MultiFactorAuthPresent"), PolicySet{Identity: identity(t, stmts(allowGetAll, deny))})
	require.NoError(t, err)
	assert.Equal(t, Conditional, d.Outcome)
	require.Len(t, d.Conditions, 1)
	assert.Equal(t, Deny, d.Conditions[0].Effect)
}

func TestEvaluateErrors(t *testing.T) {
	cases := []struct {
		name, doc, want string
		set             PolicySet
	}{
		{name: "unknown operator", doc: "brief H1: an unknown operator is an error, never ignored",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"s3:prefix":"a"}}}`))},
			want: `policy id0: statement 0: unknown condition operator "StringEqualz"`},
		{name: "unknown operator in deny", doc: "brief H1: an unknown operator is an error even where it could only deny",
			set:  PolicySet{Identity: identity(t, stmts(allowGetAll, `{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"ForSomeValues:StringEquals":{"s3:prefix":"a"}}}`))},
			want: "unknown condition operator"},
		{name: "bad number", doc: "IAM UG condition operators: numeric values must be integers or decimals",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"ten"}}}`))},
			want: `value "ten" is not a number`},
		{name: "bad date", doc: "IAM UG condition operators: dates must be ISO 8601 or epoch time",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}}`))},
			want: "not an ISO 8601 date"},
		{name: "bad cidr", doc: "IAM UG condition operators: IP values must be in CIDR format",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}}`))},
			want: "not an IP address"},
		{name: "null with IfExists", doc: "IAM UG condition operators: IfExists may be added to every operator except Null",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"aws:TokenIssueTime":"true"}}}`))},
			want: "unknown condition operator"},
		{name: "principal in identity policy", doc: "IAM UG Principal element: you cannot use Principal in an identity-based policy",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}`))},
			want: "cannot have Principal"},
		{name: "identity statement without resource", doc: "IAM UG Resource element: identity-based statements must include Resource or NotResource",
			set:  PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*"}`))},
			want: "Resource or NotResource is required"},
		{name: "resource policy without principal", doc: "IAM UG Principal element: resource-based policies must name a principal",
			set:  PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Action":"s3:*"}`))},
			want: "Principal or NotPrincipal is required"},
		{name: "missing document", doc: "brief common: bad input is an error naming the object",
			set:  PolicySet{Identity: []Attached{{Name: "empty", Type: IdentityPolicy}}},
			want: "policy empty: no document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Evaluate(get(user(alice), object), tc.set)
			require.Error(t, err, tc.doc)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
