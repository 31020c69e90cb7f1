package gate

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParsePolicy feeds arbitrary bytes to the policy parser: it must never
// panic, every error must be a *PolicyError naming the file, and a policy it
// accepts must be usable (rules with valid, unique ids; allows with
// well-formed fingerprints). Seeds are in testdata/fuzz/FuzzParsePolicy.
func FuzzParsePolicy(f *testing.F) {
	f.Add([]byte("rules:\n  - deny: {from: internet, to: admin}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy("p.yaml", data)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) || pe.File != "p.yaml" {
				t.Fatalf("error %q is not a PolicyError of p.yaml", err)
			}
			return
		}
		if len(p.Rules) == 0 {
			t.Fatal("accepted a policy without rules")
		}
		ids := map[string]bool{}
		for _, r := range p.Rules {
			if !ruleID.MatchString(r.ID) || ids[r.ID] {
				t.Fatalf("rule id %q is invalid or repeated", r.ID)
			}
			ids[r.ID] = true
			if r.MaxHops < 1 || r.Limit < 1 {
				t.Fatalf("rule %s: max hops %d, limit %d", r.ID, r.MaxHops, r.Limit)
			}
		}
		for _, a := range p.Allow {
			if !fingerprintForm.MatchString(a.Fingerprint) || a.Reason == "" {
				t.Fatalf("allow %+v accepted", a)
			}
		}
	})
}

// FuzzReadBaseline feeds arbitrary bytes to the baseline reader: it must
// never panic, and a baseline it accepts holds only entries whose
// fingerprint matches their key, each found by Has. Seeds are in
// testdata/fuzz/FuzzReadBaseline.
func FuzzReadBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "created": "2026-06-01T00:00:00Z", "paths": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadBaseline("b.json", bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, e := range b.Paths {
			if !e.Key().Valid() || e.Key().Fingerprint() != e.Fingerprint || !b.Has(e.Fingerprint) {
				t.Fatalf("accepted entry %+v", e)
			}
		}
	})
}
