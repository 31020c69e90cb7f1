package iam

// The allow side of the evaluation: which policies must allow, depending
// on who calls, whether the resource is in the caller's account, and the
// resource kind.

// grantParts are the verdicts the allow formulas combine.
type grantParts struct {
	identity verdict // I: some identity policy allows (the root user always)
	boundary verdict // B: the permissions boundary allows, or there is none
	session  verdict // S: the session policy allows, or none is needed
	// Resource-based Allow statements by how they name the caller.
	direct, role, wildcard, account, any verdict
}

func (ev *evaluator) grantParts(g gathered) grantParts {
	p := grantParts{identity: anyOf(g.identity.allows), boundary: vYes, session: vYes}
	if ev.caller.kind == callerRoot {
		p.identity = vYes // the root user has full access to its account
	}
	if g.boundary.present {
		p.boundary = anyOf(g.boundary.allows)
	}
	switch {
	case g.session.present:
		p.session = anyOf(g.session.allows)
	case ev.caller.kind == callerFederatedUser:
		// A GetFederationToken session without a session policy has no
		// permissions of its own (IAM UG, policy evaluation logic).
		p.session = vNo
	}
	allows := g.resource.allows
	p.direct, p.role = anyOf(ofKind(allows, grantDirect)), anyOf(ofKind(allows, grantRole))
	p.wildcard, p.account = anyOf(ofKind(allows, grantWildcard)), anyOf(ofKind(allows, grantAccount))
	p.any = anyOf(allows)
	return p
}

// grant is the allow formula without the organisation guardrails.
func (ev *evaluator) grant(p grantParts) verdict {
	idPath := and(p.identity, p.boundary, p.session)
	switch {
	case !ev.caller.isIAM():
		// Services, identity providers and anonymous callers have no
		// identity policies: the resource-based policy alone decides.
		return p.any
	case ev.crossAccount():
		// Both accounts must allow: the identity side (with boundary and
		// session policy) and the resource-based policy.
		return and(idPath, p.any)
	}
	switch ev.set.ResourceKind {
	case RoleTrust:
		// The trust policy must allow. Naming the caller (or its role)
		// is enough; a trust in the account or in "*" delegates to the
		// caller's identity policies.
		return or(p.direct, and(p.role, p.boundary, p.session), and(p.any, idPath))
	case KMSKey:
		// The key policy must allow, directly or by enabling IAM
		// policies through the account principal.
		return or(p.direct, and(or(p.role, p.wildcard), p.boundary, p.session), and(p.account, idPath))
	}
	// Same account: an allow in the identity-based or the resource-based
	// policy suffices. Naming the user or session directly is not limited
	// by identity policies, boundaries or session policies; naming the
	// role or "*" is limited by boundaries and session policies; naming
	// the account delegates to identity policies.
	return or(idPath, p.direct, and(or(p.role, p.wildcard), p.boundary, p.session))
}

// orgGuardrails is "every SCP level and every RCP level allows".
func orgGuardrails(g gathered) verdict {
	var buf [8]verdict // organisations rarely nest deeper: no allocation
	parts := buf[:0]
	for _, c := range g.scps {
		parts = append(parts, anyOf(c.allows))
	}
	for _, c := range g.rcps {
		parts = append(parts, anyOf(c.allows))
	}
	return and(parts...)
}

func allDenies(g gathered) []hit {
	var out []hit
	for _, c := range g.scps {
		out = append(out, c.denies...)
	}
	for _, c := range g.rcps {
		out = append(out, c.denies...)
	}
	for _, c := range []component{g.resource, g.identity, g.boundary, g.session} {
		out = append(out, c.denies...)
	}
	return out
}

func ofKind(hits []hit, k grantKind) []hit {
	var out []hit
	for _, h := range hits {
		if h.kind == k {
			out = append(out, h)
		}
	}
	return out
}
