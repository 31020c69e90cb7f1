package technique

import (
	"regexp"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// resourceScope is a quick, conservative test of whether a principal's
// identity policies could allow an action on a resource: the Resource
// patterns of its Allow statements that name the action. It may say yes
// where the engine says no (conditions, denies, boundaries), never the
// reverse, so a target it rules out needs no evaluation: without an Allow
// there is no grant. Steps that try one principal against every user or
// role of an account use it to skip the many the policies never name.
type resourceScope struct {
	any      bool // a statement allows every resource (or uses NotResource)
	patterns []string
}

var (
	policyVariable = regexp.MustCompile(`\$\{[^}]*\}`)
	usernameVar    = regexp.MustCompile(`(?i)\$\{aws:username\}`)
)

// scopeOf builds the scope of a principal for an action. ${aws:username}
// becomes the user's name (self-service policies name the caller's own
// user that way); other policy variables become wildcards, since they
// resolve only per request.
func (a *authorizer) scopeOf(arn, action string) (resourceScope, error) {
	side, err := a.side(arn)
	if err != nil {
		return resourceScope{}, err
	}
	action = strings.ToLower(action)
	var sc resourceScope
	for _, p := range side.identity {
		for _, s := range p.Policy.Statements {
			if s.Effect != iam.Allow || !statementMayMatch(s, action) {
				continue
			}
			if s.Resource == nil {
				sc.any = true
				return sc, nil
			}
			for _, r := range s.Resource {
				if side.principal.Name != "" {
					r = usernameVar.ReplaceAllLiteralString(r, side.principal.Name)
				}
				r = policyVariable.ReplaceAllString(r, "*")
				if r == "*" {
					sc.any = true
					return sc, nil
				}
				sc.patterns = append(sc.patterns, r)
			}
		}
	}
	return sc, nil
}

// mayName reports whether the scope could cover the resource.
func (sc resourceScope) mayName(resource string) bool {
	if sc.any {
		return true
	}
	for _, p := range sc.patterns {
		if iam.MatchWildcard(p, resource) {
			return true
		}
	}
	return false
}
