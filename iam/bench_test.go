package iam

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// benchSet is a principal with 10 attached policies of 20 statements each:
// a mix of services, wildcards, resource patterns and conditions, with
// one policy that allows the request and one SCP level.
func benchSet(tb testing.TB) PolicySet {
	services := []string{"ec2", "iam", "kms", "lambda", "dynamodb", "sqs", "sns", "logs", "s3", "rds"}
	var set PolicySet
	for p := 0; p < 10; p++ {
		var list []string
		for s := 0; s < 20; s++ {
			svc := services[(p+s)%len(services)]
			stmt := fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["%s:Describe*","%s:Get%dThing"],"Resource":"arn:aws:%s:eu-west-1:111111111111:thing/%d/*"}`,
				s, svc, svc, s, svc, s)
			if s%5 == 0 {
				stmt = fmt.Sprintf(`{"Effect":"Deny","Action":"%s:Delete*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}`, svc)
			}
			list = append(list, stmt)
		}
		if p == 7 {
			list[3] = `{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}`
		}
		set.Identity = append(set.Identity, attached(fmt.Sprintf("p%d", p), IdentityPolicy, pol(tb, stmts(strings.Join(list, ",")))))
	}
	set.SCPs = [][]Attached{{attached("full", SCPPolicy, pol(tb, stmts(allowAllAll)))}}
	return set
}

func benchRequest() Request {
	r := get(Principal{ARN: alice, Tags: map[string]string{"team": "data"}}, object)
	r.UnknownByDefault = true
	return r
}

func BenchmarkEvaluate10x20(b *testing.B) {
	set, req := benchSet(b), benchRequest()
	d, err := Evaluate(req, set)
	require.NoError(b, err)
	require.Equal(b, Allowed, d.Outcome)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		_, _ = Evaluate(req, set)
	}
}

func BenchmarkEvaluate10x20Denied(b *testing.B) {
	set, req := benchSet(b), benchRequest()
	req.Action = "s3:PutObject"
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		_, _ = Evaluate(req, set)
	}
}

func BenchmarkEvaluate10x20Conditional(b *testing.B) {
	set, req := benchSet(b), benchRequest()
	req.Principal.Tags = nil
	d, err := Evaluate(req, set)
	require.NoError(b, err)
	require.Equal(b, Conditional, d.Outcome)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		_, _ = Evaluate(req, set)
	}
}

func BenchmarkEvaluate10x20Pattern(b *testing.B) {
	set, req := benchSet(b), benchRequest()
	req.Resource, req.ResourceIsPattern = "arn:aws:s3:::reports/*", true
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		_, _ = Evaluate(req, set)
	}
}

// reportCPU adds the process's CPU time per operation ("cpu-ns/op"): on a
// shared machine wall time per operation includes time spent waiting for
// a core, CPU time does not.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkMatchWildcard(b *testing.B) {
	for b.Loop() {
		MatchWildcard("arn:aws:s3:::reports/*/q?.csv", "arn:aws:s3:::reports/2026/q3.csv")
	}
}

func BenchmarkCompile10x20(b *testing.B) {
	set := benchSet(b)
	docs := make([][]byte, len(set.Identity))
	for i, a := range set.Identity {
		docs[i] = a.Policy.Raw()
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			p, _ := Parse(d)
			_ = p.Compile()
		}
	}
}
