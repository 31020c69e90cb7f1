package iam

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no document makes the parser, the compiler or the
// evaluator panic, and that a parsed document parses again to the same
// statements.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		again, err := Parse(p.Raw())
		if err != nil {
			t.Fatalf("reparse: %v", err)
		}
		if len(again.Statements) != len(p.Statements) {
			t.Fatalf("reparse: %d statements, want %d", len(again.Statements), len(p.Statements))
		}
		if p.Compile() != nil {
			return
		}
		req := Request{Principal: Principal{ARN: alice}, Action: "s3:GetObject", Resource: object,
			Context: map[string][]string{"aws:SourceIp": {"10.0.0.1"}}, UnknownByDefault: true}
		for _, typ := range []PolicyType{IdentityPolicy, ResourcePolicy, SCPPolicy} {
			a := Attached{Name: "fuzz", Type: typ, Policy: p}
			set := PolicySet{Identity: []Attached{a}}
			if typ == ResourcePolicy {
				set = PolicySet{Resource: &a}
			}
			if typ == SCPPolicy {
				set = PolicySet{SCPs: [][]Attached{{a}}}
			}
			_, _ = Evaluate(req, set)
			req.ResourceIsPattern = true
			req.Resource = "arn:aws:s3:::reports/*"
			_, _ = Evaluate(req, set)
		}
	})
}

// FuzzMatchWildcard checks the matcher against the reference matcher.
func FuzzMatchWildcard(f *testing.F) {
	f.Add("arn:aws:s3:::b/*", "arn:aws:s3:::b/k")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern)*len(s) > 1<<16 {
			return // JSON text is UTF-8; the reference matcher is quadratic in space
		}
		want := matchReference([]rune(pattern), []rune(s))
		if got := MatchWildcard(pattern, s); got != want {
			t.Fatalf("MatchWildcard(%q, %q) = %v, want %v", pattern, s, got, want)
		}
	})
}
