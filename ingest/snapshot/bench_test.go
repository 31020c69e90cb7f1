package snapshot

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pathfinder-sec/pathfinder/ingest/snapshot/synth"
)

// large is the organisation the loader must handle: docs/performance.md
// records the figures ("## Snapshot loading").
var large = synth.Options{Accounts: 50, Roles: 10_000, Instances: 50_000, Buckets: 20_000, Seed: 1}

func BenchmarkLoadLarge(b *testing.B) {
	dir := b.TempDir()
	start := time.Now()
	if err := synth.Write(dir, large); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %+v in %v", large, time.Since(start))
	var peak uint64
	var cpu time.Duration
	for b.Loop() {
		runtime.GC()
		stop := sampleHeap(&peak)
		before := processCPU()
		est, err := Load(dir)
		cpu += processCPU() - before
		stop()
		if err != nil {
			b.Fatal(err)
		}
		if len(est.Instances) != large.Instances || len(est.Roles) != large.Roles || len(est.Buckets) != large.Buckets {
			b.Fatalf("loaded %d instances, %d roles, %d buckets", len(est.Instances), len(est.Roles), len(est.Buckets))
		}
		runtime.GC()
		b.ReportMetric(float64(heapBytes())/(1<<20), "retained-MB")
		runtime.KeepAlive(est)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// sampleHeap records the largest heap seen until the returned function is
// called. runtime/metrics reads without stopping the world.
func sampleHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for !done.Load() {
			if h := heapBytes(); h > atomic.LoadUint64(peak) {
				atomic.StoreUint64(peak, h)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return func() {
		done.Store(true)
		<-finished
		if h := heapBytes(); h > *peak {
			*peak = h
		}
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
