package iam

import (
	"sort"
	"strings"
)

// Helpers for the graph builder, which must not evaluate every principal
// against every resource: they say, from the Action elements alone, which
// actions a policy's Allow statements could ever grant. They ignore
// resources, principals and conditions, so they may say yes where
// Evaluate says no, never the reverse.

// MayAllow reports whether some Allow statement of the policy names an
// action matching action (a NotAction statement that does not exclude it
// counts). A policy that fails to compile may allow nothing.
func (p *Policy) MayAllow(action string) bool {
	cp, err := p.compiled()
	if err != nil {
		return false
	}
	action = strings.ToLower(action)
	service, _, _ := strings.Cut(action, ":")
	found := false
	cp.candidates(service, func(cs *compiledStatement) {
		if !found && cs.effect == Allow && cs.matchesAction(action) {
			found = true
		}
	})
	return found
}

// ActionPrefixes lists, sorted and lower-cased, the service prefixes whose
// actions the policy's Allow statements can grant. "*" means every
// service (Action "*" or a NotAction statement); a prefix may itself hold
// wildcards ("s*" from "s*:Get*"), to be matched with MatchWildcard.
func (p *Policy) ActionPrefixes() []string {
	cp, err := p.compiled()
	if err != nil {
		return nil
	}
	set := map[string]bool{}
	for i := range cp.stmts {
		cs := &cp.stmts[i]
		if cs.effect != Allow {
			continue
		}
		if cs.notAction {
			return []string{"*"}
		}
		for _, g := range cs.actions {
			prefix := actionPrefix(g)
			if prefix == "*" {
				return []string{"*"}
			}
			set[prefix] = true
		}
	}
	out := make([]string, 0, len(set))
	for prefix := range set {
		out = append(out, prefix)
	}
	sort.Strings(out)
	return out
}

// actionPrefix is the service part of an action pattern: the text before
// its first colon, or "*" when a wildcard comes first and so may span the
// colon ("*", "*Object").
func actionPrefix(g glob) string {
	var b strings.Builder
	for _, e := range g.elems {
		switch e.kind {
		case elemLit:
			if i := strings.IndexByte(e.lit, ':'); i >= 0 {
				b.WriteString(e.lit[:i])
				return b.String()
			}
			b.WriteString(e.lit)
		case elemOne:
			b.WriteByte('?')
		case elemStar:
			// A star before the colon may swallow it: the pattern can
			// name actions of any service that starts this way.
			return b.String() + "*"
		}
	}
	return b.String()
}

// AllowedPrincipals unions the Principal elements of the policy's Allow
// statements, so a graph builder can index trust and resource policies by
// whom they may admit. Wildcard is set when a statement allows "*" (or
// {"AWS": "*"}) or uses NotPrincipal; an account listed here (id or root
// ARN) admits its principals only through their identity policies.
func (p *Policy) AllowedPrincipals() Principals {
	out := Principals{ByType: map[string][]string{}}
	seen := map[string]bool{}
	for _, s := range p.Statements {
		if s.Effect != Allow {
			continue
		}
		if s.NotPrincipal != nil || (s.Principal != nil && s.Principal.Wildcard) {
			out.Wildcard = true
			continue
		}
		if s.Principal == nil {
			continue
		}
		for typ, vals := range s.Principal.ByType {
			for _, v := range vals {
				if typ == "AWS" && v == "*" {
					out.Wildcard = true
					continue
				}
				if k := typ + "\x00" + v; !seen[k] {
					seen[k] = true
					out.ByType[typ] = append(out.ByType[typ], v)
				}
			}
		}
	}
	for typ := range out.ByType {
		sort.Strings(out.ByType[typ])
	}
	return out
}
