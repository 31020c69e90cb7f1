package collect

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// render encodes a value and prints it compactly, as the files hold it
// (but on one line, which is easier to compare).
func render(t *testing.T, v any) string {
	t.Helper()
	return renderTree(t, encode(v))
}

// renderTree prints an encoded tree on one line.
func renderTree(t *testing.T, tree any) string {
	t.Helper()
	out, err := marshalFile(tree)
	require.NoError(t, err)
	return compactJSON(t, out)
}

func TestEncodePrintsWhatTheCLIPrints(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"absent members are left out, empty lists kept",
			ec2types.Reservation{ReservationId: aws.String("r-1"), Groups: []ec2types.GroupIdentifier{}},
			`{"Groups":[],"ReservationId":"r-1"}`},
		{"enums are strings, numbers numbers",
			ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(443), ToPort: aws.Int32(443)},
			`{"FromPort":443,"IpProtocol":"tcp","ToPort":443}`},
		{"a member the model defaults is printed even when false",
			orgtypes.PolicySummary{Id: aws.String("p-1"), AwsManaged: false, Type: orgtypes.PolicyTypeServiceControlPolicy},
			`{"AwsManaged":false,"Id":"p-1","Type":"SERVICE_CONTROL_POLICY"}`},
		{"timestamps in ISO 8601 with +00:00",
			ec2types.Instance{LaunchTime: aws.Time(time.Date(2019, 3, 12, 8, 21, 45, 0, time.UTC))},
			`{"LaunchTime":"2019-03-12T08:21:45+00:00"}`},
		{"ResultMetadata is not part of the model",
			elasticloadbalancingv2.DescribeTargetHealthOutput{TargetHealthDescriptions: []elbtypes.TargetHealthDescription{}},
			`{"TargetHealthDescriptions":[]}`},
		{"maps keep their keys, sorted",
			map[string]string{"b": "2", "a": "1"},
			`{"a":"1","b":"2"}`},
		{"HTML characters are not escaped",
			aws.String(`{"Condition":{"StringLike":{"a":"<&>"}}}`),
			`"{\"Condition\":{\"StringLike\":{\"a\":\"<&>\"}}}"`},
		{"a nil pointer is null",
			(*string)(nil),
			`null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, render(t, tt.in))
		})
	}
}

func TestFormatTime(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2024, 5, 14, 16, 2, 11, 0, time.UTC), "2024-05-14T16:02:11+00:00"},
		{time.Date(2021, 11, 30, 11, 58, 0, 512_000_000, time.UTC), "2021-11-30T11:58:00.512000+00:00"},
		// epoch seconds as a float64 lose the last digits; Python rounds too
		{time.Unix(1638273480, 511_999_999), "2021-11-30T11:58:00.512000+00:00"},
		{time.Date(2024, 5, 14, 18, 2, 11, 0, time.FixedZone("CEST", 2*3600)), "2024-05-14T16:02:11+00:00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, formatTime(tt.in))
	}
}

func TestObjectKeepsTheOrderMembersWereSet(t *testing.T) {
	o := newObject().set("b", 1).set("a", 2).set("b", 3)
	out, err := marshalFile(o)
	require.NoError(t, err)
	assert.Equal(t, "{\n    \"b\": 3,\n    \"a\": 2\n}\n", string(out))
}

func TestByKeyLeavesOutItemsWithoutAResult(t *testing.T) {
	o := byKey([]string{"i-1", "i-2", "i-3"}, []any{"x", nil, "z"})
	out, err := marshalFile(o)
	require.NoError(t, err)
	assert.JSONEq(t, `{"i-1":"x","i-3":"z"}`, string(out))
}
