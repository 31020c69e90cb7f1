package gate

import (
	"fmt"
	"slices"
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// SearchCap bounds how many paths one rule's search enumerates while every
// path it finds is allowed or in the baseline.
const SearchCap = 10_000

// Options are the inputs of a check beyond the graph and the policy.
type Options struct {
	// Baseline, when set, suppresses the paths it holds.
	Baseline *Baseline
	// Date is the day allow expiry is judged on; the zero time means
	// today (UTC), so that an expired allow never passes by omission.
	Date time.Time
	// Warnings are the graph's own warnings, carried into the report.
	Warnings []string
}

// Evaluate checks every rule of p on g, which is built once for all of
// them. An error means a rule cannot be evaluated on this graph (a selector
// names a node the estate does not have).
func Evaluate(g *graph.Graph, p *Policy, opt Options) (*Report, error) {
	date := opt.Date
	if date.IsZero() {
		date = time.Now()
	}
	date = date.UTC().Truncate(24 * time.Hour)
	rep := &Report{Policy: p, Graph: g, Baseline: opt.Baseline, Date: date, Warnings: slices.Clone(opt.Warnings)}
	ev := evaluator{g: g, allows: map[string]*Allow{}, baseline: opt.Baseline, date: date}
	for _, a := range p.Allow {
		ev.allows[a.Fingerprint] = a
	}
	for _, rule := range p.Rules {
		rr, warning, err := ev.rule(rule)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ruleWhere(p.File, rule), err)
		}
		rep.Rules = append(rep.Rules, rr)
		if warning != "" {
			rep.Warnings = append(rep.Warnings, warning)
		}
	}
	if opt.Baseline != nil {
		rep.Fixed = opt.Baseline.Fixed(g)
	}
	slices.Sort(rep.Warnings)
	rep.Warnings = slices.Compact(rep.Warnings)
	return rep, nil
}

func ruleWhere(file string, rule *Rule) string {
	if rule.Line > 0 {
		return fmt.Sprintf("%s:%d: rule %q", file, rule.Line, rule.ID)
	}
	return fmt.Sprintf("rule %q", rule.ID)
}

type evaluator struct {
	g        *graph.Graph
	allows   map[string]*Allow
	baseline *Baseline
	date     time.Time
}

// rule searches for the rule's paths. It asks for Limit paths more than
// there are suppressed fingerprints, so that suppressed paths cannot hide
// violating ones behind them, and widens the search while every path it
// finds is suppressed and more may exist.
func (ev *evaluator) rule(rule *Rule) (RuleResult, string, error) {
	sources, targets, err := resolve(ev.g, rule)
	if err != nil {
		return RuleResult{}, "", err
	}
	limit := min(rule.Limit+len(ev.allows)+ev.baseline.Len(), SearchCap)
	for {
		paths := queries.Paths(ev.g, sources, targets, rule.Options(limit))
		rr := ev.classify(rule, paths)
		complete := len(paths) < limit
		violations := len(rr.Violations())
		if complete || violations >= rule.Limit || limit >= SearchCap {
			warning := ""
			if !complete && violations == 0 {
				warning = fmt.Sprintf("rule %s: the %d cheapest paths are all allowed or in the baseline; paths beyond them were not checked", rule.ID, limit)
			}
			rr.More = !complete
			return trim(rr, rule.Limit), warning, nil
		}
		limit = min(limit*2, SearchCap)
	}
}

func resolve(g *graph.Graph, rule *Rule) (sources, targets []graph.NodeIndex, err error) {
	if sources, err = rule.From.Resolve(g); err != nil {
		return nil, nil, fmt.Errorf("from: %w", err)
	}
	if targets, err = rule.To.Resolve(g); err != nil {
		return nil, nil, fmt.Errorf("to: %w", err)
	}
	return sources, targets, nil
}

// classify turns paths into findings, one per fingerprint (two paths that
// differ only in parallel edges of the same technique are one path to a
// reader, and share it).
func (ev *evaluator) classify(rule *Rule, paths []queries.Path) RuleResult {
	rr := RuleResult{Rule: rule}
	seen := map[string]bool{}
	for _, p := range paths {
		k := KeyOf(ev.g, p)
		fp := k.Fingerprint()
		if seen[fp] {
			continue
		}
		seen[fp] = true
		f := Finding{Path: p, Key: k, Fingerprint: fp, Summary: Summary(ev.g, p), Status: StatusViolation, Allow: ev.allows[fp]}
		switch {
		case f.Allow != nil && f.Allow.ActiveOn(ev.date):
			f.Status = StatusAllowed
		case ev.baseline.Has(fp):
			f.Status = StatusBaselined
		}
		rr.Findings = append(rr.Findings, f)
	}
	return rr
}

// trim keeps the first limit violations and every suppressed finding.
func trim(rr RuleResult, limit int) RuleResult {
	kept := rr.Findings[:0:0]
	n := 0
	for _, f := range rr.Findings {
		if f.Status == StatusViolation {
			if n == limit {
				rr.More = true
				continue
			}
			n++
		}
		kept = append(kept, f)
	}
	rr.Findings = kept
	return rr
}
