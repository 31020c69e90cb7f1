package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const details = `{
 "UserDetailList": [],
 "Policies": [
  {"PolicyName": "custom", "Arn": "arn:aws:iam::123456789012:policy/custom", "DefaultVersionId": "v1",
   "PolicyVersionList": [{"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
     "VersionId": "v1", "IsDefaultVersion": true}]},
  {"PolicyName": "ViewOnlyAccess", "Arn": "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "DefaultVersionId": "v2",
   "PolicyVersionList": [
    {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}]},
     "VersionId": "v1", "IsDefaultVersion": false},
    {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]},
     "VersionId": "v2", "IsDefaultVersion": true}]},
  {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "DefaultVersionId": "v1",
   "PolicyVersionList": [{"Document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa%2Bb%22%7D%5D%7D",
     "VersionId": "v1", "IsDefaultVersion": true}]}
 ]
}`

func TestFromAuthorizationDetails(t *testing.T) {
	records, err := FromAuthorizationDetails([]byte(details), "o/r:dump.json@c")
	require.NoError(t, err)
	require.Len(t, records, 2, "the customer managed policy is skipped")

	admin, view := records[0], records[1]
	assert.Equal(t, "arn:aws:iam::aws:policy/AdministratorAccess", admin.ARN)
	assert.Equal(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::a+b"}]}`,
		string(admin.Document), "a URL-encoded document is decoded, and + stays a plus")
	assert.Equal(t, "ViewOnlyAccess", view.Name)
	assert.Equal(t, "v2", view.Version, "the default version is taken")
	assert.Contains(t, string(view.Document), "ec2:Describe*")
	assert.Equal(t, "o/r:dump.json@c", view.Source)
}

func TestFromAuthorizationDetailsErrors(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
	}{
		{"not JSON", `[`, "decode authorization details"},
		{"default version missing", `{"Policies":[{"PolicyName":"A","Arn":"arn:aws:iam::aws:policy/A","DefaultVersionId":"v2",
			"PolicyVersionList":[{"Document":{},"VersionId":"v1","IsDefaultVersion":true}]}]}`,
			`Policies[0] arn:aws:iam::aws:policy/A: default version "v2" is not in PolicyVersionList`},
		{"invalid document", `{"Policies":[{"PolicyName":"A","Arn":"arn:aws:iam::aws:policy/A","DefaultVersionId":"v1",
			"PolicyVersionList":[{"Document":{"Version":"1999"},"VersionId":"v1","IsDefaultVersion":true}]}]}`,
			`Policies[0]: arn:aws:iam::aws:policy/A: policy document: Version "1999"`},
		{"bad URL encoding", `{"Policies":[{"PolicyName":"A","Arn":"arn:aws:iam::aws:policy/A","DefaultVersionId":"v1",
			"PolicyVersionList":[{"Document":"%7B%zz","VersionId":"v1","IsDefaultVersion":true}]}]}`,
			"URL-encoded document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromAuthorizationDetails([]byte(tt.data), "s")
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestFromPolicyVersion(t *testing.T) {
	const out = `{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
		"Action": ["logs:CreateLogGroup"], "Resource": "*"}]}, "VersionId": "v1", "IsDefaultVersion": true,
		"CreateDate": "2015-04-09T15:03:43+00:00"}}`
	r, err := FromPolicyVersion([]byte(out), "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "o/r:p@c")
	require.NoError(t, err)
	assert.Equal(t, "AWSLambdaBasicExecutionRole", r.Name)
	assert.Equal(t, "v1", r.Version)
	assert.Equal(t, "service-role/AWSLambdaBasicExecutionRole", r.Path())
}

func TestFromPolicyVersionErrors(t *testing.T) {
	tests := []struct {
		name, data, arn, wantErr string
	}{
		{"not the default", `{"PolicyVersion":{"Document":{},"VersionId":"v3","IsDefaultVersion":false}}`,
			"arn:aws:iam::aws:policy/A", "policy version v3 of arn:aws:iam::aws:policy/A is not the default version"},
		{"no PolicyVersion", `{"Policy":{}}`, "arn:aws:iam::aws:policy/A", "PolicyVersion is missing"},
		{"not JSON", `{`, "arn:aws:iam::aws:policy/A", "decode policy version of arn:aws:iam::aws:policy/A"},
		{"customer ARN", `{"PolicyVersion":{"Document":` + adminDoc + `,"VersionId":"v1","IsDefaultVersion":true}}`,
			"arn:aws:iam::1:policy/A", "does not start with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromPolicyVersion([]byte(tt.data), tt.arn, "s")
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}
