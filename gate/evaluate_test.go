package gate

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

var day = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func piiPolicy(allows ...*Allow) *Policy {
	r := piiRule(DefaultRuleLimit)
	r.Line = 2
	return &Policy{File: "p.yaml", Rules: []*Rule{r}, Allow: allows}
}

func TestEvaluateFindsTheCapitalOnePath(t *testing.T) {
	rep, err := Evaluate(scenarioGraph(t, "capital-one.yaml"), piiPolicy(), Options{Date: day, Warnings: []string{"b", "a", "b"}})
	require.NoError(t, err)
	assert.False(t, rep.Passed())
	assert.Equal(t, 1, rep.Failed())
	require.Len(t, rep.Rules, 1)
	assert.Equal(t, []string{capitalOneFingerprint}, fingerprints(rep.Rules[0].Violations()))
	assert.False(t, rep.Rules[0].More)
	assert.Equal(t, []string{"a", "b"}, rep.Warnings, "warnings are sorted and deduplicated")

	rep, err = Evaluate(scenarioGraph(t, "capital-one-imdsv2.yaml"), piiPolicy(), Options{Date: day})
	require.NoError(t, err)
	assert.True(t, rep.Passed())
	assert.Empty(t, rep.Rules[0].Findings)
}

func TestAllowSuppressesUntilItExpires(t *testing.T) {
	g := scenarioGraph(t, "capital-one.yaml")
	allow := &Allow{Fingerprint: capitalOneFingerprint, Reason: "WAF moves in Q1", Expires: time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)}

	rep, err := Evaluate(g, piiPolicy(allow), Options{Date: day})
	require.NoError(t, err)
	assert.True(t, rep.Passed(), "the allow holds the day before it expires")
	f := rep.Rules[0].Findings[0]
	assert.Equal(t, StatusAllowed, f.Status)
	assert.Same(t, allow, f.Allow)
	assert.False(t, f.AllowExpired())

	rep, err = Evaluate(g, piiPolicy(allow), Options{Date: day.Add(24*time.Hour + time.Hour)})
	require.NoError(t, err)
	assert.False(t, rep.Passed(), "on its expiry date the allow no longer suppresses")
	f = rep.Rules[0].Findings[0]
	assert.Equal(t, StatusViolation, f.Status)
	assert.True(t, f.AllowExpired(), "the report says the allow expired")
}

func TestBaselineSuppressesKnownPathsAndReportsFixedOnes(t *testing.T) {
	vulnerable := scenarioGraph(t, "capital-one.yaml")
	b, warnings, err := Record(vulnerable, piiPolicy().Rules, 100, day, "test")
	require.NoError(t, err)
	assert.Empty(t, warnings)

	rep, err := Evaluate(vulnerable, piiPolicy(), Options{Date: day, Baseline: b})
	require.NoError(t, err)
	assert.True(t, rep.Passed(), "a path in the baseline is not new")
	assert.Equal(t, StatusBaselined, rep.Rules[0].Findings[0].Status)
	assert.Empty(t, rep.Fixed)

	rep, err = Evaluate(scenarioGraph(t, "capital-one-imdsv2.yaml"), piiPolicy(), Options{Date: day, Baseline: b})
	require.NoError(t, err)
	assert.True(t, rep.Passed())
	require.Len(t, rep.Fixed, 1, "requiring IMDSv2 fixed the baseline's path")
	assert.Equal(t, capitalOneFingerprint, rep.Fixed[0].Fingerprint)
}

// fan is a graph with n paths internet → hN → pii-data, the k-th costing
// k+1, so the cheapest come first.
func fan(t *testing.T, n int) *graph.Graph {
	var hops []hop
	for i := 0; i < n; i++ {
		host := fmt.Sprintf("h%02d", i)
		hops = append(hops, hop{"internet", host, "internet-ingress", float64(i)}, hop{host, "pii-data", "s3-read", 1})
	}
	return handGraph(t, hops...)
}

