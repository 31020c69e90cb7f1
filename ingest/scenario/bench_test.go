package scenario

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func BenchmarkParseCapitalOne(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "scenarios", "capital-one.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("capital-one.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge parses a generated scenario far larger than anyone
// writes by hand (1,000 instances and roles), to show the loader scales
// linearly.
func BenchmarkParseLarge(b *testing.B) {
	data := []byte(largeScenario(1000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("large.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func largeScenario(n int) string {
	var s strings.Builder
	s.WriteString("name: large\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/8\n        internet_gateway: igw-0a\n        subnets:\n")
	for i := range n {
		fmt.Fprintf(&s, "          - {id: subnet-%d, cidr: 10.%d.%d.0/24, routes: {0.0.0.0/0: igw-0a}}\n", i, i/256, i%256)
	}
	s.WriteString("        security_groups:\n")
	for i := range n {
		fmt.Fprintf(&s, "          - {id: sg-%d, ingress: [{protocol: tcp, port: 443, from: [0.0.0.0/0, sg-%d]}]}\n", i, (i+1)%n)
	}
	s.WriteString("    instances:\n")
	for i := range n {
		fmt.Fprintf(&s, "      - {id: i-%d, subnet: subnet-%d, security_groups: sg-%d, instance_profile: p%d}\n", i, i, i, i)
	}
	s.WriteString("    policies:\n      - {name: shared, document: {Statement: {Effect: Allow, Action: \"s3:*\", Resource: \"*\"}}}\n    roles:\n")
	for i := range n {
		fmt.Fprintf(&s, "      - {name: r%d, trusted_by: ec2.amazonaws.com, instance_profiles: p%d, attached: [shared, ReadOnlyAccess],"+
			" policies: {p: {Statement: {Effect: Allow, Action: \"s3:GetObject\", Resource: \"arn:aws:s3:::b%d/*\"}}}}\n", i, i, i)
	}
	return s.String()
}
