package gate

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

func TestParsePolicyReadsEveryField(t *testing.T) {
	p, err := ParsePolicy("p.yaml", []byte(`version: 1
rules:
  - id: no-pii
    name: No path to PII
    description: PII stays private.
    severity: Critical
    deny: {from: internet, to: "tag:data-classification=pii", max_hops: 6, limit: 3, assume: rce}
  - name: The internet never becomes admin!
    assume: [rce, latent]
    deny:
      from: internet
      to: admin
  - deny: {from: internet, to: "kind:secret"}
allow:
  - {fingerprint: B479EFB2F77D5547, reason: "accepted until the WAF moves", expires: 2027-03-01}
  - fingerprint: 0123456789abcdef
    reason: forever
`))
	require.NoError(t, err)
	require.Len(t, p.Rules, 3)

	first := p.Rules[0]
	assert.Equal(t, "no-pii", first.ID)
	assert.Equal(t, "No path to PII", first.Name)
	assert.Equal(t, "PII stays private.", first.Description)
	assert.Equal(t, SeverityCritical, first.Severity)
	assert.Equal(t, "internet", first.From.String())
	assert.Equal(t, "tag:data-classification=pii", first.To.String())
	assert.Equal(t, 6, first.MaxHops)
	assert.Equal(t, 3, first.Limit)
	assert.Equal(t, []graph.Assumption{graph.AssumeRCE}, first.Assume)
	assert.Equal(t, 3, first.Line)

	second := p.Rules[1]
	assert.Equal(t, "the-internet-never-becomes-admin", second.ID, "the id defaults to a slug of the name")
	assert.Equal(t, []graph.Assumption{graph.AssumeRCE, graph.AssumeLatent}, second.Assume)
	assert.Equal(t, 12, second.MaxHops, "max_hops defaults to the paths command's")
	assert.Equal(t, DefaultRuleLimit, second.Limit)
	assert.Equal(t, DefaultSeverity, second.Severity)

	assert.Equal(t, "deny-internet-to-kind-secret", p.Rules[2].ID, "without a name the id is a slug of the query")

	require.Len(t, p.Allow, 2)
	assert.Equal(t, "b479efb2f77d5547", p.Allow[0].Fingerprint, "fingerprints are case-insensitive")
	assert.Equal(t, "accepted until the WAF moves", p.Allow[0].Reason)
	assert.Equal(t, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), p.Allow[0].Expires)
	assert.Equal(t, 15, p.Allow[0].Line)
	assert.True(t, p.Allow[1].Expires.IsZero(), "an allow without expires never expires")
}

func TestAllowExpiresOnItsDate(t *testing.T) {
	a := &Allow{Expires: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
	assert.True(t, a.ActiveOn(time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)))
	assert.False(t, a.ActiveOn(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)))
	assert.True(t, (&Allow{}).ActiveOn(time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)))
}

