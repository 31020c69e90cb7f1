package render

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
)

// CheckJSON is what `check --format json` prints: whether the gate passed,
// and per rule every path it found with its fingerprint and status.
type CheckJSON struct {
	Policy   string          `json:"policy"`
	Date     string          `json:"date"`
	Passed   bool            `json:"passed"`
	Rules    []RuleCheckJSON `json:"rules"`
	Fixed    []FixedJSON     `json:"fixed,omitempty"`
	Warnings []string        `json:"warnings"`
}

// RuleCheckJSON is one rule and what it found. More says that the rule has
// more paths than Paths lists.
type RuleCheckJSON struct {
	ID          string             `json:"id"`
	Name        string             `json:"name,omitempty"`
	Description string             `json:"description,omitempty"`
	Severity    gate.Severity      `json:"severity"`
	Line        int                `json:"line,omitempty"`
	From        string             `json:"from"`
	To          string             `json:"to"`
	MaxHops     int                `json:"max_hops"`
	Assume      []graph.Assumption `json:"assume,omitempty"`
	Passed      bool               `json:"passed"`
	Violations  int                `json:"violations"`
	More        bool               `json:"more,omitempty"`
	Paths       []FindingJSON      `json:"paths"`
}

// FindingJSON is a path of the `paths` answer with what the gate makes of
// it: its fingerprint, its status, and the allow entry that names it.
type FindingJSON struct {
	Fingerprint string      `json:"fingerprint"`
	Status      gate.Status `json:"status"`
	Summary     string      `json:"summary"`
	Allow       *AllowJSON  `json:"allow,omitempty"`
	Path        PathJSON    `json:"path"`
}

// AllowJSON is the allow entry of a finding; Expired says it no longer
// suppresses the path.
type AllowJSON struct {
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	Expired bool   `json:"expired"`
}

// FixedJSON is a baseline path that no longer exists.
type FixedJSON struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Summary     string `json:"summary"`
}

// NewCheckJSON describes a report.
func NewCheckJSON(rep *gate.Report) CheckJSON {
	out := CheckJSON{Policy: rep.Policy.File, Date: rep.Date.Format("2006-01-02"), Passed: rep.Passed(),
		Rules: []RuleCheckJSON{}, Warnings: sortedWarnings(rep.Warnings)}
	for _, rr := range rep.Rules {
		out.Rules = append(out.Rules, ruleCheckJSON(rep.Graph, rr))
	}
	if rep.Baseline != nil {
		out.Fixed = []FixedJSON{}
		for _, e := range rep.Fixed {
			out.Fixed = append(out.Fixed, FixedJSON{Fingerprint: e.Fingerprint, Rule: e.Rule, Summary: e.Summary})
		}
	}
	return out
}

func ruleCheckJSON(g *graph.Graph, rr gate.RuleResult) RuleCheckJSON {
	r := rr.Rule
	out := RuleCheckJSON{ID: r.ID, Name: r.Name, Description: r.Description, Severity: r.Severity,
		Line: r.Line, From: r.From.String(), To: r.To.String(), MaxHops: r.MaxHops, Assume: r.Assume,
		Passed: rr.Passed(), Violations: len(rr.Violations()), More: rr.More, Paths: []FindingJSON{}}
	for _, f := range rr.Findings {
		fj := FindingJSON{Fingerprint: f.Fingerprint, Status: f.Status, Summary: f.Summary, Path: newPathJSON(g, f.Path)}
		if f.Allow != nil {
			fj.Allow = &AllowJSON{Reason: f.Allow.Reason, Expired: f.AllowExpired()}
			if !f.Allow.Expires.IsZero() {
				fj.Allow.Expires = f.Allow.Expires.Format("2006-01-02")
			}
		}
		out.Paths = append(out.Paths, fj)
	}
	return out
}

// WriteCheckJSON prints a report as indented JSON.
func WriteCheckJSON(w io.Writer, rep *gate.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewCheckJSON(rep)); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
