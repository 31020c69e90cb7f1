package iam

import "testing"

const (
	docOps     = "IAM UG condition operators: "
	docMissing = "IAM UG condition operators: a key missing from the request context does not match; a negated operator then holds"
	docNegOR   = "IAM UG conditions with multiple values: a negated operator's values are evaluated with a logical NOR"
	docOR      = "IAM UG conditions with multiple values: several values for one key are ORed"
)

func TestConditionStringOperators(t *testing.T) {
	runCondCases(t, []condCase{
		{doc: docOps + "StringEquals is exact, case-sensitive matching", op: "StringEquals", key: "aws:PrincipalTag/team", values: ss("data"), ctx: ss("data"), want: true},
		{doc: docOps + "StringEquals is exact, case-sensitive matching", op: "StringEquals", key: "aws:PrincipalTag/team", values: ss("data"), ctx: ss("Data"), want: false},
		{doc: docOps + "StringEquals takes no wildcards", op: "StringEquals", key: "s3:prefix", values: ss("home/*"), ctx: ss("home/x"), want: false},
		{doc: docOR, op: "StringEquals", key: "s3:prefix", values: ss("a", "b"), ctx: ss("b"), want: true},
		{doc: docMissing, op: "StringEquals", key: "s3:prefix", values: ss("a"), ctx: nil, want: false},
		{doc: docOps + "StringNotEquals is negated matching", op: "StringNotEquals", key: "s3:prefix", values: ss("a"), ctx: ss("b"), want: true},
		{doc: docOps + "StringNotEquals is negated matching", op: "StringNotEquals", key: "s3:prefix", values: ss("a"), ctx: ss("a"), want: false},
		{doc: docNegOR, op: "StringNotEquals", key: "s3:prefix", values: ss("a", "b"), ctx: ss("b"), want: false},
		{doc: docNegOR, op: "StringNotEquals", key: "s3:prefix", values: ss("a", "b"), ctx: ss("c"), want: true},
		{doc: docMissing, op: "StringNotEquals", key: "s3:prefix", values: ss("a"), ctx: nil, want: true},
		{doc: docOps + "StringEqualsIgnoreCase ignores case", op: "StringEqualsIgnoreCase", key: "s3:prefix", values: ss("Home"), ctx: ss("HOME"), want: true},
		{doc: docOps + "StringEqualsIgnoreCase ignores case", op: "StringEqualsIgnoreCase", key: "s3:prefix", values: ss("Home"), ctx: ss("house"), want: false},
		{doc: docOps + "StringNotEqualsIgnoreCase is negated, ignoring case", op: "StringNotEqualsIgnoreCase", key: "s3:prefix", values: ss("Home"), ctx: ss("hOmE"), want: false},
		{doc: docOps + "StringNotEqualsIgnoreCase is negated, ignoring case", op: "StringNotEqualsIgnoreCase", key: "s3:prefix", values: ss("Home"), ctx: ss("other"), want: true},
		{doc: docMissing, op: "StringNotEqualsIgnoreCase", key: "s3:prefix", values: ss("a"), ctx: nil, want: true},
		{doc: docOps + "StringLike takes * and ? anywhere", op: "StringLike", key: "s3:prefix", values: ss("home/*/docs"), ctx: ss("home/alice/x/docs"), want: true},
		{doc: docOps + "StringLike takes * and ? anywhere", op: "StringLike", key: "s3:prefix", values: ss("v?"), ctx: ss("v1"), want: true},
		{doc: docOps + "StringLike is case-sensitive", op: "StringLike", key: "s3:prefix", values: ss("home/*"), ctx: ss("HOME/x"), want: false},
		{doc: docMissing, op: "StringLike", key: "s3:prefix", values: ss("*"), ctx: nil, want: false},
		{doc: docOps + "StringNotLike is negated wildcard matching", op: "StringNotLike", key: "s3:prefix", values: ss("tmp/*"), ctx: ss("home/x"), want: true},
		{doc: docOps + "StringNotLike is negated wildcard matching", op: "StringNotLike", key: "s3:prefix", values: ss("tmp/*"), ctx: ss("tmp/x"), want: false},
		{doc: docNegOR, op: "StringNotLike", key: "s3:prefix", values: ss("tmp/*", "home/*"), ctx: ss("home/x"), want: false},
		{doc: docMissing, op: "StringNotLike", key: "s3:prefix", values: ss("tmp/*"), ctx: nil, want: true},
		{doc: "IAM UG policy elements: condition key names are case-insensitive", op: "StringEquals", key: "AWS:PRINCIPALTAG/TEAM", values: ss("data"), ctx: ss("data"), want: true},
		{doc: "IAM UG condition operators: operator names are matched without regard to case", op: "stringequals", key: "s3:prefix", values: ss("a"), ctx: ss("a"), want: true},
	})
}

func TestConditionIfExists(t *testing.T) {
	runCondCases(t, []condCase{
		{doc: docOps + "...IfExists holds when the key is absent", op: "StringEqualsIfExists", key: "ec2:InstanceType", values: ss("t3.micro"), ctx: nil, want: true},
		{doc: docOps + "...IfExists tests the key when present", op: "StringEqualsIfExists", key: "ec2:InstanceType", values: ss("t3.micro"), ctx: ss("m5.large"), want: false},
		{doc: docOps + "...IfExists tests the key when present", op: "StringLikeIfExists", key: "ec2:InstanceType", values: ss("t3.*"), ctx: ss("t3.micro"), want: true},
		{doc: docOps + "...IfExists with a negated operator holds when the key is absent", op: "StringNotEqualsIfExists", key: "aws:SourceAccount", values: ss("111111111111"), ctx: nil, want: true},
		{doc: docOps + "...IfExists with a negated operator tests the key when present", op: "StringNotEqualsIfExists", key: "aws:SourceVpc", values: ss("vpc-1"), ctx: ss("vpc-1"), want: false},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "NumericLessThanIfExists", key: "s3:max-keys", values: ss("10"), ctx: nil, want: true},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "BoolIfExists", key: "aws:MultiFactorAuthPresent", values: ss("true"), ctx: nil, want: true},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "BoolIfExists", key: "aws:MultiFactorAuthPresent", values: ss("true"), ctx: ss("false"), want: false},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "IpAddressIfExists", key: "aws:SourceIp", values: ss("10.0.0.0/8"), ctx: nil, want: true},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "ArnLikeIfExists", key: "aws:SourceArn", values: ss("arn:aws:sns:*:111111111111:*"), ctx: nil, want: true},
		{doc: docOps + "...IfExists applies to every operator but Null", op: "DateGreaterThanIfExists", key: "aws:TokenIssueTime", values: ss("2020-01-01T00:00:00Z"), ctx: nil, want: true},
	})
}
