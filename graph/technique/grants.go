package technique

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// grantIndex lists, for one action, the principals whose identity policies
// have an Allow statement that may grant it, keyed by the literal prefix of
// the statement's resource patterns (the text before the first wildcard or
// policy variable). It answers "who could possibly do this to resource R"
// without evaluating every principal against every resource: a principal
// whose patterns share no prefix with R is denied by the engine anyway.
type grantIndex struct {
	anywhere map[string][]string // an Allow on every resource ("*", NotResource), by account
	prefixes []grantPrefix       // sorted by prefix, then principal
}

type grantPrefix struct{ prefix, principal, account string }

// grants returns the index of an action, built once per action.
func (a *authorizer) grants(action string) *grantIndex {
	key := strings.ToLower(action)
	return a.grantIndexes.do(key, func() *grantIndex { return a.buildGrants(key) })
}

func (a *authorizer) buildGrants(key string) *grantIndex {
	gi := &grantIndex{anywhere: map[string][]string{}}
	for _, arn := range a.allPrincipals() {
		side, err := a.side(arn)
		if err != nil {
			continue
		}
		gi.add(arn, side.identity, key)
	}
	for acct, list := range gi.anywhere {
		gi.anywhere[acct] = slices.Compact(list) // principals come in sorted order
	}
	slices.SortFunc(gi.prefixes, func(x, y grantPrefix) int {
		if c := strings.Compare(x.prefix, y.prefix); c != 0 {
			return c
		}
		return strings.Compare(x.principal, y.principal)
	})
	gi.prefixes = slices.Compact(gi.prefixes)
	return gi
}

func (gi *grantIndex) add(principal string, policies []iam.Attached, action string) {
	for _, p := range policies {
		for _, s := range p.Policy.Statements {
			if s.Effect != iam.Allow || !statementMayMatch(s, action) {
				continue
			}
			acct := accountOf(principal)
			if s.NotResource != nil {
				gi.anywhere[acct] = append(gi.anywhere[acct], principal)
				continue
			}
			for _, r := range s.Resource {
				if lit := literalPrefix(r); lit == "" {
					gi.anywhere[acct] = append(gi.anywhere[acct], principal)
				} else {
					gi.prefixes = append(gi.prefixes, grantPrefix{lit, principal, acct})
				}
			}
		}
	}
}

// literalPrefix is a resource pattern up to its first wildcard or policy
// variable: every resource it matches starts with it.
func literalPrefix(pattern string) string {
	end := len(pattern)
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		end = i
	}
	if i := strings.Index(pattern, "${"); i >= 0 && i < end {
		end = i
	}
	return pattern[:end]
}

// on returns the principals of the accounts keep admits that may be granted
// the action on a resource whose key is resourceKey: those allowed
// everywhere, those with a pattern whose literal prefix starts the key (a
// broader pattern), and those whose prefix the key starts (a narrower one,
// such as one prefix of a bucket's objects when the key is
// "arn:aws:s3:::bucket/").
func (gi *grantIndex) on(resourceKey string, keep admitted) []string {
	var out []string
	for acct, list := range gi.anywhere {
		if keep.account(acct) {
			out = append(out, list...)
		}
	}
	for i := 1; i <= len(resourceKey); i++ {
		out = gi.appendExact(out, resourceKey[:i], keep)
	}
	start := sort.Search(len(gi.prefixes), func(i int) bool { return gi.prefixes[i].prefix >= resourceKey })
	for i := start; i < len(gi.prefixes) && strings.HasPrefix(gi.prefixes[i].prefix, resourceKey); i++ {
		if keep.account(gi.prefixes[i].account) {
			out = append(out, gi.prefixes[i].principal)
		}
	}
	return out
}

func (gi *grantIndex) appendExact(out []string, prefix string, keep admitted) []string {
	i := sort.Search(len(gi.prefixes), func(i int) bool { return gi.prefixes[i].prefix >= prefix })
	for ; i < len(gi.prefixes) && gi.prefixes[i].prefix == prefix; i++ {
		if keep.account(gi.prefixes[i].account) {
			out = append(out, gi.prefixes[i].principal)
		}
	}
	return out
}

// candidatesOn returns the principals worth asking about any of actions on
// one resource of account owner guarded by policy (nil when it has none):
// those an identity policy may grant it to, and those the resource policy
// names. A resource policy that allows everyone ("*" or NotPrincipal)
// grants by itself only within the owner's account; a caller from another
// account also needs an identity grant, so it is among those already.
func (a *authorizer) candidatesOn(actions []string, resourceKey, owner string, policy *iam.Policy) []string {
	named, everyone := a.namedBy(policy)
	out := named
	if everyone {
		out = append(out, a.principalsOf(owner)...)
	}
	keep := a.admittedBy(policy)
	if owner == "" {
		keep = admitted{any: true}
	} else if !keep.any && !keep.accounts[owner] {
		keep.accounts = maps.Clone(keep.accounts)
		keep.accounts[owner] = true
	}
	for _, action := range actions {
		out = append(out, a.grants(action).on(resourceKey, keep)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// admittedBy memoises accountsAdmitted per policy: trust and key policies
// are asked about once per candidate search.
func (a *authorizer) admittedBy(policy *iam.Policy) admitted {
	return a.admitted.do(policy, func() admitted { return accountsAdmitted(policy) })
}

// admitted is the set of accounts a resource policy's Allow statements may
// admit: a caller from another account needs the resource policy too, so
// one from an account it never mentions is denied whatever its own
// policies say.
type admitted struct {
	any      bool
	accounts map[string]bool
}

func (ad admitted) account(id string) bool { return ad.any || ad.accounts[id] }

func accountsAdmitted(policy *iam.Policy) admitted {
	ad := admitted{accounts: map[string]bool{}}
	if policy == nil {
		return ad
	}
	for _, s := range policy.Statements {
		if s.Effect != iam.Allow {
			continue
		}
		if s.NotPrincipal != nil || (s.Principal != nil && s.Principal.Wildcard) {
			ad.any = true
			continue
		}
		if s.Principal == nil {
			continue
		}
		for _, v := range s.Principal.ByType["AWS"] {
			switch {
			case v == "*":
				ad.any = true
			case accountOf(v) != "":
				ad.accounts[accountOf(v)] = true
			default:
				ad.accounts[v] = true // a bare account id
			}
		}
	}
	return ad
}

// principalsOf lists the users and roles of one account.
func (a *authorizer) principalsOf(account string) []string {
	a.allPrincipals()
	return a.byAccount[account]
}

// mayBeGranted reports whether principal is among the candidates for action
// on a resource (see candidatesOn): when it is not, the engine would deny,
// and the question need not be asked. The candidates of each resource are
// gathered once.
func (a *authorizer) mayBeGranted(action, resourceKey, owner string, policy *iam.Policy, principal string) bool {
	set := a.candidateSets.do(action+"\x00"+resourceKey, func() map[string]bool {
		set := map[string]bool{}
		for _, p := range a.candidatesOn([]string{action}, resourceKey, owner, policy) {
			set[p] = true
		}
		return set
	})
	return set[principal]
}
