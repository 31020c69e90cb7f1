package iam

import "testing"

func TestEvaluateSameAccount(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "identity allow", doc: "IAM UG policy evaluation logic: an explicit allow in an identity-based policy overrides the default deny",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll))},
			want: Allowed, reason: "allowed by id0 statement 0", stmts: []string{"id0#0"}},
		{name: "no policies", doc: "IAM UG policy evaluation logic: by default all requests are implicitly denied",
			req: get(user(alice), object), want: Denied, reason: "no statement allows s3:GetObject on " + object},
		{name: "other action only", doc: "IAM UG policy evaluation logic: implicit deny when no statement allows the action",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowListAll))}, want: Denied},
		{name: "explicit deny beats allow", doc: "IAM UG policy evaluation logic: explicit deny overrides allow",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll), stmts(denyGetAll))},
			want: Denied, reason: "explicitly denied by id1 statement 0", stmts: []string{"id1#0"}},
		{name: "deny in resource policy beats identity allow", doc: "IAM UG policy evaluation logic: an explicit deny in any policy overrides any allows",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)),
				Resource: resourcePol(t, stmts(`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Denied, reason: "explicitly denied by res statement 0"},
		{name: "resource policy alone allows user", doc: "IAM UG policy evaluation logic: within an account an allow in either the identity-based or the resource-based policy suffices",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"`+alice+`"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Allowed, reason: "allowed by res statement 0"},
		{name: "resource policy names someone else", doc: "IAM UG Principal element: a resource-based statement applies only to the principals it names",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"`+bob+`"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Denied},
		{name: "public resource policy", doc: "IAM UG Principal element: \"*\" names every principal, anonymous included",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Allowed},
		{name: "account principal delegates to identity policies", doc: "IAM UG Principal element: naming an account delegates authority to the account's identity-based policies",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Denied},
		{name: "account principal with identity allow", doc: "IAM UG Principal element: naming an account delegates authority to the account's identity-based policies",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Allowed, stmts: []string{"id0#0"}},
		{name: "both allow cites both", doc: "IAM UG policy evaluation logic: identity and resource permissions are the union of the two",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(
				`{"Effect":"Allow","Principal":{"AWS":"`+alice+`"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))},
			want: Allowed, stmts: []string{"id0#0", "res#0"}},
		{name: "root user needs no identity policy", doc: "IAM UG policy evaluation logic: requests are denied by default except for the account root user, which has full access",
			req: get(user("arn:aws:iam::111111111111:root"), object), want: Allowed, reason: "root user"},
		{name: "root user bound by explicit deny", doc: "IAM UG policy evaluation logic: an explicit deny in any policy overrides any allows",
			req: get(user("arn:aws:iam::111111111111:root"), object), set: PolicySet{Resource: resourcePol(t, stmts(
				`{"Effect":"Deny","Principal":"*","Action":"s3:GetObject"}`))}, want: Denied},
	})
}

func TestEvaluateElements(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "action case-insensitive", doc: "IAM UG Action element: action names are case-insensitive",
			req: Request{Principal: user(alice), Action: "S3:getobject", Resource: object},
			set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`))}, want: Allowed},
		{name: "action wildcard", doc: "IAM UG Action element: wildcards match part of an action name",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}`))}, want: Allowed},
		{name: "action question mark", doc: "IAM UG Action element: ? matches one character",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObjec?","Resource":"*"}`))}, want: Allowed},
		{name: "service wildcard", doc: "IAM UG Action element: * matches every action of every service",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowAllAll))}, want: Allowed},
		{name: "wildcard service prefix", doc: "IAM UG Action element: wildcards may stand in the service prefix",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s?:GetObject","Resource":"*"}`))}, want: Allowed},
		{name: "resource case-sensitive", doc: "IAM UG Resource element: ARNs are case-sensitive",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::Reports/*"}`))}, want: Denied},
		{name: "resource wildcard crosses slash", doc: "IAM UG Resource element: * matches any combination of characters, / included",
			req: get(user(alice), "arn:aws:s3:::reports/2026/q3.csv"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::rep*q3.csv"}`))}, want: Allowed},
		{name: "resource wildcard crosses colon", doc: "IAM UG Resource element: * crosses the colons of an ARN",
			req: Request{Principal: user(alice), Action: "sqs:SendMessage", Resource: "arn:aws:sqs:eu-west-1:111111111111:jobs"},
			set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:*jobs"}`))}, want: Allowed},
		{name: "NotAction allows the rest", doc: "IAM UG NotAction element: Allow with NotAction allows every action not listed",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}`))}, want: Allowed},
		{name: "NotAction excludes listed", doc: "IAM UG NotAction element: the listed actions are not allowed by the statement",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}`))}, want: Denied},
		{name: "Deny NotAction denies others", doc: "IAM UG NotAction element: Deny with NotAction denies every action not listed",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowAllAll, `{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}`))}, want: Denied},
		{name: "NotResource allows other resources", doc: "IAM UG NotResource element: Allow with NotResource applies to every resource not listed",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}`))}, want: Allowed},
		{name: "NotResource excludes listed", doc: "IAM UG NotResource element: the listed resources are outside the statement",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::reports/*"}`))}, want: Denied},
		{name: "Deny NotResource", doc: "IAM UG NotResource element: Deny with NotResource denies every resource not listed",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowAllAll, `{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::public/*"}`))}, want: Denied},
		{name: "resource policy without Resource", doc: "IAM UG Resource element: a statement of a resource-based policy without Resource applies to the resource it is attached to",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":{"AWS":"`+alice+`"},"Action":"s3:GetObject"}`))}, want: Allowed},
		{name: "statement list cites first matching", doc: "IAM UG policy grammar: each statement is evaluated; any applicable Allow allows",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowListAll, allowGetAll))}, want: Allowed, stmts: []string{"id0#1"}},
		{name: "several Sids cited", doc: "IAM UG policy grammar: Sid identifies the statement in answers",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(`{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`))},
			want: Allowed, reason: "id0 statement 0 (Read)"},
	})
}
