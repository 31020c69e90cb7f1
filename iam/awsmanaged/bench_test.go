package awsmanaged

import "testing"

// BenchmarkLoad measures the one-time cost of the first Lookup: gunzip the
// embedded catalogue and parse every document.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	queries := []string{"AdministratorAccess", "job-function/ViewOnlyAccess",
		"arn:aws:iam::aws:policy/ReadOnlyAccess", "NoSuchPolicy"}
	Lookup("warm up")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Lookup(queries[i%len(queries)])
	}
}
