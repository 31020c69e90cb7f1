package technique_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/pathfinder-sec/pathfinder/graph/technique"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot/synth"
)

// BenchmarkLoadAndBuildLarge loads a synthetic organisation (50 accounts,
// 10,000 roles, 50,000 instances, 20,000 buckets) from a snapshot and builds
// its attack graph: the figure of docs/performance.md, "Graph build".
func BenchmarkLoadAndBuildLarge(b *testing.B) {
	for _, size := range []struct {
		name string
		opt  synth.Options
	}{
		{"tenth", synth.Options{Accounts: 5, Roles: 1000, Instances: 5000, Buckets: 2000, Seed: 1}},
		{"full", synth.Options{Accounts: 50, Roles: 10000, Instances: 50000, Buckets: 20000, Seed: 1}},
	} {
		b.Run(size.name, func(b *testing.B) { loadAndBuild(b, size.opt) })
	}
}

func loadAndBuild(b *testing.B, opt synth.Options) {
	dir := b.TempDir()
	if err := synth.Write(dir, opt); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		runtime.GC()
		start := time.Now()
		estate, err := snapshot.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := estate.ResolveAWSManaged(); err != nil {
			b.Fatal(err)
		}
		loaded := time.Since(start)
		g, _, err := technique.Build(estate, technique.All())
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(loaded.Seconds(), "load-s")
		b.ReportMetric(time.Since(start).Seconds()-loaded.Seconds(), "build-s")
		b.ReportMetric(float64(g.NumNodes()), "nodes")
		b.ReportMetric(float64(g.NumEdges()), "edges")
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
	}
}
