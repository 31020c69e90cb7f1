package iam

import "testing"

func TestPolicyVariables(t *testing.T) {
	homeDoc := stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/home/${aws:username}/*"}`)
	tagged := Principal{ARN: alice, Tags: map[string]string{"team": "data"}}
	runEvalCases(t, []evalCase{
		{name: "username in resource", doc: "IAM UG policy variables: ${aws:username} is replaced by the user's friendly name",
			req: get(user(alice), "arn:aws:s3:::reports/home/alice/notes.txt"), set: PolicySet{Identity: identity(t, homeDoc)}, want: Allowed},
		{name: "username of someone else", doc: "IAM UG policy variables: the variable takes the requester's value",
			req: get(user(bob), "arn:aws:s3:::reports/home/alice/notes.txt"), set: PolicySet{Identity: identity(t, homeDoc)}, want: Denied},
		{name: "username absent for role", doc: "IAM UG policy variables: a variable whose key is not present makes the statement not match",
			req: get(user(devSess), "arn:aws:s3:::reports/home/dev/notes.txt"), set: PolicySet{Identity: identity(t, homeDoc)}, want: Denied},
		{name: "default value", doc: "IAM UG policy variables: a default value is used when the key is absent",
			req: get(user(devSess), "arn:aws:s3:::reports/home/shared/x"), set: PolicySet{Identity: identity(t, stmts(
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/home/${aws:username, 'shared'}/*"}`))}, want: Allowed},
		{name: "principal tag in resource", doc: "IAM UG policy variables: tags are variables (${aws:PrincipalTag/key})",
			req: get(tagged, "arn:aws:s3:::reports/data/x"), set: PolicySet{Identity: identity(t, stmts(
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/${aws:PrincipalTag/team}/*"}`))}, want: Allowed},
		{name: "variable in condition", doc: "IAM UG policy variables: variables may be used in string condition values",
			req: func() Request {
				r := get(user(alice), bucket)
				r.Action, r.Context = "s3:ListBucket", map[string][]string{"s3:prefix": {"home/alice/"}}
				return r
			}(), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}}`))}, want: Allowed},
		{name: "variable in ARN condition", doc: "IAM UG policy variables: variables may be used in ARN condition values",
			req: func() Request {
				r := get(user(alice), object)
				r.Context = map[string][]string{"aws:SourceArn": {"arn:aws:iam::111111111111:user/alice"}}
				return r
			}(), set: PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:iam::111111111111:user/${aws:username}"}}}`))}, want: Allowed},
		{name: "unresolved variable in negated condition", doc: "IAM UG policy variables: if AWS cannot resolve a variable the statement is invalid, even for a negated operator",
			req: get(user(devSess), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll,
				`{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"s3:prefix":"${aws:username}"}}}`))}, want: Allowed},
		{name: "special characters", doc: "IAM UG policy variables: ${*}, ${?} and ${$} stand for literal characters",
			req: get(user(alice), "arn:aws:s3:::reports/a*b?c$d"), set: PolicySet{Identity: identity(t, stmts(
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/a${*}b${?}c${$}d"}`))}, want: Allowed},
		{name: "literal star is not a wildcard", doc: "IAM UG policy variables: ${*} is a literal asterisk, not a wildcard",
			req: get(user(alice), "arn:aws:s3:::reports/aXb"), set: PolicySet{Identity: identity(t, stmts(
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/a${*}b"}`))}, want: Denied},
		{name: "2008 version is literal", doc: "IAM UG policy variables: without Version 2012-10-17 variables are literal strings",
			req: get(user(alice), "arn:aws:s3:::reports/home/alice/x"), set: PolicySet{Identity: identity(t,
				`{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/home/${aws:username}/*"}]}`)}, want: Denied},
		{name: "2008 version matches literal text", doc: "IAM UG policy variables: without Version 2012-10-17 variables are literal strings",
			req: get(user(alice), "arn:aws:s3:::reports/home/${aws:username}/x"), set: PolicySet{Identity: identity(t,
				`{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/home/${aws:username}/*"}]}`)}, want: Allowed},
		{name: "principal account variable", doc: "IAM UG policy variables: global keys such as aws:PrincipalAccount resolve from the principal",
			req: get(user(alice), "arn:aws:s3:::logs-111111111111/x"), set: PolicySet{Identity: identity(t, stmts(
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs-${aws:PrincipalAccount}/*"}`))}, want: Allowed},
	})
}

func TestDerivedContextKeys(t *testing.T) {
	cond := func(op, key, value string) PolicySet {
		return PolicySet{Identity: identity(t, stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"`+op+`":{"`+key+`":"`+value+`"}}}`))}
	}
	tagged := Principal{ARN: alice, Tags: map[string]string{"Team": "data"}}
	withTags := get(user(alice), object)
	withTags.ResourceTags = map[string]string{"classification": "pii"}
	runEvalCases(t, []evalCase{
		{name: "username", doc: "IAM UG global condition keys: aws:username is the IAM user's friendly name",
			req: get(user(alice), object), set: cond("StringEquals", "aws:username", "alice"), want: Allowed},
		{name: "principal arn of session is the role", doc: "IAM UG global condition keys: for a role session aws:PrincipalArn is the role's ARN",
			req: get(user(devSess), object), set: cond("ArnEquals", "aws:PrincipalArn", devRole), want: Allowed},
		{name: "principal account", doc: "IAM UG global condition keys: aws:PrincipalAccount is the requester's account",
			req: get(user(alice), object), set: cond("StringEquals", "aws:PrincipalAccount", acctA), want: Allowed},
		{name: "principal type user", doc: "IAM UG global condition keys: aws:PrincipalType is User for IAM users",
			req: get(user(alice), object), set: cond("StringEquals", "aws:PrincipalType", "User"), want: Allowed},
		{name: "principal type role", doc: "IAM UG global condition keys: aws:PrincipalType is AssumedRole for role sessions",
			req: get(user(devSess), object), set: cond("StringEquals", "aws:PrincipalType", "AssumedRole"), want: Allowed},
		{name: "principal tag", doc: "IAM UG global condition keys: aws:PrincipalTag/key holds the principal's tag; key names are case-insensitive",
			req: get(tagged, object), set: cond("StringEquals", "aws:PrincipalTag/team", "data"), want: Allowed},
		{name: "missing principal tag is absent", doc: "IAM UG condition operators: a key not present does not match",
			req: get(tagged, object), set: cond("StringEquals", "aws:PrincipalTag/cost", "x"), want: Denied},
		{name: "resource tag", doc: "IAM UG global condition keys: aws:ResourceTag/key holds the resource's tag",
			req: withTags, set: cond("StringEquals", "aws:ResourceTag/classification", "pii"), want: Allowed},
		{name: "resource account", doc: "IAM UG global condition keys: aws:ResourceAccount is the resource owner's account",
			req: get(user(alice), "arn:aws:sqs:eu-west-1:111111111111:q"), set: cond("StringEquals", "aws:ResourceAccount", acctA), want: Allowed},
		{name: "service flag", doc: "IAM UG global condition keys: aws:PrincipalIsAWSService is false for IAM principals",
			req: get(user(alice), object), set: cond("Bool", "aws:PrincipalIsAWSService", "false"), want: Allowed},
		{name: "context overrides derivation", doc: "SIMULATE.md: keys given in the request context are used as given",
			req: func() Request {
				r := get(user(alice), object)
				r.Context = map[string][]string{"aws:username": {"mallory"}}
				return r
			}(), set: cond("StringEquals", "aws:username", "alice"), want: Denied},
	})
}
