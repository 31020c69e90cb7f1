package iam

import "fmt"

// resourceBased reports whether a policy type is attached to the resource
// side (and so carries a Principal element and may omit Resource).
func resourceBased(t PolicyType) bool { return t == ResourcePolicy || t == RCPPolicy }

// omitsResource reports whether statements of a policy type may leave out
// Resource: they then apply to the resource the policy belongs to, or, in
// organisation policies, to every resource.
func omitsResource(t PolicyType) bool { return resourceBased(t) || t == SCPPolicy }

// policyHits decides every statement of one policy that may match the
// request's action, adding the Allow and Deny statements that apply or
// may apply to the component.
func (ev *evaluator) policyHits(a *Attached, c *component) (err error) {
	if a.Policy == nil {
		return fmt.Errorf("policy %s: no document", a.Name)
	}
	cp, err := a.Policy.compiled()
	if err != nil {
		return fmt.Errorf("policy %s: %w", a.Name, err)
	}
	cp.candidates(ev.service, func(cs *compiledStatement) {
		if err != nil || !cs.matchesAction(ev.action) {
			return
		}
		var h hit
		h, err = ev.statementHit(a, cs)
		if err != nil {
			err = fmt.Errorf("policy %s: statement %d: %w", a.Name, cs.src.Index, err)
			return
		}
		switch {
		case h.t == no:
		case cs.effect == Deny:
			c.denies = append(c.denies, h)
		default:
			c.allows = append(c.allows, h)
		}
	})
	return err
}

func (ev *evaluator) statementHit(a *Attached, cs *compiledStatement) (hit, error) {
	h := hit{ref: StatementRef{Policy: a.Name, Type: a.Type, Index: cs.src.Index, Sid: cs.src.Sid}}
	kind, err := ev.principalKind(a.Type, cs)
	if err != nil || kind == grantNone {
		return h, err
	}
	h.kind = kind
	if !cs.hasResource && !omitsResource(a.Type) {
		return h, fmt.Errorf("Resource or NotResource is required in a %s policy", a.Type)
	}
	rt, rdeps := ev.matchResource(cs, h.ref)
	if rt == no {
		return h, nil
	}
	ct, cdeps := cs.evalConditions(&ev.env, h.ref)
	if ct == no {
		return h, nil
	}
	h.t = yes
	if rt == maybe || ct == maybe {
		h.t = maybe
		h.deps = append(rdeps, cdeps...)
	}
	return h, nil
}

// principalKind checks the Principal element: required in resource-based
// policies, refused in the others, where the principal is implicit.
func (ev *evaluator) principalKind(t PolicyType, cs *compiledStatement) (grantKind, error) {
	s := cs.src
	if !resourceBased(t) {
		if s.Principal != nil || s.NotPrincipal != nil {
			return grantNone, fmt.Errorf("a %s policy cannot have Principal or NotPrincipal", t)
		}
		return grantDirect, nil
	}
	switch {
	case s.Principal != nil:
		return ev.caller.matchPrincipals(s.Principal), nil
	case s.NotPrincipal != nil:
		if ev.caller.excludedBy(s.NotPrincipal, cs.effect == Deny, ev.set.Boundary != nil) {
			return grantNone, nil
		}
		return grantWildcard, nil
	}
	return grantNone, fmt.Errorf("Principal or NotPrincipal is required in a %s policy", t)
}
