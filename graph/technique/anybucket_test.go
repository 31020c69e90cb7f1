package technique

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot/synth"
)

// TestAnyBucketShortcutChangesNoEdge builds a synthetic organisation with
// and without the any-bucket shortcut and compares every edge.
func TestAnyBucketShortcutChangesNoEdge(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, synth.Write(dir, synth.Options{Accounts: 2, Roles: 60, Instances: 40, Buckets: 80, Seed: 3}))
	estate, err := snapshot.Load(dir)
	require.NoError(t, err)
	require.NoError(t, estate.ResolveAWSManaged())
	with, _, err := Build(estate, All())
	require.NoError(t, err)
	anyBucketShortcut = false
	defer func() { anyBucketShortcut = true }()
	without, _, err := Build(estate, All())
	require.NoError(t, err)
	require.Equal(t, edgeList(without), edgeList(with))
	require.Greater(t, with.NumEdges(), 100)
}

func edgeList(g *graph.Graph) []string {
	var out []string
	for e := graph.EdgeID(0); int(e) < g.NumEdges(); e++ {
		d := g.Edge(e)
		line := g.Node(g.From(e)).ID + " " + g.Node(g.To(e)).ID + " " + d.Technique + " " + d.Explanation
		for _, ev := range d.Evidence {
			line += " | " + ev.Kind + " " + ev.Source + " " + ev.Detail
		}
		out = append(out, line)
	}
	return out
}
