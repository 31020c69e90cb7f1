package iam

import "testing"

func someObject(p Principal, pattern string) Request {
	return Request{Principal: p, Action: "s3:GetObject", Resource: pattern, ResourceIsPattern: true}
}

func TestResourcePatternRequests(t *testing.T) {
	const docP = "brief H1 resource patterns: "
	allowSecret := `{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/secret/*"}`
	runEvalCases(t, []evalCase{
		{name: "allow on part of the bucket", doc: docP + "an Allow applies when its pattern intersects the request pattern",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowSecret))}, want: Allowed},
		{name: "allow on another bucket", doc: docP + "an Allow whose pattern does not intersect does not apply",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}`))}, want: Denied},
		{name: "partial deny does not cover", doc: docP + "a Deny applies only when its pattern covers the request pattern",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowGetAll, `{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::reports/secret/*"}`))}, want: Allowed},
		{name: "covering deny", doc: docP + "a Deny whose pattern covers every string of the request pattern applies",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowGetAll, `{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::rep*"}`))}, want: Denied},
		{name: "deny covered by union", doc: docP + "a Deny's resource list covers the request pattern together",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowGetAll,
				`{"Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::reports/?*","arn:aws:s3:::reports/"]}`))}, want: Denied},
		{name: "NotResource allow", doc: docP + "an Allow with NotResource applies when some string of the request pattern is outside its list",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::reports/secret/*"}`))}, want: Allowed},
		{name: "NotResource allow excluded", doc: docP + "an Allow with NotResource covering the request pattern does not apply",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::reports/*"}`))}, want: Denied},
		{name: "NotResource deny disjoint", doc: docP + "a Deny with NotResource applies when the request pattern is wholly outside its list",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowGetAll, `{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::public/*"}`))}, want: Denied},
		{name: "NotResource deny overlapping", doc: docP + "a Deny with NotResource does not apply when the request pattern reaches into its list",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Identity: identity(t, stmts(allowGetAll, `{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::reports/public/*"}`))}, want: Allowed},
		{name: "resource policy pattern", doc: docP + "resource-based statements without Resource apply to every object of the pattern",
			req: someObject(user(alice), "arn:aws:s3:::reports/*"), set: PolicySet{Resource: bucketPolicyFor(t, alice)}, want: Allowed},
	})
}
