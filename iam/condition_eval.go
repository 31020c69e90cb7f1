package iam

import (
	"bytes"
	"encoding/base64"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// evalConditions is the Condition block: every operator and key must hold
// (AND). Conditions on unknown keys make the statement maybe, and are
// returned as what it depends on.
func (cs *compiledStatement) evalConditions(e *env, ref StatementRef) (tri, []ConditionRef) {
	out := yes
	var deps []ConditionRef
	for i := range cs.conds {
		cc := &cs.conds[i]
		switch cc.eval(e) {
		case no:
			return no, nil
		case maybe:
			out = maybe
			deps = append(deps, ConditionRef{StatementRef: ref, Effect: cs.effect, Operator: cc.src.Operator,
				Key: cc.src.Key, Values: cc.src.Values})
		}
	}
	return out, deps
}

// eval decides one operator/key pair, following the documented rules for
// a key missing from the request context.
func (cc *compiledCondition) eval(e *env) tri {
	// A policy variable that cannot be resolved invalidates the statement
	// whatever the operator (IAM UG, policy variables). Values resolve
	// before the key is looked up, as look-ups reuse a scratch slice.
	pv, res := cc.policyValues(e)
	switch res {
	case unresolvable:
		return no
	case unknownValue:
		return maybe
	}
	vals, state := e.lookup(cc.key)
	if state == keyUnknown {
		return maybe
	}
	if cc.op.family == famNull {
		for _, wantAbsent := range cc.nulls {
			if wantAbsent == (state == keyAbsent) {
				return yes
			}
		}
		return no
	}
	if state == keyAbsent {
		return triOf(cc.ifExists || cc.set == setForAll || (cc.set == setNone && cc.op.negated))
	}
	switch cc.set {
	case setForAny:
		for _, v := range vals {
			if cc.matchAny(pv, v) != cc.op.negated {
				return yes
			}
		}
		return no
	case setForAll:
		for _, v := range vals {
			if cc.matchAny(pv, v) == cc.op.negated {
				return no
			}
		}
		return yes
	}
	// A plain operator on several context values holds when any value
	// matches; its negation when none does.
	for _, v := range vals {
		if cc.matchAny(pv, v) {
			return triOf(!cc.op.negated)
		}
	}
	return triOf(cc.op.negated)
}

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// resolvedValues are a condition's policy values with variables filled in.
type resolvedValues struct {
	strs  []string
	globs []glob
	arns  []arnPattern
}

func (cc *compiledCondition) policyValues(e *env) (resolvedValues, resolution) {
	if cc.hasStatic {
		return cc.static, resolved
	}
	var rv resolvedValues
	for _, t := range cc.templates {
		switch cc.op.family {
		case famStringLike:
			g, res, _ := t.resolveGlob(e)
			if res != resolved {
				return rv, res
			}
			rv.globs = append(rv.globs, g)
		case famARN:
			g, res, _ := t.resolveGlob(e)
			if res != resolved {
				return rv, res
			}
			rv.arns = append(rv.arns, splitARNPattern(g.elems))
		default:
			s, res, _ := t.resolveString(e)
			if res != resolved {
				return rv, res
			}
			rv.strs = append(rv.strs, s)
		}
	}
	return rv, resolved
}

// matchAny is the positive test of the operator: some policy value
// matches the context value v (several values are ORed).
func (cc *compiledCondition) matchAny(pv resolvedValues, v string) bool {
	switch cc.op.family {
	case famString:
		for _, s := range pv.strs {
			if s == v {
				return true
			}
		}
	case famStringIgnoreCase:
		for _, s := range pv.strs {
			if strings.EqualFold(s, v) {
				return true
			}
		}
	case famBool:
		for _, s := range pv.strs {
			if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(v)) {
				return true
			}
		}
	case famStringLike:
		for _, g := range pv.globs {
			if g.match(v) {
				return true
			}
		}
	case famARN:
		for _, a := range pv.arns {
			if a.match(v) {
				return true
			}
		}
	default:
		return cc.matchTyped(v)
	}
	return false
}

// matchTyped handles the operators whose values are parsed, not strings.
func (cc *compiledCondition) matchTyped(v string) bool {
	switch cc.op.family {
	case famNumeric:
		n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return false
		}
		for _, p := range cc.numbers {
			if compare(n, p, cc.op.cmp) {
				return true
			}
		}
	case famDate:
		t, ok := parseDate(v)
		if !ok {
			return false
		}
		for _, p := range cc.dates {
			if compareTime(t, p, cc.op.cmp) {
				return true
			}
		}
	case famBinary:
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			b = []byte(v)
		}
		for _, p := range cc.blobs {
			if bytes.Equal(b, p) {
				return true
			}
		}
	case famIP:
		a, err := netip.ParseAddr(strings.TrimSpace(v))
		if err != nil {
			return false
		}
		a = a.Unmap().WithZone("")
		for _, p := range cc.prefixes {
			if p.Contains(a) {
				return true
			}
		}
	}
	return false
}

func compare(n, p float64, c comparison) bool {
	switch c {
	case cmpLT:
		return n < p
	case cmpLE:
		return n <= p
	case cmpGT:
		return n > p
	case cmpGE:
		return n >= p
	}
	return n == p
}

func compareTime(t, p time.Time, c comparison) bool {
	switch c {
	case cmpLT:
		return t.Before(p)
	case cmpLE:
		return !t.After(p)
	case cmpGT:
		return t.After(p)
	case cmpGE:
		return !t.Before(p)
	}
	return t.Equal(p)
}
