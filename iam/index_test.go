package iam

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMayAllow(t *testing.T) {
	p := pol(t, stmts(`{"Effect":"Allow","Action":["s3:Get*","ec2:DescribeInstances"],"Resource":"*"}`,
		`{"Effect":"Deny","Action":"iam:*","Resource":"*"}`))
	assert.True(t, p.MayAllow("s3:GetObject"))
	assert.True(t, p.MayAllow("EC2:describeinstances"))
	assert.False(t, p.MayAllow("s3:PutObject"))
	assert.False(t, p.MayAllow("iam:CreateUser"), "Deny statements grant nothing")

	notAction := pol(t, stmts(`{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}`))
	assert.True(t, notAction.MayAllow("s3:PutObject"))
	assert.False(t, notAction.MayAllow("iam:PassRole"))
}

func TestActionPrefixes(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
	}{
		{"services", stmts(`{"Effect":"Allow","Action":["s3:Get*","ec2:Describe*","S3:List*"],"Resource":"*"}`), []string{"ec2", "s3"}},
		{"deny ignored", stmts(`{"Effect":"Deny","Action":"iam:*","Resource":"*"}`, `{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}`), []string{"kms"}},
		{"star", stmts(`{"Effect":"Allow","Action":"*","Resource":"*"}`), []string{"*"}},
		{"not action", stmts(`{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}`), []string{"*"}},
		{"wildcard service", stmts(`{"Effect":"Allow","Action":"s*:Get*","Resource":"*"}`), []string{"s*"}},
		{"question mark", stmts(`{"Effect":"Allow","Action":"s?:Get*","Resource":"*"}`), []string{"s?"}},
		{"nothing", stmts(`{"Effect":"Deny","Action":"*","Resource":"*"}`), []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, pol(t, tc.doc).ActionPrefixes())
		})
	}
}

func TestAllowedPrincipals(t *testing.T) {
	p := pol(t, stmts(
		`{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::222222222222:root","`+alice+`"],"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}`,
		`{"Effect":"Allow","Principal":{"AWS":"`+alice+`"},"Action":"sts:TagSession"}`,
		`{"Effect":"Deny","Principal":{"AWS":"`+bob+`"},"Action":"sts:AssumeRole"}`))
	got := p.AllowedPrincipals()
	assert.False(t, got.Wildcard)
	assert.Equal(t, map[string][]string{
		"AWS":     {"arn:aws:iam::111111111111:user/alice", "arn:aws:iam::222222222222:root"},
		"Service": {"ec2.amazonaws.com"},
	}, got.ByType, "Deny statements admit no one; duplicates are merged")

	open := pol(t, stmts(`{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject"}`))
	assert.True(t, open.AllowedPrincipals().Wildcard)
	except := pol(t, stmts(`{"Effect":"Allow","NotPrincipal":{"AWS":"`+bob+`"},"Action":"s3:GetObject"}`))
	assert.True(t, except.AllowedPrincipals().Wildcard)
}