// TestBadPolicies pins the exact message of each kind of mistake: the file,
// the line a person's editor shows, the field, and what is wrong.
func TestBadPolicies(t *testing.T) {
	const ok = "rules:\n  - deny: {from: internet, to: admin}\n"
	tests := []struct {
		name, policy, want string
	}{
		{"empty file", "", "p.yaml: the file is empty"},
		{"comment only", "# nothing\n", "p.yaml: the file is empty"},
		{"syntax error", "rules:\n  - deny: {from: internet, to: admin\n", `p.yaml:2: invalid YAML: did not find expected ',' or '}'`},
		{"tab indentation", "rules:\n\t- deny: x\n", "p.yaml:2: invalid YAML: found character that cannot start any token"},
		{"two documents", ok + "---\n" + ok, "p.yaml:3: a policy file holds one YAML document; found a second one"},
		{"not a mapping", "- deny: x\n", `p.yaml:1: want a mapping, got a list`},
		{"unknown top-level field", "rule:\n  - deny: {from: internet, to: admin}\n", `p.yaml:1: unknown field "rule" (did you mean "rules"?)`},
		{"duplicate field", ok + "rules: []\n", `p.yaml:3: duplicate field "rules" (first on line 1)`},
		{"no rules field", "allow: []\n", `p.yaml:1: missing required field "rules"`},
		{"no rules", "rules: []\n", "p.yaml:1: rules: a policy needs at least one rule"},
		{"rules not a list", "rules: {deny: x}\n", "p.yaml:1: rules: want a list, got a mapping"},
		{"unsupported version", "version: 2\n" + ok, `p.yaml:1: version: want a whole number from 1 to 1, got "2"`},
		{"unknown rule field", "rules:\n  - deny: {from: internet, to: admin}\n    severty: high\n", `p.yaml:3: rules[0]: unknown field "severty" (did you mean "severity"?)`},
		{"missing deny", "rules:\n  - id: x\n", `p.yaml:2: rules[0]: missing required field "deny"`},
		{"deny not a mapping", "rules:\n  - deny: internet\n", `p.yaml:2: rules[0].deny: want a mapping, got "internet"`},
		{"typo in deny", "rules:\n  - deny: {form: internet, to: admin}\n", `p.yaml:2: rules[0].deny: unknown field "form" (did you mean "from"?)`},
		{"missing to", "rules:\n  - deny: {from: internet}\n", `p.yaml:2: rules[0].deny: missing required field "to"`},
		{"empty to", "rules:\n  - deny:\n      from: internet\n      to:\n", `p.yaml:4: rules[0].deny.to: no value given`},
		{"bad tag selector", "rules:\n  - deny: {from: internet, to: \"tag:=pii\"}\n", `p.yaml:2: rules[0].deny.to: selector "tag:=pii": "tag:=pii": want tag:KEY=VALUE`},
		{"unknown kind", "rules:\n  - deny:\n      from: kind:vm\n      to: admin\n", `p.yaml:3: rules[0].deny.from: selector "kind:vm": unknown kind "vm" (kinds: internet, load-balancer, ec2-instance, imds, lambda-function, iam-user, iam-role, iam-group, account-admin, s3-bucket, kms-key, rds-instance, dynamodb-table, secret)`},
		{"empty selector term", "rules:\n  - deny: {from: \"internet,\", to: admin}\n", `p.yaml:2: rules[0].deny.from: selector "internet,": empty term`},
		{"max_hops not a number", "rules:\n  - deny: {from: internet, to: admin, max_hops: six}\n", `p.yaml:2: rules[0].deny.max_hops: want a whole number from 1 to 64, got "six"`},
		{"max_hops zero", "rules:\n  - deny: {from: internet, to: admin, max_hops: 0}\n", `p.yaml:2: rules[0].deny.max_hops: want a whole number from 1 to 64, got "0"`},
		{"limit too large", "rules:\n  - deny: {from: internet, to: admin, limit: 5000}\n", `p.yaml:2: rules[0].deny.limit: want a whole number from 1 to 1000, got "5000"`},
		{"unknown assumption", "rules:\n  - deny: {from: internet, to: admin}\n    assume: [rce, root]\n", `p.yaml:3: rules[0].assume: unknown assumption "root" (known: rce, latent)`},
		{"assume twice", "rules:\n  - deny: {from: internet, to: admin, assume: rce}\n    assume: rce\n", `p.yaml:3: rules[0].assume: assume is also given in deny; give it once`},
		{"unknown severity", "rules:\n  - deny: {from: internet, to: admin}\n    severity: urgent\n", `p.yaml:3: rules[0].severity: unknown severity "urgent" (known: critical, high, medium, low)`},
		{"bad id", "rules:\n  - id: no pii!\n    deny: {from: internet, to: admin}\n", `p.yaml:2: rules[0].id: id "no pii!": use up to 100 letters, digits, '.', '_' and '-', starting with a letter or digit`},
		{"duplicate rule id", ok + "  - deny: {from: internet, to: admin, max_hops: 3}\n", `p.yaml:3: rules[1]: duplicate rule id "deny-internet-to-admin" (first on line 2); give each rule its own id`},
		{"merge key", "x-base: &base {from: internet}\nrules:\n  - deny: {<<: *base, to: admin}\n", `p.yaml:1: unknown field "x-base"`},
		{"merge key in deny", "rules:\n  - deny:\n      <<: {from: internet}\n      to: admin\n", `p.yaml:3: rules[0].deny: merge keys (<<) are not supported in policy files`},
		{"allow not a list", ok + "allow: {fingerprint: x}\n", "p.yaml:3: allow: want a list, got a mapping"},
		{"allow without fingerprint", ok + "allow:\n  - {reason: x}\n", `p.yaml:4: allow[0]: missing required field "fingerprint"`},
		{"bad fingerprint", ok + "allow:\n  - {fingerprint: abc, reason: x}\n", `p.yaml:4: allow[0].fingerprint: "abc": want the 16 hex digits of a path's fingerprint, as check prints it`},
		{"allow without reason", ok + "allow:\n  - fingerprint: b479efb2f77d5547\n", `p.yaml:4: allow[0]: missing required field "reason"`},
		{"blank reason", ok + "allow:\n  - {fingerprint: b479efb2f77d5547, reason: \"  \"}\n", `p.yaml:4: allow[0].reason: say why the path is accepted`},
		{"impossible date", ok + "allow:\n  - fingerprint: b479efb2f77d5547\n    reason: x\n    expires: 2027-02-30\n", `p.yaml:6: allow[0].expires: want a date as YYYY-MM-DD, got "2027-02-30"`},
		{"date with a time", ok + "allow:\n  - {fingerprint: b479efb2f77d5547, reason: x, expires: 2027-03-01T10:00:00Z}\n", `p.yaml:4: allow[0].expires: want a date as YYYY-MM-DD, got "2027-03-01T10:00:00Z"`},
		{"empty expiry", ok + "allow:\n  - fingerprint: b479efb2f77d5547\n    reason: x\n    expires:\n", `p.yaml:6: allow[0].expires: no value given`},
		{"unknown allow field", ok + "allow:\n  - {fingerprint: b479efb2f77d5547, reason: x, expiry: 2027-03-01}\n", `p.yaml:4: allow[0]: unknown field "expiry" (did you mean "expires"?)`},
		{"allowed twice", ok + "allow:\n  - {fingerprint: b479efb2f77d5547, reason: x}\n  - {fingerprint: B479EFB2F77D5547, reason: y}\n", `p.yaml:5: allow[1].fingerprint: fingerprint b479efb2f77d5547 is already allowed on line 4`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePolicy("p.yaml", []byte(tt.policy))
			require.Error(t, err)
			assert.Nil(t, p)
			assert.Equal(t, tt.want, err.Error())
			var pe *PolicyError
			assert.ErrorAs(t, err, &pe)
		})
	}
}

func TestLoadPolicyNamesAMissingFile(t *testing.T) {
	_, err := LoadPolicy(filepath.Join(t.TempDir(), "nope.yaml"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nope.yaml")
}

func TestPolicyAliasesAreFollowed(t *testing.T) {
	p, err := ParsePolicy("p.yaml", []byte(`rules:
  - {id: a, deny: &internet-to-admin {from: internet, to: admin}}
  - {id: b, severity: low, deny: *internet-to-admin}
`))
	require.NoError(t, err)
	require.Len(t, p.Rules, 2)
	assert.Equal(t, "admin", p.Rules[1].To.String())
	assert.Equal(t, SeverityLow, p.Rules[1].Severity)
}
