package snapshot

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimestampForms(t *testing.T) {
	want := time.Date(2024, 5, 14, 16, 2, 11, 0, time.UTC)
	tests := []struct {
		name, in string
		want     time.Time
	}{
		{"AWS CLI v2", "2024-05-14T16:02:11+00:00", want},
		{"boto3 dump", "2024-05-14 16:02:11+00:00", want},
		{"fractional seconds", "2024-05-14T16:02:11.000000+00:00", want},
		{"Zulu", "2024-05-14T16:02:11Z", want},
		{"boto3 with fraction", "2023-03-09 10:41:45.512000+00:00", time.Date(2023, 3, 9, 10, 41, 45, 512000000, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseTimestamp(tt.in)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %v", got)
		})
	}
	for _, bad := range []string{"14/05/2024", "2024-05-14", "1715702531", "2024-05-14T16:02:11"} {
		_, err := parseTimestamp(bad)
		assert.Error(t, err, bad)
	}
}

func TestPathAt(t *testing.T) {
	doc := []byte(`{"A": [1, {"b-c": [true, "x"]}], "D": {"E": null}}`)
	tests := []struct {
		offset int64
		want   string
	}{
		{1, "$"},
		{8, "$.A[0]"},
		{28, `$.A[1]["b-c"][1]`},
		{48, "$.D.E"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, pathAt(doc, tt.offset, "$"), "offset %d", tt.offset)
	}
}

func TestRegionHelpers(t *testing.T) {
	assert.Equal(t, "us-east-1", zoneRegion("us-east-1a"))
	assert.Equal(t, "us-west-2", zoneRegion("us-west-2-lax-1a"))
	assert.Equal(t, "", zoneRegion(""))
	assert.True(t, isRegion("us-gov-west-1"))
	assert.True(t, isRegion("ap-southeast-5"))
	assert.False(t, isRegion("backup"))
	assert.Equal(t, "arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1", instanceARN("cn-north-1", acct, "i-1"))
}