// TestSuppressedPathsDoNotHideViolations allows the cheapest paths of a
// rule that reports one path: the gate must look past them and still find
// the first path nobody allowed.
func TestSuppressedPathsDoNotHideViolations(t *testing.T) {
	g := fan(t, 6)
	r := piiRule(1)
	sources, targets, err := resolve(g, r)
	require.NoError(t, err)
	ev := evaluator{g: g, allows: map[string]*Allow{}, date: day}
	all := ev.classify(r, pathsOf(g, sources, targets, r, 6))
	var allows []*Allow
	for _, f := range all.Findings[:4] {
		allows = append(allows, &Allow{Fingerprint: f.Fingerprint, Reason: "known"})
	}
	p := &Policy{File: "p.yaml", Rules: []*Rule{r}, Allow: allows}
	rep, err := Evaluate(g, p, Options{Date: day})
	require.NoError(t, err)
	violations := rep.Rules[0].Violations()
	require.Len(t, violations, 1)
	assert.Equal(t, all.Findings[4].Fingerprint, violations[0].Fingerprint, "the cheapest path nobody allowed")
	assert.Len(t, rep.Rules[0].Suppressed(), 4)
	assert.True(t, rep.Rules[0].More, "one more violating path exists than the rule reports")
}

func TestEvaluateNamesTheRuleOfAnUnknownNode(t *testing.T) {
	p, err := ParsePolicy("p.yaml", []byte("rules:\n  - deny: {from: internet, to: admin}\n  - deny: {from: i-0nope, to: admin}\n"))
	require.NoError(t, err)
	_, err = Evaluate(scenarioGraph(t, "capital-one.yaml"), p, Options{Date: day})
	require.Error(t, err)
	assert.Equal(t, `p.yaml:3: rule "deny-i-0nope-to-admin": from: selector "i-0nope": no node has id or name "i-0nope"`, err.Error())
}

// TestParallelEdgesAreOnePath: two edges of the same technique between the
// same nodes (two policy statements, say) make two paths for the search but
// one path for a reader, with one fingerprint.
func TestParallelEdgesAreOnePath(t *testing.T) {
	b := graph.NewBuilder()
	for _, id := range []string{"internet", "web", "pii-data"} {
		_, err := b.AddNode(handNode(id))
		require.NoError(t, err)
	}
	ev := func(d string) []graph.Evidence {
		return []graph.Evidence{{Kind: "policy-statement", Source: "p", Detail: d}}
	}
	require.NoError(t, b.AddEdge(graph.Edge{From: "internet", To: "web", Technique: "internet-ingress", Cost: 1, Evidence: ev("sg")}))
	require.NoError(t, b.AddEdge(graph.Edge{From: "web", To: "pii-data", Technique: "s3-read", Cost: 1, Evidence: ev("statement 0")}))
	require.NoError(t, b.AddEdge(graph.Edge{From: "web", To: "pii-data", Technique: "s3-read", Cost: 1, Evidence: ev("statement 1")}))
	rep, err := Evaluate(b.Freeze(), piiPolicy(), Options{Date: day})
	require.NoError(t, err)
	assert.Len(t, rep.Rules[0].Findings, 1)
}

// TestSearchWidensPastDuplicates: when parallel edges make several paths
// share a fingerprint, suppressed fingerprints can fill more of the search
// than their number, and the search must widen to find the violation.
func TestSearchWidensPastDuplicates(t *testing.T) {
	b := graph.NewBuilder()
	_, err := b.AddNode(handNode("internet"))
	require.NoError(t, err)
	_, err = b.AddNode(handNode("pii-data"))
	require.NoError(t, err)
	for i := 0; i < 4; i++ {
		host := fmt.Sprintf("h%d", i)
		_, err := b.AddNode(handNode(host))
		require.NoError(t, err)
		require.NoError(t, b.AddEdge(graph.Edge{From: "internet", To: host, Technique: "internet-ingress", Cost: float64(i),
			Evidence: []graph.Evidence{{Kind: "t", Source: host, Detail: "ingress"}}}))
		for s := 0; s < 3; s++ {
			require.NoError(t, b.AddEdge(graph.Edge{From: host, To: "pii-data", Technique: "s3-read", Cost: 1,
				Evidence: []graph.Evidence{{Kind: "t", Source: host, Detail: fmt.Sprint("statement ", s)}}}))
		}
	}
	g := b.Freeze()
	keyOf := func(host string) string {
		return Key{Nodes: []string{"internet", host, "pii-data"}, Techniques: [][]string{{"internet-ingress"}, {"s3-read"}}}.Fingerprint()
	}
	p := &Policy{File: "p.yaml", Rules: []*Rule{piiRule(1)}, Allow: []*Allow{
		{Fingerprint: keyOf("h0"), Reason: "known"}, {Fingerprint: keyOf("h1"), Reason: "known"}}}
	rep, err := Evaluate(g, p, Options{Date: day})
	require.NoError(t, err)
	assert.Equal(t, []string{keyOf("h2")}, fingerprints(rep.Rules[0].Violations()))
	assert.Empty(t, rep.Warnings)
}
