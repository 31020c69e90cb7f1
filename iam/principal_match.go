package iam

import "strings"

// grantKind is how a resource-based statement names the caller. It decides
// which other policies must also allow (IAM UG, policy evaluation logic:
// "the principal ARN that is specified in the policy determines whether
// implicit denies in other policy types are applicable").
type grantKind uint8

const (
	grantNone grantKind = iota
	// grantAccount names the caller's account: authority is delegated to
	// the account, whose identity policies must allow.
	grantAccount
	// grantWildcard is "*" (or a NotPrincipal that leaves the caller in).
	grantWildcard
	// grantRole names the role behind a session: limited by an implicit
	// deny in a permissions boundary or session policy.
	grantRole
	// grantDirect names the caller itself (user, session, federated user
	// session, service, identity provider, canonical user): not limited
	// by identity policies, boundaries or session policies.
	grantDirect
)

// matchPrincipals says how a Principal element names the caller.
func (c *caller) matchPrincipals(ps *Principals) grantKind {
	if ps.Wildcard {
		return grantWildcard
	}
	best := grantNone
	for typ, vals := range ps.ByType {
		for _, v := range vals {
			if k := c.matchValue(typ, v); k > best {
				best = k
			}
		}
	}
	return best
}

func (c *caller) matchValue(typ, v string) grantKind {
	switch typ {
	case "Service":
		if c.kind == callerService && strings.EqualFold(v, c.service) {
			return grantDirect
		}
	case "Federated":
		if c.federated != "" && v == c.federated {
			return grantDirect
		}
	case "CanonicalUser":
		if c.canonical != "" && v == c.canonical {
			return grantDirect
		}
	case "AWS":
		return c.matchAWS(v)
	}
	return grantNone
}

func (c *caller) matchAWS(v string) grantKind {
	switch {
	case v == "*":
		return grantWildcard
	case c.arn != "" && v == c.arn && c.kind == callerRole:
		return grantRole
	case c.arn != "" && v == c.arn && c.kind != callerRoot:
		return grantDirect
	case c.kind == callerSession && c.isRoleARN(v):
		return grantRole
	case c.isAccount(v):
		return grantAccount
	}
	return grantNone
}

// excludedBy reports whether a NotPrincipal element leaves the caller out
// of its statement. AWS checks the caller's account, then its role, then
// the caller itself, so each must be listed (IAM UG, NotPrincipal). A Deny
// with NotPrincipal always applies to a principal that has a permissions
// boundary (IAM UG, permissions boundaries).
func (c *caller) excludedBy(ps *Principals, deny, hasBoundary bool) bool {
	if ps.Wildcard {
		return true
	}
	if deny && hasBoundary && c.isIAM() && c.kind != callerRoot {
		return false
	}
	aws := ps.ByType["AWS"]
	listed := func(match func(string) bool) bool {
		for _, v := range aws {
			if v == "*" || match(v) {
				return true
			}
		}
		return false
	}
	switch c.kind {
	case callerService:
		return c.matchPrincipals(&Principals{ByType: map[string][]string{"Service": ps.ByType["Service"]}}) == grantDirect
	case callerWebIdentity, callerCanonical:
		return c.matchPrincipals(ps) == grantDirect
	case callerAnonymous:
		return false
	}
	if c.account != "" && !listed(c.isAccount) {
		return false
	}
	if c.kind == callerSession && !listed(c.isRoleARN) {
		return false
	}
	if c.kind == callerRoot {
		return true
	}
	return listed(func(v string) bool { return v == c.arn })
}
