package iam

import (
	"slices"
	"strconv"
	"strings"
)

// decide combines the components: an explicit deny anywhere wins; then
// every organisation level and the grant formula must allow.
func (ev *evaluator) decide(g gathered) Decision {
	deny := anyOf(allDenies(g))
	if deny.t == yes {
		return Decision{Outcome: Denied, Statements: dedupeRefs(deny.refs),
			Reason: "explicitly denied by " + cite(deny.refs[0])}
	}
	parts := ev.grantParts(g)
	grant := ev.grant(parts)
	allow := and(grant, orgGuardrails(g))
	switch {
	case allow.t == no:
		return Decision{Outcome: Denied, Statements: []StatementRef{}, Reason: ev.implicitReason(g, parts)}
	case allow.t == yes && deny.t == no:
		return Decision{Outcome: Allowed, Statements: dedupeRefs(allow.refs), Reason: allowedReason(allow)}
	}
	return ev.conditional(allow, deny)
}

// conditional is the answer when unknown context values decide: the
// allow may hold only under conditions, or a Deny may apply.
func (ev *evaluator) conditional(allow, deny verdict) Decision {
	d := Decision{Outcome: Conditional}
	var deps []ConditionRef
	var refs []StatementRef
	refs = append(refs, allow.refs...)
	if allow.t == maybe {
		deps = append(deps, allow.deps...)
		refs = append(refs, allow.maybe...)
	}
	if deny.t == maybe {
		deps = append(deps, deny.deps...)
		refs = append(refs, deny.maybe...)
	}
	d.Conditions = dedupeConditions(deps)
	d.Statements = dedupeRefs(refs)
	keys := conditionKeys(d.Conditions)
	if allow.t == maybe {
		d.Reason = "conditional: allowed only if conditions on " + keys + " hold"
		return d
	}
	d.Reason = "conditional: " + allowedReason(allow) + ", unless " + cite(deny.maybe[0]) +
		" applies (depends on " + keys + ")"
	return d
}

func allowedReason(allow verdict) string {
	for _, r := range allow.refs {
		if r.Type == IdentityPolicy || r.Type == ResourcePolicy {
			return "allowed by " + cite(r)
		}
	}
	return "allowed: the account root user has full access to its own account"
}

// cite names a statement as answers and evidence do.
func cite(r StatementRef) string {
	s := r.Policy + " statement " + strconv.Itoa(r.Index)
	if r.Sid != "" {
		s += " (" + r.Sid + ")"
	}
	return s
}

func conditionKeys(conds []ConditionRef) string {
	keys := make([]string, 0, len(conds))
	for _, c := range conds {
		if !slices.ContainsFunc(keys, func(k string) bool { return strings.EqualFold(k, c.Key) }) {
			keys = append(keys, c.Key)
		}
	}
	return strings.Join(keys, ", ")
}

// dedupeRefs keeps the first of each citation, in order. Decisions cite a
// handful of statements, so a linear scan beats a map.
func dedupeRefs(refs []StatementRef) []StatementRef {
	out := make([]StatementRef, 0, len(refs))
	for _, r := range refs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func dedupeConditions(conds []ConditionRef) []ConditionRef {
	out := make([]ConditionRef, 0, len(conds))
	for _, c := range conds {
		if !slices.ContainsFunc(out, func(o ConditionRef) bool { return sameCondition(o, c) }) {
			out = append(out, c)
		}
	}
	return out
}

func sameCondition(a, b ConditionRef) bool {
	return a.StatementRef == b.StatementRef && a.Operator == b.Operator &&
		strings.EqualFold(a.Key, b.Key) && slices.Equal(a.Values, b.Values)
}
