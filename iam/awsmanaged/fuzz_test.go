package awsmanaged

import (
	"testing"
)

// FuzzLookup checks that no query panics and that whatever Lookup finds
// is found again by its own ARN. Seeds: testdata/fuzz/FuzzLookup.
func FuzzLookup(f *testing.F) {
	f.Fuzz(func(t *testing.T, query string) {
		e, ok := Lookup(query)
		if !ok {
			return
		}
		again, ok := Lookup(e.ARN)
		if !ok || again.ARN != e.ARN || again.Document != e.Document {
			t.Fatalf("Lookup(%q) found %s, but Lookup of that ARN did not", query, e.ARN)
		}
	})
}
