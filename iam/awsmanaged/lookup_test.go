package awsmanaged

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		wantARN string // empty: not found
	}{
		{"bare name", "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"bare name of a policy with a path", "ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
		{"path-qualified name", "job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
		{"service-role path", "service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"},
		{"path with slashes as IAM writes it", "/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
		{"policy/ prefix", "policy/AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"full ARN", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"},
		{"full ARN with a path", "arn:aws:iam::aws:policy/job-function/DataScientist", "arn:aws:iam::aws:policy/job-function/DataScientist"},
		{"name in another case", "administratoraccess", "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"surrounding spaces", "  PowerUserAccess\n", "arn:aws:iam::aws:policy/PowerUserAccess"},
		{"ARN in another case", "arn:aws:iam::aws:policy/administratoraccess", ""},
		{"ARN with the wrong path", "arn:aws:iam::aws:policy/ViewOnlyAccess", ""},
		{"name with the wrong path", "service-role/ViewOnlyAccess", ""},
		{"other partition", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", ""},
		{"customer managed ARN", "arn:aws:iam::123456789012:policy/AdministratorAccess", ""},
		{"unknown name", "NoSuchPolicy", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := Lookup(tt.query)
			if tt.wantARN == "" {
				assert.False(t, ok, "found %s", e.ARN)
				assert.Zero(t, e)
				return
			}
			assert.True(t, ok)
			assert.Equal(t, tt.wantARN, e.ARN)
		})
	}
}

func TestLookupFindsEveryEntryByEachForm(t *testing.T) {
	for _, e := range All() {
		path := e.ARN[len("arn:aws:iam::aws:policy/"):]
		for _, q := range []string{e.ARN, e.Name, path} {
			got, ok := Lookup(q)
			if assert.True(t, ok, q) {
				assert.Equal(t, e.ARN, got.ARN, q)
			}
		}
	}
}

func TestIsAWSManagedARN(t *testing.T) {
	tests := []struct {
		arn  string
		want bool
	}{
		{"arn:aws:iam::aws:policy/AdministratorAccess", true},
		{"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", true},
		{"arn:aws-cn:iam::aws:policy/AdministratorAccess", true},
		{"arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", true},
		{"arn:aws:iam::123456789012:policy/AdministratorAccess", false},
		{"arn:aws:iam::aws:role/AdministratorAccess", false},
		{"arn:aws:s3:::aws:policy/x", false},
		{"AdministratorAccess", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, IsAWSManagedARN(tt.arn), tt.arn)
	}
}
