package technique

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
)

// A bucket policy that denies requests without TLS is the most common bucket
// policy there is; an attacker simply uses TLS, so it must neither block
// nor make conditional a read that IAM allows. A deny on a key the attacker
// does not choose (MFA) keeps the read conditional, and says so.
func TestAttackerChosenContext(t *testing.T) {
	const estate = `
name: tls
accounts:
  - id: "111122223333"
    roles:
      - name: reader
        trusted_by: ec2.amazonaws.com
        policies:
          read: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
    buckets:
      - name: tls-only
        policy:
          Version: "2012-10-17"
          Statement:
            - {Sid: DenyInsecureTransport, Effect: Deny, Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::tls-only", "arn:aws:s3:::tls-only/*"], Condition: {Bool: {aws:SecureTransport: "false"}}}
      - name: mfa-only
        policy:
          Version: "2012-10-17"
          Statement:
            - {Sid: DenyWithoutMFA, Effect: Deny, Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::mfa-only/*", Condition: {BoolIfExists: {aws:MultiFactorAuthPresent: "false"}}}
`
	e, err := scenario.Parse("tls.yaml", []byte(estate))
	require.NoError(t, err)
	g, _, err := Build(e, All())
	require.NoError(t, err)
	reader, _ := g.Lookup("arn:aws:iam::111122223333:role/reader")
	edges := map[string]*graph.Edge{}
	first, end := g.Out(reader)
	for id := first; id < end; id++ {
		edges[g.Node(g.To(id)).Name] = g.Edge(id)
	}
	require.Contains(t, edges, "tls-only")
	assert.False(t, edges["tls-only"].Conditional(), "TLS is the attacker's choice")
	require.Contains(t, edges, "mfa-only")
	assert.True(t, edges["mfa-only"].Conditional())
	assert.Contains(t, edges["mfa-only"].Explanation, "unless aws:MultiFactorAuthPresent BoolIfExists false (a deny)")
}
