package gate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBaselineRoundTrip(t *testing.T) {
	g := scenarioGraph(t, "capital-one.yaml")
	rules := []*Rule{piiRule(10), DefaultRule()}
	b, _, err := Record(g, rules, 100, day, "pathfinder test")
	require.NoError(t, err)
	require.Len(t, b.Paths, 2, "the path is recorded once per rule that finds it")
	assert.Equal(t, 1, b.Len())
	assert.Equal(t, "2026-06-01T00:00:00Z", b.Created)

	var buf bytes.Buffer
	require.NoError(t, b.Write(&buf))
	assert.Contains(t, buf.String(), `"summary": "internet -(internet-ingress)-> i-0waf`)
	back, err := ReadBaseline("b.json", &buf)
	require.NoError(t, err)
	assert.Equal(t, b.Paths, back.Paths)
	assert.True(t, back.Has(capitalOneFingerprint))
	assert.False(t, back.Has("0000000000000000"))
}

func TestRecordWarnsWhenALimitCutsPaths(t *testing.T) {
	b, warnings, err := Record(fan(t, 3), []*Rule{piiRule(10)}, 2, day, "")
	require.NoError(t, err)
	assert.Len(t, b.Paths, 2)
	assert.Equal(t, []string{"rule no-pii: more than 2 paths; the baseline records the 2 cheapest (raise --limit)"}, warnings)
}

func TestReadBaselineRefusesBadFiles(t *testing.T) {
	entry := `{"fingerprint": "b479efb2f77d5547", "rule": "r", "summary": "s", "nodes": ["internet", "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf", "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf/imds", "arn:aws:iam::111122223333:role/waf-role", "arn:aws:s3:::customer-data"], "techniques": ["internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read"]}`
	_, err := ReadBaseline("ok.json", strings.NewReader(`{"version": 1, "created": "x", "paths": [`+entry+`]}`))
	require.NoError(t, err, "the entry itself is valid")
	tests := []struct{ name, file, want string }{
		{"not json", "nope", "baseline b.json: invalid character"},
		{"unknown field", `{"version": 1, "paths": [], "extra": 1}`, `baseline b.json: json: unknown field "extra"`},
		{"other version", `{"version": 2, "paths": []}`, "baseline b.json: version 2: this pathfinder reads version 1"},
		{"edited fingerprint", `{"version": 1, "paths": [` + strings.Replace(entry, "b479efb2f77d5547", "b479efb2f77d5546", 1) + `]}`,
			`baseline b.json: paths[0]: fingerprint "b479efb2f77d5546" does not match its nodes and techniques (b479efb2f77d5547)`},
		{"no hops", `{"version": 1, "paths": [{"fingerprint": "x", "nodes": ["internet"], "techniques": []}]}`,
			"baseline b.json: paths[0]: want nodes and one technique list per hop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBaseline("b.json", strings.NewReader(tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
