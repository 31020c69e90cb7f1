package technique_test

import (
	"runtime"
	"runtime/metrics"
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
	var load, build time.Duration
	var peak uint64
	var nodes, edges int
	runs := 0
	for b.Loop() {
		runtime.GC()
		stop := samplePeakHeap(&peak)
		start := time.Now()
		estate, err := snapshot.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		if err := estate.ResolveAWSManaged(); err != nil {
			b.Fatal(err)
		}
		loaded := time.Now()
		g, _, err := technique.Build(estate, technique.All())
		if err != nil {
			b.Fatal(err)
		}
		load += loaded.Sub(start)
		build += time.Since(loaded)
		stop()
		nodes, edges, runs = g.NumNodes(), g.NumEdges(), runs+1
	}
	b.ReportMetric(load.Seconds()/float64(runs), "load-s")
	b.ReportMetric(build.Seconds()/float64(runs), "build-s")
	b.ReportMetric((load+build).Seconds()/float64(runs), "total-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(nodes), "nodes")
	b.ReportMetric(float64(edges), "edges")
}

// samplePeakHeap records the largest live heap (objects) seen until the
// returned function is called, sampling every 5 ms through runtime/metrics,
// which does not stop the world.
func samplePeakHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
