package gate

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/graph/technique"
	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// scenarioGraph builds the attack graph of a scenario of testdata/scenarios.
func scenarioGraph(t testing.TB, name string) *graph.Graph {
	t.Helper()
	e, err := scenario.Load(filepath.Join("..", "testdata", "scenarios", name))
	require.NoError(t, err)
	require.NoError(t, e.ResolveAWSManaged())
	g, _, err := technique.Build(e, technique.All())
	require.NoError(t, err)
	return g
}

// hop is one edge of a hand-made graph.
type hop struct {
	from, to, technique string
	cost                float64
}

// handGraph builds a graph from hops. "internet" is the internet, ids that
// start with "pii-" are buckets tagged data-classification=pii, and every
// other node is an instance.
func handGraph(t testing.TB, hops ...hop) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	for _, h := range hops {
		for _, id := range []string{h.from, h.to} {
			_, err := b.AddNode(handNode(id))
			require.NoError(t, err)
		}
		require.NoError(t, b.AddEdge(graph.Edge{From: h.from, To: h.to, Technique: h.technique, Cost: h.cost,
			Explanation: h.from + " reaches " + h.to,
			Evidence:    []graph.Evidence{{Kind: "test", Source: h.from, Detail: "hand-made"}}}))
	}
	return b.Freeze()
}

func handNode(id string) graph.Node {
	switch {
	case id == graph.InternetID:
		return graph.Node{ID: id, Kind: graph.KindInternet, Name: id}
	case len(id) > 4 && id[:4] == "pii-":
		return graph.Node{ID: id, Kind: graph.KindBucket, Name: id, Tags: map[string]string{"data-classification": "pii"}}
	}
	return graph.Node{ID: id, Kind: graph.KindInstance, Name: id}
}

// piiRule denies every path from the internet to PII, reporting up to limit.
func piiRule(limit int) *Rule {
	return &Rule{ID: "no-pii", Severity: DefaultSeverity, From: queries.MustSelector("internet"),
		To: queries.MustSelector("tag:data-classification=pii"), MaxHops: queries.DefaultMaxHops, Limit: limit}
}

// fingerprints returns the fingerprints of findings, in order.
func fingerprints(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Fingerprint)
	}
	return out
}

func pathsOf(g *graph.Graph, sources, targets []graph.NodeIndex, r *Rule, limit int) []queries.Path {
	return queries.Paths(g, sources, targets, r.Options(limit))
}
