package technique

import (
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// escalators returns, sorted, the principals whose identity policies may
// allow every one of the actions: the only ones worth asking the engine
// about (candidates.go explains why skipping the others changes no
// answer). Principals that are already admin without conditions are left
// out: they gain nothing by escalating, and edges from them would only
// crowd answers.
func (env *Env) escalators(actions ...string) []string {
	if len(actions) == 0 {
		return nil
	}
	out := slices.Clone(env.authz.mentioning(actions[0]))
	for _, a := range actions[1:] {
		out = intersectSorted(out, env.authz.mentioning(a))
	}
	return slices.DeleteFunc(out, func(p string) bool {
		return env.isAdmin(p) || !env.mayEver(p, actions)
	})
}

// mayEver asks the engine whether the principal could be allowed each
// action on some resource of its account (a pattern request: an Allow
// applies when its resources meet the pattern, a Deny only when it covers
// it all). A principal denied that is denied on every resource, so the
// steps that would try it against every user or role can skip it; a
// statement whose condition can never hold for it (a principal tag it does
// not carry) is what this catches that the action index cannot.
func (env *Env) mayEver(p string, actions []string) bool {
	if env.esc.possible == nil {
		env.esc.possible = map[string]bool{}
	}
	for _, action := range actions {
		key := p + "\x00" + action
		ok, seen := env.esc.possible[key]
		if !seen {
			_, ok, _ = env.permit(p, action, "*", resourceSide{owner: accountOf(p), pattern: true})
			env.esc.possible[key] = ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// isAdmin reports whether a principal is admin whatever the request
// context. A principal flagged admin only under conditions (an MFA
// requirement, a source IP) still gains by a step that lifts them, such as
// enabling an MFA device of its own.
func (env *Env) isAdmin(arn string) bool {
	n, ok := env.node(arn)
	if !ok || !n.Admin {
		return false
	}
	if admin, ok := env.esc.admins[arn]; ok {
		return admin
	}
	if env.esc.admins == nil {
		env.esc.admins = map[string]bool{}
	}
	admin := true
	for _, probe := range adminProbes {
		d, err := env.authz.decide(arn, probe, "*", resourceSide{owner: accountOf(arn), context: env.requestContext(nil)})
		if err != nil || d.Outcome != iam.Allowed {
			admin = false
			break
		}
	}
	env.esc.admins[arn] = admin
	return admin
}

func (env *Env) isUser(arn string) bool {
	_, ok := env.ix.users[arn]
	return ok
}

func (env *Env) isRole(arn string) bool {
	_, ok := env.ix.roles[arn]
	return ok
}

func intersectSorted(a, b []string) []string {
	out := a[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			out = append(out, a[i])
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return out
}

// IAM calls never cross accounts (users, groups, roles and policies have no
// resource policy that could let another account change them), so
// escalation targets are looked up in the attacker's own account.

func usersByAccount(e *ingest.Estate) map[string][]*ingest.User {
	out := map[string][]*ingest.User{}
	for i := range e.Users {
		out[e.Users[i].Account] = append(out[e.Users[i].Account], &e.Users[i])
	}
	return out
}

func rolesByAccount(e *ingest.Estate) map[string][]*ingest.Role {
	out := map[string][]*ingest.Role{}
	for i := range e.Roles {
		out[e.Roles[i].Account] = append(out[e.Roles[i].Account], &e.Roles[i])
	}
	return out
}

func groupsByAccount(e *ingest.Estate) map[string][]*ingest.Group {
	out := map[string][]*ingest.Group{}
	for i := range e.Groups {
		out[e.Groups[i].Account] = append(out[e.Groups[i].Account], &e.Groups[i])
	}
	return out
}

// modifiableRole reports whether IAM lets a customer change a role's
// policies or trust: service-linked roles (path /aws-service-role/) and the
// roles IAM Identity Center manages (/aws-reserved/sso.amazonaws.com/) are
// protected and refuse such calls whatever the caller's permissions.
func modifiableRole(r *ingest.Role) bool {
	return !strings.HasPrefix(r.Path, "/aws-service-role/") && !strings.HasPrefix(r.Path, "/aws-reserved/")
}
