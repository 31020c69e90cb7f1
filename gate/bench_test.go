package gate

import (
	"fmt"
	"testing"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// wideFan is a graph with n paths internet → hN → pii-data, the k-th
// costing k+1.
func wideFan(b *testing.B, n int) *graph.Graph {
	bld := graph.NewBuilder()
	for _, id := range []string{"internet", "pii-data"} {
		if _, err := bld.AddNode(handNode(id)); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		host := fmt.Sprintf("h%04d", i)
		if _, err := bld.AddNode(handNode(host)); err != nil {
			b.Fatal(err)
		}
		for _, e := range []graph.Edge{
			{From: "internet", To: host, Technique: "internet-ingress", Cost: float64(i)},
			{From: host, To: "pii-data", Technique: "s3-read", Cost: 1},
		} {
			e.Evidence = []graph.Evidence{{Kind: "t", Source: host, Detail: "bench"}}
			if err := bld.AddEdge(e); err != nil {
				b.Fatal(err)
			}
		}
	}
	return bld.Freeze()
}

// BenchmarkCheckWithBaseline measures a check whose baseline holds the
// 500 cheapest of 1000 paths: the search must look past all of them.
func BenchmarkCheckWithBaseline(b *testing.B) {
	g := wideFan(b, 1000)
	rule := piiRule(DefaultRuleLimit)
	base, _, err := Record(g, []*Rule{rule}, 500, day, "bench")
	if err != nil {
		b.Fatal(err)
	}
	p := &Policy{File: "p.yaml", Rules: []*Rule{rule}}
	b.ResetTimer()
	for b.Loop() {
		rep, err := Evaluate(g, p, Options{Baseline: base, Date: day})
		if err != nil || len(rep.Rules[0].Violations()) != DefaultRuleLimit {
			b.Fatalf("err %v", err)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	k := Key{Nodes: []string{"internet", "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf",
		"arn:aws:ec2:us-east-1:111122223333:instance/i-0waf/imds", "arn:aws:iam::111122223333:role/waf-role",
		"arn:aws:s3:::customer-data"}, Techniques: [][]string{{"internet-ingress"}, {"ssrf-imdsv1"}, {"instance-credentials"}, {"s3-read"}}}
	for b.Loop() {
		_ = k.Fingerprint()
	}
}
