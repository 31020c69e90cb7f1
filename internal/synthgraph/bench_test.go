package synthgraph

import (
	"runtime"
	"testing"
)

// BenchmarkGenerateLarge builds the 1M-node, 5M-edge organisation and
// reports the heap it holds once built (after a collection, so only what
// the frozen graph keeps alive counts). Run it with:
//
//	go test ./internal/synthgraph -run '^$' -bench Large -benchtime 1x
func BenchmarkGenerateLarge(b *testing.B) {
	var heap uint64
	for b.Loop() {
		g, err := Generate(Large())
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = m.HeapAlloc
		runtime.KeepAlive(g)
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "MiB-heap")
}
