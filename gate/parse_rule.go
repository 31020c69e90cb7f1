package gate

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// ruleID is what a rule id may look like: it names SARIF rules and JUnit
// test cases, so it stays plain.
var ruleID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// fingerprintForm is a fingerprint as check prints it.
var fingerprintForm = regexp.MustCompile(`^[0-9a-f]{16}$`)

func (r *reader) rule(n *yaml.Node, path string, number int) *Rule {
	n = r.resolve(n)
	rule := &Rule{Severity: DefaultSeverity, MaxHops: queries.DefaultMaxHops, Limit: DefaultRuleLimit}
	m := r.mapping(n, path, "id", "name", "description", "severity", "assume", "deny")
	if r.err != nil {
		return rule
	}
	rule.Line = n.Line
	rule.Name = strings.TrimSpace(r.str(m.get("name")))
	rule.Description = strings.TrimSpace(r.str(m.get("description")))
	if f, ok := r.opt(m, "severity"); ok {
		rule.Severity = r.severity(f)
	}
	deny, _ := r.need(m, "deny", n.Line, path)
	r.query(rule, deny)
	rule.Assume = r.assumptions(m.get("assume"), rule.Assume)
	if f, ok := r.opt(m, "id"); ok {
		rule.ID = r.str(f)
		if r.err == nil && !ruleID.MatchString(rule.ID) {
			r.failAt(f.val.Line, f.path, "id %q: use up to 100 letters, digits, '.', '_' and '-', starting with a letter or digit", rule.ID)
		}
	} else {
		rule.ID = defaultRuleID(rule, number)
	}
	return rule
}

// query reads a rule's deny mapping: the path query the rule forbids.
func (r *reader) query(rule *Rule, deny field) {
	if r.err != nil {
		return
	}
	d := r.mapping(deny.val, deny.path, "from", "to", "max_hops", "assume", "limit")
	from, _ := r.need(d, "from", deny.val.Line, deny.path)
	to, _ := r.need(d, "to", deny.val.Line, deny.path)
	rule.From = r.selector(from)
	rule.To = r.selector(to)
	if f, ok := r.opt(d, "max_hops"); ok {
		rule.MaxHops = r.intIn(f, 1, MaxRuleHops)
	}
	if f, ok := r.opt(d, "limit"); ok {
		rule.Limit = r.intIn(f, 1, MaxRuleLimit)
	}
	rule.Assume = r.assumptions(d.get("assume"), nil)
}

func (r *reader) selector(f field) queries.Selector {
	text := r.str(f)
	if r.err != nil {
		return queries.Selector{}
	}
	sel, err := queries.ParseSelector(text)
	if err != nil {
		r.failAt(f.val.Line, f.path, "%v", err)
	}
	return sel
}

// assumptions reads an assume list; a rule may give it beside deny or in
// it, not both (earlier holds what the other place gave).
func (r *reader) assumptions(f field, earlier []graph.Assumption) []graph.Assumption {
	if f.val == nil || r.err != nil {
		return earlier
	}
	if earlier != nil {
		r.failAt(f.key.Line, f.path, "assume is also given in deny; give it once")
		return nil
	}
	out := []graph.Assumption{}
	for _, a := range r.stringList(f) {
		a = strings.TrimSpace(a)
		if graph.AssumptionMask(graph.Assumption(a)) == 0 && r.err == nil {
			r.failAt(f.val.Line, f.path, "unknown assumption %q (known: rce, latent)", a)
			return nil
		}
		if !slices.Contains(out, graph.Assumption(a)) {
			out = append(out, graph.Assumption(a))
		}
	}
	return out
}

func (r *reader) severity(f field) Severity {
	s := Severity(strings.ToLower(r.str(f)))
	if r.err == nil && !slices.Contains(Severities(), s) {
		r.failAt(f.val.Line, f.path, "unknown severity %q (known: critical, high, medium, low)", f.val.Value)
	}
	return s
}

func (r *reader) allow(n *yaml.Node, path string) *Allow {
	n = r.resolve(n)
	a := &Allow{}
	m := r.mapping(n, path, "fingerprint", "reason", "expires")
	if r.err != nil {
		return a
	}
	a.Line = n.Line
	fp, _ := r.need(m, "fingerprint", n.Line, path)
	a.Fingerprint = strings.ToLower(r.str(fp))
	if r.err == nil && !fingerprintForm.MatchString(a.Fingerprint) {
		r.failAt(fp.val.Line, fp.path, "%q: want the 16 hex digits of a path's fingerprint, as check prints it", fp.val.Value)
	}
	reason, _ := r.need(m, "reason", n.Line, path)
	a.Reason = strings.TrimSpace(r.str(reason))
	if r.err == nil && a.Reason == "" {
		r.failAt(reason.val.Line, reason.path, "say why the path is accepted")
	}
	if f, ok := r.opt(m, "expires"); ok {
		a.Expires = r.date(f)
	}
	return a
}

func (r *reader) date(f field) time.Time {
	s := r.str(f)
	if r.err != nil {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		r.failAt(f.val.Line, f.path, "want a date as YYYY-MM-DD, got %q", s)
	}
	return d
}

// defaultRuleID is a slug of the rule's name, or of its query; number
// keeps it non-empty when neither has a letter or digit.
func defaultRuleID(rule *Rule, number int) string {
	if s := slug(rule.Name); s != "" {
		return s
	}
	if s := slug(rule.From.String()) + "-to-" + slug(rule.To.String()); !strings.HasPrefix(s, "-") && !strings.HasSuffix(s, "-") {
		return "deny-" + s
	}
	return fmt.Sprintf("rule-%d", number)
}

func slug(s string) string {
	var sb strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(c)
			dash = false
			continue
		}
		dash = true
	}
	out := sb.String()
	if len(out) > 90 {
		out = strings.TrimRight(out[:90], "-")
	}
	return out
}
