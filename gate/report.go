package gate

import (
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// Status says what a path found by a rule means for the gate.
type Status string

// The statuses of a finding. Only violations fail the gate.
const (
	// StatusViolation: the path breaks the rule; nothing suppresses it
	// (or the allow that did has expired).
	StatusViolation Status = "violation"
	// StatusAllowed: an allow entry of the policy, not expired, accepts it.
	StatusAllowed Status = "allowed"
	// StatusBaselined: the baseline holds it, so it is not new.
	StatusBaselined Status = "baselined"
)

// Finding is one path a rule found, with what the gate makes of it.
type Finding struct {
	Path        queries.Path
	Key         Key
	Fingerprint string
	Summary     string
	Status      Status
	// Allow is the policy's allow entry for this fingerprint, if any:
	// active when Status is StatusAllowed, expired when it is a violation.
	Allow *Allow
}

// AllowExpired reports whether an allow entry named the path but has
// expired, so the path counts again.
func (f Finding) AllowExpired() bool { return f.Allow != nil && f.Status == StatusViolation }

// RuleResult is what one rule found, cheapest path first.
type RuleResult struct {
	Rule     *Rule
	Findings []Finding
	// More is set when the rule has more paths than the report shows:
	// violations beyond Rule.Limit, or paths beyond the search's bound.
	More bool
}

// Violations returns the findings that fail the gate.
func (r RuleResult) Violations() []Finding { return r.with(StatusViolation) }

// Suppressed returns the findings that an allow or the baseline accepts.
func (r RuleResult) Suppressed() []Finding {
	return append(r.with(StatusAllowed), r.with(StatusBaselined)...)
}

func (r RuleResult) with(s Status) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Status == s {
			out = append(out, f)
		}
	}
	return out
}

// Passed reports whether the rule holds.
func (r RuleResult) Passed() bool { return len(r.Violations()) == 0 }

// Report is the outcome of checking a graph against a policy.
type Report struct {
	Policy *Policy
	// Graph is the graph the paths are on, for rendering them.
	Graph *graph.Graph
	Rules []RuleResult
	// Baseline is the baseline the check compared with, or nil.
	Baseline *Baseline
	// Fixed lists the baseline's paths that no longer exist in Graph.
	Fixed []BaselineEntry
	// Warnings are the graph's warnings and the gate's own.
	Warnings []string
	// Date is the day allow expiry was judged on.
	Date time.Time
}

// Passed reports whether every rule holds.
func (r *Report) Passed() bool {
	for _, rr := range r.Rules {
		if !rr.Passed() {
			return false
		}
	}
	return true
}

// Failed returns the number of rules that do not hold.
func (r *Report) Failed() int {
	n := 0
	for _, rr := range r.Rules {
		if !rr.Passed() {
			n++
		}
	}
	return n
}
