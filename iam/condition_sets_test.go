package iam

import "testing"

const (
	docForAll = "IAM UG multivalued context keys: ForAllValues holds when every request value matches some policy value"
	docForAny = "IAM UG multivalued context keys: ForAnyValue holds when at least one request value matches some policy value"
)

func TestConditionSetOperators(t *testing.T) {
	runCondCases(t, []condCase{
		{doc: docForAll, op: "ForAllValues:StringEquals", key: "aws:TagKeys", values: ss("env", "team"), ctx: ss("env"), want: true},
		{doc: docForAll, op: "ForAllValues:StringEquals", key: "aws:TagKeys", values: ss("env", "team"), ctx: ss("env", "team"), want: true},
		{doc: docForAll, op: "ForAllValues:StringEquals", key: "aws:TagKeys", values: ss("env", "team"), ctx: ss("env", "cost"), want: false},
		{doc: "IAM UG multivalued context keys: ForAllValues also returns true if the key is missing from the request", op: "ForAllValues:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: nil, want: true},
		{doc: "IAM UG multivalued context keys: ForAllValues returns true for a key with an empty set of values", op: "ForAllValues:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss(), want: true},
		{doc: docForAll, op: "ForAllValues:StringLike", key: "aws:TagKeys", values: ss("Created*"), ctx: ss("CreatedBy", "CreatedAt"), want: true},
		{doc: "IAM UG multivalued context key examples: ForAllValues:StringNotLike matches when no request value matches the patterns", op: "ForAllValues:StringNotLike", key: "aws:TagKeys", values: ss("key1*"), ctx: ss("key2:audit"), want: true},
		{doc: "IAM UG multivalued context key examples: ForAllValues:StringNotLike fails when a request value matches", op: "ForAllValues:StringNotLike", key: "aws:TagKeys", values: ss("key1*"), ctx: ss("key1:legal", "key2:x"), want: false},
		{doc: "IAM UG multivalued context key examples: ForAllValues:StringNotLike matches a missing key", op: "ForAllValues:StringNotLike", key: "aws:TagKeys", values: ss("key1*"), ctx: nil, want: true},
		{doc: docForAny, op: "ForAnyValue:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss("cost", "env"), want: true},
		{doc: docForAny, op: "ForAnyValue:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss("cost"), want: false},
		{doc: "IAM UG multivalued context keys: ForAnyValue returns false if the key is missing", op: "ForAnyValue:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: nil, want: false},
		{doc: "IAM UG multivalued context keys: ForAnyValue returns false for an empty set of values", op: "ForAnyValue:StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss(), want: false},
		{doc: "IAM UG multivalued context keys: ForAnyValue with a negated operator holds when some request value matches none of the policy values", op: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", values: ss("env", "team"), ctx: ss("env", "cost"), want: true},
		{doc: "IAM UG multivalued context keys: ForAnyValue with a negated operator fails when every request value matches", op: "ForAnyValue:StringNotEquals", key: "aws:TagKeys", values: ss("env", "team"), ctx: ss("env", "team"), want: false},
		{doc: docForAny, op: "ForAnyValue:StringLike", key: "aws:PrincipalOrgPaths", values: ss("o-1/r-1/ou-a/*"), ctx: ss("o-1/r-1/ou-b/", "o-1/r-1/ou-a/ou-c/"), want: true},
		{doc: docForAll + " (ignoring case)", op: "ForAllValues:StringEqualsIgnoreCase", key: "aws:TagKeys", values: ss("Env"), ctx: ss("ENV", "env"), want: true},
		{doc: "IAM UG multivalued context keys: a plain operator on several request values holds when one matches", op: "StringEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss("cost", "env"), want: true},
		{doc: "IAM UG multivalued context keys: a negated plain operator on several request values holds only when none matches", op: "StringNotEquals", key: "aws:TagKeys", values: ss("env"), ctx: ss("cost", "env"), want: false},
		{doc: docForAll + "; IfExists holds for a missing key", op: "ForAllValues:StringEqualsIfExists", key: "aws:TagKeys", values: ss("env"), ctx: nil, want: true},
		{doc: docForAny + "; IfExists holds for a missing key", op: "ForAnyValue:StringEqualsIfExists", key: "aws:TagKeys", values: ss("env"), ctx: nil, want: true},
	})
}

func TestConditionCombinations(t *testing.T) {
	doc := `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
		"StringEquals":{"aws:PrincipalTag/team":"data","s3:prefix":["a","b"]},
		"Bool":{"aws:SecureTransport":"true"}}}`
	base := func(ctx map[string][]string) Request {
		r := get(user(alice), object)
		r.Context = ctx
		return r
	}
	set := PolicySet{Identity: identity(t, stmts(doc))}
	runEvalCases(t, []evalCase{
		{name: "all hold", doc: "IAM UG conditions with multiple keys: operators and keys are ANDed, values ORed",
			req: base(map[string][]string{"aws:PrincipalTag/team": {"data"}, "s3:prefix": {"b"}, "aws:SecureTransport": {"true"}}), set: set, want: Allowed},
		{name: "one key fails", doc: "IAM UG conditions with multiple keys: several keys under one operator are ANDed",
			req: base(map[string][]string{"aws:PrincipalTag/team": {"data"}, "s3:prefix": {"c"}, "aws:SecureTransport": {"true"}}), set: set, want: Denied},
		{name: "one operator fails", doc: "IAM UG conditions with multiple keys: several operators are ANDed",
			req: base(map[string][]string{"aws:PrincipalTag/team": {"data"}, "s3:prefix": {"a"}, "aws:SecureTransport": {"false"}}), set: set, want: Denied},
		{name: "context keys case-insensitive", doc: "IAM UG policy variables: key names are case-insensitive",
			req: base(map[string][]string{"AWS:principaltag/TEAM": {"data"}, "S3:Prefix": {"a"}, "aws:securetransport": {"true"}}), set: set, want: Allowed},
	})
}
