package technique

import (
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// The graph build must not evaluate every principal against every
// resource. candidates narrows a request to the principals that could
// possibly be allowed: those whose identity policies have an Allow
// statement whose Action (or NotAction) can cover the action, and those a
// resource policy names directly. Everyone else is denied by the engine
// anyway (no identity allow, and no resource policy that names them), so
// skipping them changes no answer.

// allPrincipals lists every user and role ARN, sorted.
func (a *authorizer) allPrincipals() []string {
	a.principalsOnce.Do(func() {
		for arn := range a.ix.users {
			a.principals = append(a.principals, arn)
		}
		for arn := range a.ix.roles {
			a.principals = append(a.principals, arn)
		}
		slices.Sort(a.principals)
		a.byAccount = map[string][]string{}
		for _, arn := range a.principals {
			acct := accountOf(arn)
			a.byAccount[acct] = append(a.byAccount[acct], arn)
		}
	})
	return a.principals
}

// candidates returns the principals worth asking about action on a
// resource guarded by policy (nil when it has none).
func (a *authorizer) candidates(action string, policy *iam.Policy) []string {
	named, everyone := a.namedBy(policy)
	if everyone {
		return a.allPrincipals()
	}
	out := append(slices.Clone(a.mentioning(action)), named...)
	slices.Sort(out)
	return slices.Compact(out)
}

// mentioning returns, once per action, the principals whose identity side
// has an Allow statement that can match it.
func (a *authorizer) mentioning(action string) []string {
	key := strings.ToLower(action)
	return a.byAction.do(key, func() []string {
		var out []string
		for _, arn := range a.allPrincipals() {
			side, err := a.side(arn)
			if err == nil && mayAllow(side.identity, key) {
				out = append(out, arn)
			}
		}
		return out
	})
}

func mayAllow(policies []iam.Attached, action string) bool {
	for _, p := range policies {
		for _, s := range p.Policy.Statements {
			if s.Effect == iam.Allow && statementMayMatch(s, action) {
				return true
			}
		}
	}
	return false
}

func statementMayMatch(s iam.Statement, action string) bool {
	if s.NotAction != nil {
		for _, pat := range s.NotAction {
			if iam.MatchWildcard(strings.ToLower(pat), action) {
				return false
			}
		}
		return true
	}
	for _, pat := range s.Action {
		if iam.MatchWildcard(strings.ToLower(pat), action) {
			return true
		}
	}
	return false
}

// namedBy lists the estate principals a resource policy's Allow statements
// name by ARN; everyone is set when one allows "*" or uses NotPrincipal,
// which can grant any principal without an identity policy.
func (a *authorizer) namedBy(policy *iam.Policy) (named []string, everyone bool) {
	if policy == nil {
		return nil, false
	}
	for _, s := range policy.Statements {
		if s.Effect != iam.Allow {
			continue
		}
		if s.NotPrincipal != nil || (s.Principal != nil && (s.Principal.Wildcard || slices.Contains(s.Principal.ByType["AWS"], "*"))) {
			return nil, true
		}
		if s.Principal == nil {
			continue
		}
		for _, v := range s.Principal.ByType["AWS"] {
			if _, ok := a.ix.users[v]; ok {
				named = append(named, v)
			} else if _, ok := a.ix.roles[v]; ok {
				named = append(named, v)
			}
		}
	}
	return named, false
}
