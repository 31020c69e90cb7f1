package technique

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// TestWholeBucketPatterns checks which resource patterns the bucket
// shortcut may rely on. IAM's "*" crosses "/", so "arn:aws:s3:::a*b/*"
// also matches objects under prefix "b/" of bucket "ax": such patterns name
// parts of buckets and must turn the shortcut off.
func TestWholeBucketPatterns(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
		covers  map[string]bool
	}{
		{"*", true, map[string]bool{"any": true}},
		{"arn:aws:s3:::*/*", true, map[string]bool{"any": true}},
		{"arn:aws:s3:::logs/*", true, map[string]bool{"logs": true, "logs2": false}},
		{"arn:aws:s3:::logs-*/*", true, map[string]bool{"logs-1": true, "logs": false}},
		{"arn:aws:s3:::logs", true, map[string]bool{"logs": false}},
		{"arn:aws:sqs:us-east-1:1:q", true, map[string]bool{"q": false}},
		{"arn:aws:s3:::a*b/*", false, nil},
		{"arn:aws:s3:::logs*", false, nil},
		{"arn:aws:s3:::logs/reports/*", false, nil},
		{"arn:aws:s3:::home/${aws:username}/*", false, nil},
		{"arn:aws:s3:::log?/*", false, nil},
		{"arn:aws:*:*:*:*", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			var w wholeBuckets
			assert.Equal(t, tt.ok, w.add(tt.pattern))
			for bucket, want := range tt.covers {
				assert.Equal(t, want, w.covers(bucket), bucket)
			}
		})
	}
}

// TestInertBucketPolicies checks which bucket policies the shortcut may
// ignore for a reader of account 111122223333.
func TestInertBucketPolicies(t *testing.T) {
	const tls = `{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}`
	tests := []struct {
		name       string
		statements string
		inert      bool
	}{
		{"deny insecure transport", tls, true},
		{"a partner's role", tls + `,{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:role/partner"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, true},
		{"a partner account by id", `{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, true},
		{"the reader's own account", `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, false},
		{"a role of the reader's account", `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/x"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, false},
		{"everyone", `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, false},
		{"a service", `{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}`, false},
		{"a deny on another condition", `{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}`, false},
		{"statements about other actions", `{"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := iam.MustParse(`{"Version":"2012-10-17","Statement":[` + tt.statements + `]}`)
			assert.Equal(t, tt.inert, inertFor(p, "s3:getobject", "111122223333"))
		})
	}
	assert.True(t, inertFor(nil, "s3:getobject", "111122223333"))
}
