package technique

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
