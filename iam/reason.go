package iam

import "fmt"

// implicitReason explains an implicit deny: the first requirement, in the
// order of the AWS evaluation flow, that no statement met.
func (ev *evaluator) implicitReason(g gathered, p grantParts) string {
	what := fmt.Sprintf("no statement allows %s on %s", ev.req.Action, ev.req.Resource)
	for i, c := range g.scps {
		if anyOf(c.allows).t == no {
			return fmt.Sprintf("denied by SCP level %d: %s", i, ev.levelWhy(c, what))
		}
	}
	for i, c := range g.rcps {
		if anyOf(c.allows).t == no {
			return fmt.Sprintf("denied by RCP level %d: %s", i, ev.levelWhy(c, what))
		}
	}
	switch {
	case !ev.caller.isIAM():
		return ev.resourceWhy(what)
	case ev.crossAccount():
		if p.any.t == no {
			return "cross-account: " + ev.resourceWhy(what)
		}
		if p.identity.t == no {
			return fmt.Sprintf("cross-account: no identity policy of %s allows %s on %s",
				ev.who(), ev.req.Action, ev.req.Resource)
		}
	case ev.set.ResourceKind == RoleTrust && p.any.t == no:
		return ev.resourceWhy(what)
	case ev.set.ResourceKind == KMSKey && p.any.t == no:
		return ev.resourceWhy(what)
	case ev.set.ResourceKind == KMSKey && p.identity.t == no && p.account.t != no:
		return fmt.Sprintf("key policy %s enables IAM policies, but no identity policy allows %s on %s",
			ev.set.Resource.Name, ev.req.Action, ev.req.Resource)
	case ev.set.ResourceKind == RoleTrust && p.identity.t == no && p.direct.t == no && p.role.t == no:
		return fmt.Sprintf("trust policy %s does not name %s, and no identity policy allows %s on %s",
			ev.set.Resource.Name, ev.who(), ev.req.Action, ev.req.Resource)
	case p.identity.t == no && p.direct.t == no && p.role.t == no &&
		(p.wildcard.t == no || ev.set.ResourceKind == RoleTrust):
		return what
	}
	return ev.limitWhy(g, p, what)
}

// limitWhy names the boundary or session policy that withheld the allow.
func (ev *evaluator) limitWhy(g gathered, p grantParts, what string) string {
	switch {
	case p.boundary.t == no:
		return fmt.Sprintf("denied by permissions boundary %s: %s", g.boundary.name, what)
	case p.session.t == no && !g.session.present:
		return "denied: a federated user session without a session policy has no permissions"
	case p.session.t == no:
		return fmt.Sprintf("denied by session policy %s: %s", g.session.name, what)
	}
	return what
}

func (ev *evaluator) levelWhy(c component, what string) string {
	if !c.present {
		return "no policy is attached at this level"
	}
	return what
}

// resourceWhy explains a resource-based policy that does not allow.
func (ev *evaluator) resourceWhy(what string) string {
	noun := "resource policy"
	switch ev.set.ResourceKind {
	case RoleTrust:
		noun = "trust policy"
	case KMSKey:
		noun = "key policy"
	}
	if ev.set.Resource == nil {
		return fmt.Sprintf("%s: %s has no %s that allows %s", what, ev.req.Resource, noun, ev.who())
	}
	return fmt.Sprintf("%s %s does not allow %s to perform %s on %s",
		noun, ev.set.Resource.Name, ev.who(), ev.req.Action, ev.req.Resource)
}

func (ev *evaluator) who() string {
	c := ev.caller
	switch c.kind {
	case callerService:
		return c.service
	case callerWebIdentity:
		return c.federated
	case callerCanonical:
		return "canonical user " + c.canonical
	case callerAnonymous:
		return "anonymous callers"
	}
	return c.arn
}
