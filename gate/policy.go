package gate

import (
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// Policy is a parsed policy file: rules that must hold and the paths that
// are allowed to break them for a while.
type Policy struct {
	// File is the policy file's name as given, for messages and for the
	// location of a rule in SARIF.
	File  string
	Rules []*Rule
	Allow []*Allow
}

// Rule denies every attack path from From to To (within MaxHops hops,
// granting the attacker Assume). A rule holds when no such path exists
// that is neither allowed nor in the baseline.
type Rule struct {
	// ID is stable across runs: SARIF rule ids, JUnit test names and
	// baseline entries use it. It defaults to a slug of the name, or of
	// the query ("deny-internet-to-admin").
	ID          string
	Name        string
	Description string
	Severity    Severity
	From, To    queries.Selector
	MaxHops     int
	Assume      []graph.Assumption
	// Limit is how many violating paths a report shows for the rule.
	Limit int
	// Line is where the rule starts in the policy file (0 for the default
	// rule, which no file holds).
	Line int
}

// Title is the rule's name, or its id when it has none.
func (r *Rule) Title() string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}

// Options are the path query options the rule runs with, for limit paths.
func (r *Rule) Options(limit int) queries.PathOptions {
	return queries.PathOptions{Limit: limit, MaxHops: r.MaxHops, Assume: r.Assume}
}

// Allow lets the path with Fingerprint break the rules until Expires (a
// date; the zero time for never). Reason says why the risk is accepted.
type Allow struct {
	Fingerprint string
	Reason      string
	Expires     time.Time
	Line        int
}

// ActiveOn reports whether the allow still applies on day: an allow that
// expires on 2027-03-01 suppresses through 2027-02-28.
func (a *Allow) ActiveOn(day time.Time) bool {
	return a.Expires.IsZero() || day.Before(a.Expires)
}

// Severity says how bad a violation of a rule is; it sets the SARIF
// security-severity that GitHub code scanning sorts alerts by.
type Severity string

// The severities a rule may have; DefaultSeverity when it says none.
const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
	DefaultSeverity           = SeverityHigh
)

// Severities lists the severities, worst first.
func Severities() []Severity {
	return []Severity{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow}
}

// Defaults for rules that do not say.
const (
	// DefaultRuleLimit is how many violating paths a report shows per rule.
	DefaultRuleLimit = 10
	// MaxRuleLimit bounds limit and max_hops values, so that a typo cannot
	// ask for a search that never ends.
	MaxRuleLimit = 1000
	MaxRuleHops  = 64
)

// DefaultRule is the query that baseline and diff run without a policy:
// every path from the internet to the crown jewels (sensitive data stores
// and admin).
func DefaultRule() *Rule {
	return &Rule{
		ID:       "internet-to-crown-jewels",
		Name:     "No attack path from the internet to the crown jewels",
		Severity: DefaultSeverity,
		From:     queries.MustSelector("internet"),
		To:       queries.MustSelector("crown-jewels"),
		MaxHops:  queries.DefaultMaxHops,
		Limit:    DefaultRuleLimit,
	}
}
