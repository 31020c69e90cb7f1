package render

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// ruleQuery says what a rule denies, in words:
// `internet → admin (at most 6 hops, assuming rce)`.
func ruleQuery(r *gate.Rule) string {
	s := fmt.Sprintf("%s → %s (at most %d hops", r.From, r.To, r.MaxHops)
	if len(r.Assume) > 0 {
		names := make([]string, len(r.Assume))
		for i, a := range r.Assume {
			names[i] = string(a)
		}
		s += ", assuming " + strings.Join(names, ", ")
	}
	return printable(s+")", false)
}

// ruleHeadline is the rule's id, and its name when it has one.
func ruleHeadline(r *gate.Rule) string {
	if r.Name == "" {
		return printable(r.ID, false)
	}
	return printable(r.ID+": "+r.Name, false)
}

// suppressionNote says why a finding does not fail the gate, or that the
// allow which did has expired.
func suppressionNote(f gate.Finding) string {
	switch {
	case f.Status == gate.StatusAllowed:
		s := "allowed: " + f.Allow.Reason
		if !f.Allow.Expires.IsZero() {
			s += " (until " + f.Allow.Expires.Format("2006-01-02") + ")"
		}
		return printable(s, false)
	case f.Status == gate.StatusBaselined:
		return "in the baseline"
	case f.AllowExpired():
		return printable("allow expired on "+f.Allow.Expires.Format("2006-01-02")+": "+f.Allow.Reason, false)
	}
	return ""
}

// pathEnds names a path's first and last node: `internet → customer-data`.
func pathEnds(g *graph.Graph, p queries.Path) string {
	return textName(g, p.From()) + " → " + textName(g, p.To())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// CheckHeadline sums a report up in one line: "1 of 2 rules violated".
func CheckHeadline(rep *gate.Report) string {
	total := len(rep.Rules)
	if failed := rep.Failed(); failed > 0 {
		return fmt.Sprintf("%d of %s violated", failed, plural(total, "rule", "rules"))
	}
	return fmt.Sprintf("%s, all hold", plural(total, "rule", "rules"))
}
