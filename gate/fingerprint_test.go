package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// capitalOneFingerprint is the fingerprint of the Capital One path
// (internet → i-0waf → its metadata → waf-role → customer-data). It is
// pinned: allow lists and baselines in users' repositories hold it, so a
// change of the encoding must be deliberate (a new fingerprintDomain).
const capitalOneFingerprint = "b479efb2f77d5547"

func onlyPath(t *testing.T, g *graph.Graph) queries.Path {
	t.Helper()
	r := piiRule(10)
	sources, targets, err := resolve(g, r)
	require.NoError(t, err)
	paths := queries.Paths(g, sources, targets, r.Options(10))
	require.Len(t, paths, 1)
	return paths[0]
}

func TestFingerprintOfTheCapitalOnePath(t *testing.T) {
	g := scenarioGraph(t, "capital-one.yaml")
	p := onlyPath(t, g)
	k := KeyOf(g, p)
	assert.Equal(t, []string{"internet", "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf",
		"arn:aws:ec2:us-east-1:111122223333:instance/i-0waf/imds", "arn:aws:iam::111122223333:role/waf-role",
		"arn:aws:s3:::customer-data"}, k.Nodes)
	assert.Equal(t, [][]string{{"internet-ingress"}, {"ssrf-imdsv1"}, {"instance-credentials"}, {"s3-read"}}, k.Techniques)
	assert.Equal(t, capitalOneFingerprint, k.Fingerprint())
	assert.Len(t, k.Fingerprint(), FingerprintLen)
	assert.Equal(t, "internet -(internet-ingress)-> i-0waf -(ssrf-imdsv1)-> i-0waf metadata -(instance-credentials)-> waf-role -(s3-read)-> customer-data", Summary(g, p))
}

// TestFingerprintIgnoresUnrelatedChanges builds the same path in graphs that
// differ in costs, evidence and other nodes: the fingerprint is the same.
func TestFingerprintIgnoresUnrelatedChanges(t *testing.T) {
	base := []hop{{"internet", "web", "internet-ingress", 1}, {"web", "pii-orders", "s3-read", 1}}
	want := KeyOf(handGraph(t, base...), onlyPath(t, handGraph(t, base...))).Fingerprint()

	dearer := []hop{{"internet", "web", "internet-ingress", 7}, {"web", "pii-orders", "s3-read", 0.5}}
	more := append([]hop{{"internet", "other", "internet-ingress", 1}, {"other", "web", "assume-role", 9}}, base...)
	for name, hops := range map[string][]hop{"other costs": dearer, "other nodes and edges": more} {
		g := handGraph(t, hops...)
		r := piiRule(10)
		sources, targets, err := resolve(g, r)
		require.NoError(t, err)
		found := false
		for _, p := range queries.Paths(g, sources, targets, r.Options(10)) {
			found = found || KeyOf(g, p).Fingerprint() == want
		}
		assert.True(t, found, name)
	}
}

func TestFingerprintChangesWithThePath(t *testing.T) {
	k := Key{Nodes: []string{"internet", "web", "pii"}, Techniques: [][]string{{"internet-ingress"}, {"s3-read"}}}
	variants := map[string]Key{
		"another node":         {Nodes: []string{"internet", "web2", "pii"}, Techniques: k.Techniques},
		"another technique":    {Nodes: k.Nodes, Techniques: [][]string{{"internet-ingress"}, {"secretsmanager-read"}}},
		"one more technique":   {Nodes: k.Nodes, Techniques: [][]string{{"internet-ingress"}, {"kms-decrypt", "s3-read"}}},
		"techniques in one id": {Nodes: k.Nodes, Techniques: [][]string{{"internet-ingress"}, {"kms-decrypt+s3-read"}}},
	}
	for name, v := range variants {
		assert.NotEqual(t, k.Fingerprint(), v.Fingerprint(), name)
	}
	assert.NotEqual(t, variants["one more technique"].Fingerprint(), variants["techniques in one id"].Fingerprint(),
		"a technique id holding a + is not two techniques")
}

func TestKeyExistsIn(t *testing.T) {
	g := scenarioGraph(t, "capital-one.yaml")
	k := KeyOf(g, onlyPath(t, g))
	assert.True(t, k.ExistsIn(g, 0))
	assert.False(t, k.ExistsIn(scenarioGraph(t, "capital-one-imdsv2.yaml"), 0), "IMDSv2 removes the ssrf-imdsv1 hop")

	other := k
	other.Techniques = [][]string{{"internet-ingress"}, {"ssrf-imdsv1"}, {"instance-credentials"}, {"kms-decrypt", "s3-read"}}
	assert.False(t, other.ExistsIn(g, 0), "the same nodes with other techniques are another path")
	assert.False(t, Key{Nodes: []string{"internet"}}.ExistsIn(g, 0), "a key without a hop is no path")
}
