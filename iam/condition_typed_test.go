package iam

import "testing"

func TestConditionNumericAndDate(t *testing.T) {
	runCondCases(t, []condCase{
		{doc: docOps + "NumericEquals matches equal numbers", op: "NumericEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("10.0"), want: true},
		{doc: docOps + "NumericEquals matches equal numbers", op: "NumericEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("11"), want: false},
		{doc: docOps + "NumericNotEquals is negated matching", op: "NumericNotEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("11"), want: true},
		{doc: docNegOR, op: "NumericNotEquals", key: "s3:max-keys", values: ss("10", "11"), ctx: ss("11"), want: false},
		{doc: docMissing, op: "NumericNotEquals", key: "s3:max-keys", values: ss("10"), ctx: nil, want: true},
		{doc: docOps + "NumericLessThan", op: "NumericLessThan", key: "s3:max-keys", values: ss("10"), ctx: ss("9"), want: true},
		{doc: docOps + "NumericLessThan", op: "NumericLessThan", key: "s3:max-keys", values: ss("10"), ctx: ss("10"), want: false},
		{doc: docOps + "NumericLessThanEquals", op: "NumericLessThanEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("10"), want: true},
		{doc: docOps + "NumericLessThanEquals", op: "NumericLessThanEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("10.5"), want: false},
		{doc: docOps + "NumericGreaterThan", op: "NumericGreaterThan", key: "s3:max-keys", values: ss("10"), ctx: ss("11"), want: true},
		{doc: docOps + "NumericGreaterThan", op: "NumericGreaterThan", key: "s3:max-keys", values: ss("10"), ctx: ss("10"), want: false},
		{doc: docOps + "NumericGreaterThanEquals", op: "NumericGreaterThanEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("10"), want: true},
		{doc: docOps + "NumericGreaterThanEquals", op: "NumericGreaterThanEquals", key: "s3:max-keys", values: ss("10"), ctx: ss("-1"), want: false},
		{doc: docOps + "a context value that is not a number does not match", op: "NumericLessThan", key: "s3:max-keys", values: ss("10"), ctx: ss("ten"), want: false},
		{doc: docMissing, op: "NumericLessThan", key: "s3:max-keys", values: ss("10"), ctx: nil, want: false},
		{doc: docOps + "DateEquals compares instants", op: "DateEquals", key: "aws:CurrentTime", values: ss("2026-01-01T00:00:00Z"), ctx: ss("2026-01-01T01:00:00+01:00"), want: true},
		{doc: docOps + "DateNotEquals is negated matching", op: "DateNotEquals", key: "aws:CurrentTime", values: ss("2026-01-01T00:00:00Z"), ctx: ss("2026-01-02T00:00:00Z"), want: true},
		{doc: docOps + "DateLessThan", op: "DateLessThan", key: "aws:CurrentTime", values: ss("2026-06-30T00:00:00Z"), ctx: ss("2026-01-01T00:00:00Z"), want: true},
		{doc: docOps + "DateLessThan", op: "DateLessThan", key: "aws:CurrentTime", values: ss("2026-06-30T00:00:00Z"), ctx: ss("2026-07-01T00:00:00Z"), want: false},
		{doc: docOps + "DateLessThanEquals", op: "DateLessThanEquals", key: "aws:CurrentTime", values: ss("2026-06-30"), ctx: ss("2026-06-30T00:00:00Z"), want: true},
		{doc: docOps + "DateGreaterThan", op: "DateGreaterThan", key: "aws:TokenIssueTime", values: ss("2020-01-01T00:00:01Z"), ctx: ss("2021-03-01T12:00:00Z"), want: true},
		{doc: docOps + "DateGreaterThanEquals", op: "DateGreaterThanEquals", key: "aws:TokenIssueTime", values: ss("2020-01-01T00:00:00Z"), ctx: ss("2019-12-31T23:59:59Z"), want: false},
		{doc: docOps + "dates may be given in epoch (UNIX) time", op: "DateGreaterThan", key: "aws:EpochTime", values: ss("1577836800"), ctx: ss("1577836801"), want: true},
		{doc: docOps + "dates may be given in epoch (UNIX) time", op: "DateLessThan", key: "aws:CurrentTime", values: ss("1577836800"), ctx: ss("2019-12-31T00:00:00Z"), want: true},
		{doc: docMissing, op: "DateLessThan", key: "aws:TokenIssueTime", values: ss("2030-01-01T00:00:00Z"), ctx: nil, want: false},
	})
}

func TestConditionBoolBinaryIPArnNull(t *testing.T) {
	blob := "QmluYXJ5VmFsdWVJbkJhc2U2NA=="
	runCondCases(t, []condCase{
		{doc: docOps + "Bool matches true or false", op: "Bool", key: "aws:SecureTransport", values: ss("true"), ctx: ss("true"), want: true},
		{doc: docOps + "Bool matches true or false", op: "Bool", key: "aws:SecureTransport", values: ss("false"), ctx: ss("true"), want: false},
		{doc: docOps + "Bool values are not case-sensitive", op: "Bool", key: "aws:MultiFactorAuthPresent", values: ss("TRUE"), ctx: ss("true"), want: true},
		{doc: docMissing, op: "Bool", key: "aws:MultiFactorAuthPresent", values: ss("false"), ctx: nil, want: false},
		{doc: docOps + "BinaryEquals compares bytes with a base-64 value", op: "BinaryEquals", key: "dynamodb:Key", values: ss(blob), ctx: ss(blob), want: true},
		{doc: docOps + "BinaryEquals compares bytes with a base-64 value", op: "BinaryEquals", key: "dynamodb:Key", values: ss(blob), ctx: ss("QUJD"), want: false},
		{doc: docOps + "IpAddress matches a CIDR range", op: "IpAddress", key: "aws:SourceIp", values: ss("203.0.113.0/24"), ctx: ss("203.0.113.7"), want: true},
		{doc: docOps + "IpAddress matches a CIDR range", op: "IpAddress", key: "aws:SourceIp", values: ss("203.0.113.0/24"), ctx: ss("198.51.100.1"), want: false},
		{doc: docOps + "an address without a prefix is a /32", op: "IpAddress", key: "aws:SourceIp", values: ss("203.0.113.7"), ctx: ss("203.0.113.7"), want: true},
		{doc: docOps + "an address without a prefix is a /32", op: "IpAddress", key: "aws:SourceIp", values: ss("203.0.113.7"), ctx: ss("203.0.113.8"), want: false},
		{doc: docOps + "IpAddress takes IPv6 ranges", op: "IpAddress", key: "aws:SourceIp", values: ss("2001:DB8:1234:5678::/64"), ctx: ss("2001:db8:1234:5678::9"), want: true},
		{doc: docOps + "IpAddress takes IPv6 ranges", op: "IpAddress", key: "aws:SourceIp", values: ss("203.0.113.0/24", "2001:DB8:1234:5678::/64"), ctx: ss("2001:db8:ffff::1"), want: false},
		{doc: docOps + "NotIpAddress is every address but the range", op: "NotIpAddress", key: "aws:SourceIp", values: ss("10.0.0.0/8"), ctx: ss("192.0.2.1"), want: true},
		{doc: docNegOR, op: "NotIpAddress", key: "aws:SourceIp", values: ss("10.0.0.0/8", "192.0.2.0/24"), ctx: ss("192.0.2.1"), want: false},
		{doc: docMissing, op: "NotIpAddress", key: "aws:SourceIp", values: ss("10.0.0.0/8"), ctx: nil, want: true},
		{doc: docMissing, op: "IpAddress", key: "aws:SourceIp", values: ss("0.0.0.0/0"), ctx: nil, want: false},
		{doc: docOps + "ArnEquals matches each of the six ARN fields separately, with wildcards", op: "ArnEquals", key: "aws:SourceArn", values: ss("arn:aws:sns:*:111111111111:topic"), ctx: ss("arn:aws:sns:eu-west-1:111111111111:topic"), want: true},
		{doc: docOps + "ArnLike behaves as ArnEquals", op: "ArnLike", key: "aws:SourceArn", values: ss("arn:aws:s3:::bucket/*"), ctx: ss("arn:aws:s3:::bucket/a/b"), want: true},
		{doc: docOps + "in ARN operators a wildcard does not cross a field's colons", op: "ArnLike", key: "aws:SourceArn", values: ss("arn:aws:someservice:*:111122223333:finance/*"), ctx: ss("arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"), want: false},
		{doc: docOps + "StringLike matches where ArnLike does not", op: "StringLike", key: "aws:SourceArn", values: ss("arn:aws:someservice:*:111122223333:finance/*"), ctx: ss("arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"), want: true},
		{doc: docOps + "ARN matching is case-sensitive", op: "ArnEquals", key: "aws:SourceArn", values: ss("arn:aws:sns:eu-west-1:111111111111:Topic"), ctx: ss("arn:aws:sns:eu-west-1:111111111111:topic"), want: false},
		{doc: docOps + "a value that is not an ARN does not match", op: "ArnLike", key: "aws:SourceArn", values: ss("arn:aws:sns:*:*:*"), ctx: ss("not-an-arn"), want: false},
		{doc: docOps + "ArnNotEquals is negated matching", op: "ArnNotEquals", key: "aws:SourceArn", values: ss("arn:aws:sns:*:111111111111:*"), ctx: ss("arn:aws:sns:eu-west-1:222222222222:t"), want: true},
		{doc: docOps + "ArnNotLike is negated matching", op: "ArnNotLike", key: "aws:PrincipalArn", values: ss("arn:aws:iam::111111111111:user/*"), ctx: nil, want: false},
		{doc: docMissing, op: "ArnNotLike", key: "aws:SourceArn", values: ss("arn:aws:sns:*:*:*"), ctx: nil, want: true},
		{doc: docOps + "Null true holds when the key is absent", op: "Null", key: "aws:TokenIssueTime", values: ss("true"), ctx: nil, want: true},
		{doc: docOps + "Null true fails when the key is present", op: "Null", key: "aws:TokenIssueTime", values: ss("true"), ctx: ss("2026-01-01T00:00:00Z"), want: false},
		{doc: docOps + "Null false holds when the key is present", op: "Null", key: "aws:TokenIssueTime", values: ss("false"), ctx: ss("2026-01-01T00:00:00Z"), want: true},
		{doc: docOps + "Null false fails when the key is absent", op: "Null", key: "aws:TokenIssueTime", values: ss("false"), ctx: nil, want: false},
		{doc: "IAM UG multivalued context key examples: a key with an empty value counts as null", op: "Null", key: "aws:TagKeys", values: ss("true"), ctx: ss(), want: true},
	})
}
