package iam

import "testing"

const carolBucketPolicy = `{"Effect":"Allow","Principal":{"AWS":"` + carol + `"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`

func TestEvaluateCrossAccount(t *testing.T) {
	owned := func(p Principal) Request {
		r := get(p, object)
		r.ResourceOwner = acctA
		return r
	}
	runEvalCases(t, []evalCase{
		{name: "both allow", doc: "IAM UG cross-account policy evaluation logic: the request is allowed only if both accounts allow",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(carolBucketPolicy))},
			want: Allowed, stmts: []string{"id0#0", "res#0"}},
		{name: "resource policy only", doc: "IAM UG cross-account policy evaluation logic: the principal's identity-based policy must allow",
			req: owned(user(carol)), set: PolicySet{Resource: resourcePol(t, stmts(carolBucketPolicy))},
			want: Denied, reason: "cross-account: no identity policy"},
		{name: "identity only", doc: "IAM UG cross-account policy evaluation logic: the resource-based policy in the trusting account must allow the principal",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll))},
			want: Denied, reason: "cross-account"},
		{name: "resource policy names the other account", doc: "IAM UG cross-account policy evaluation logic: the resource policy may name the entire trusted account",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Allowed},
		{name: "resource policy names a third account", doc: "IAM UG cross-account policy evaluation logic: the resource policy must name the requester or its account",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"333333333333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Denied},
		{name: "owner from ARN", doc: "IAM UG cross-account policy evaluation logic: the resource's account is the trusting account",
			req: Request{Principal: user(carol), Action: "sqs:SendMessage", Resource: "arn:aws:sqs:eu-west-1:111111111111:jobs"},
			set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"sqs:*","Resource":"*"}`))}, want: Denied, reason: "cross-account"},
		{name: "boundary applies cross-account", doc: "IAM UG cross-account policy evaluation logic: the trusted account evaluates identity policies and the policies that limit them",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(carolBucketPolicy)),
				Boundary: boundaryPol(t, stmts(allowListAll))}, want: Denied, reason: "permissions boundary"},
		{name: "deny in the trusting account", doc: "IAM UG policy evaluation logic: an explicit deny in any policy overrides any allows",
			req: owned(user(carol)), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(carolBucketPolicy,
				`{"Effect":"Deny","Principal":{"AWS":"222222222222"},"Action":"s3:*","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Denied, reason: "explicitly denied by res statement 1"},
		{name: "public resource cross-account", doc: "IAM UG cross-account policy evaluation logic: a principal in another account still needs its own identity allow",
			req: owned(user(carol)), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}`))},
			want: Denied},
		{name: "session of role in other account", doc: "IAM UG Principal element: a role ARN in a resource policy covers the role's sessions",
			req: owned(user("arn:aws:sts::222222222222:assumed-role/ci/run-1")), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/ci"},"Action":"s3:GetObject"}`))},
			want: Allowed},
	})
}
