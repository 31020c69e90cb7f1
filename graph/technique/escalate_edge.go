package technique

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// escalation is one escalation edge being assembled: the decisions that
// allow each permission it needs, and the facts it relies on.
type escalation struct {
	edge graph.Edge
}

func newEscalation(from, to, format string, args ...any) *escalation {
	return &escalation{edge: graph.Edge{From: from, To: to, Explanation: fmt.Sprintf(format, args...),
		Evidence: make([]graph.Evidence, 0, 6)}}
}

// allow records a decision that allows one of the permissions.
func (e *escalation) allow(env *Env, d iam.Decision) *escalation {
	e.edge.Evidence = append(e.edge.Evidence, env.statementEvidence(d)...)
	e.edge.Conditions = append(e.edge.Conditions, d.Conditions...)
	return e
}

// fact records configuration the step relies on beyond permissions.
func (e *escalation) fact(kind, source, format string, args ...any) *escalation {
	e.edge.Evidence = append(e.edge.Evidence, graph.Evidence{Kind: kind, Source: source, Detail: fmt.Sprintf(format, args...)})
	return e
}

// admin records that the step leaves its principal admin-equivalent.
func (e *escalation) admin(r adminResult) *escalation {
	e.edge.Evidence = append(e.edge.Evidence, r.evidence...)
	e.edge.Conditions = append(e.edge.Conditions, r.conditions...)
	return e
}

func (e *escalation) conditional() bool { return len(e.edge.Conditions) > 0 }

// emitEscalation adds the edge: evidence and conditions deduplicated (one
// statement often grants several of the permissions), and a conditional
// hop says what it depends on. A conditional hop from a principal that is
// admin under conditions is dropped: under its conditions the principal is
// admin already, and only a hop that needs none (such as enabling MFA)
// improves its position.
func (env *Env) emitEscalation(t *Technique, e *escalation) error {
	e.edge.Evidence = dedupeEvidence(e.edge.Evidence)
	e.edge.Conditions = dedupeConditionRefs(e.edge.Conditions)
	if n, ok := env.node(e.edge.From); ok && n.Admin && e.conditional() {
		return nil
	}
	if e.conditional() {
		e.edge.Explanation += " It works " + conditionNote(e.edge.Conditions) + "."
	}
	return env.emit(t, e.edge)
}

// dedupeEvidence keeps the first of equal pieces of evidence, in place.
func dedupeEvidence(ev []graph.Evidence) []graph.Evidence {
	out := ev[:0]
	for _, x := range ev {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// best keeps, of the ways a technique links the same two nodes, the first
// unconditional one, else the first conditional one: one edge per pair
// and technique keeps answers short, and shows the way that surely works.
type best struct{ e *escalation }

// offer considers e (nil for a way that does not work) and reports
// whether the search can stop.
func (b *best) offer(e *escalation) bool {
	if e != nil && (b.e == nil || (b.e.conditional() && !e.conditional())) {
		b.e = e
	}
	return b.e != nil && !b.e.conditional()
}

func (b *best) emit(env *Env, t *Technique) error {
	if b.e == nil {
		return nil
	}
	err := env.emitEscalation(t, b.e)
	b.e = nil
	return err
}

// permit decides one permission an escalation needs, in the escalation
// request context; ok is false when it is denied.
func (env *Env) permit(principal, action, resource string, res resourceSide) (iam.Decision, bool, error) {
	res.context = env.requestContext(res.context)
	d, err := env.authz.decide(principal, action, resource, res)
	if err != nil {
		return d, false, err
	}
	return d, d.Outcome != iam.Denied, nil
}

// permitAll decides several permissions on pattern resources (the new
// resource a step creates, "some function of the account"), stopping at
// the first one denied.
func (env *Env) permitAll(principal string, reqs []serviceRequest) ([]iam.Decision, bool, error) {
	var out []iam.Decision
	for _, r := range reqs {
		d, ok, err := env.permit(principal, r.action, r.resource(accountOf(principal)), resourceSide{owner: accountOf(principal), pattern: true})
		if err != nil || !ok {
			return nil, false, err
		}
		out = append(out, d)
	}
	return out, true, nil
}

// serviceRequest is a permission on a resource the step creates or picks:
// a pattern such as arn:aws:lambda:*:<account>:function:*.
type serviceRequest struct {
	action  string
	pattern string // with %s for the account
}

func (r serviceRequest) resource(account string) string {
	if !strings.Contains(r.pattern, "%s") {
		return r.pattern
	}
	return fmt.Sprintf(r.pattern, account)
}

// actionsOf lists the distinct actions of some requests, in order.
func actionsOf(reqs []serviceRequest) []string {
	var out []string
	for _, r := range reqs {
		if !slices.Contains(out, r.action) {
			out = append(out, r.action)
		}
	}
	return out
}
