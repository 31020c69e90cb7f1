package technique

import (
	"fmt"
	"slices"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// IAMAddUserToGroup: a user that may add itself to a group whose policies
// make it admin joins that group.
var IAMAddUserToGroup = &Technique{
	ID:     "iam:AddUserToGroup",
	Title:  "Join a privileged group",
	Attack: "T1098.003",
	Why: "A user has the permissions of every group it belongs to, and iam:AddUserToGroup is checked on " +
		"the group, not on the user added. A user allowed to call it on a group whose policies grant " +
		"\"*\" on \"*\" (or iam:*, which then lets it write itself any policy) becomes admin.",
	Remediation: "Scope iam:AddUserToGroup to the groups a team manages, never to privileged groups, and " +
		"keep admin groups small and watched.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:AddUserToGroup"},
	Yields:      "admin: the caller is a member of a group that makes it admin",
	Steps: []string{
		"aws iam add-user-to-group --group-name ADMIN_GROUP --user-name USER",
	},
	Catalogue:  []string{"pathfinding.cloud iam-013", "Rhino 13", "iam-vulnerable privesc13"},
	References: []string{pathfinding("iam-013"), refRhino, refBishopFox},
	Derive:     deriveAddUserToGroup,
}

func deriveAddUserToGroup(env *Env, t *Technique) error {
	groups := groupsByAccount(env.Estate)
	for _, p := range env.escalators("iam:AddUserToGroup") {
		u, ok := env.ix.users[p]
		if !ok {
			continue
		}
		scope, err := env.authz.scopeOf(p, "iam:AddUserToGroup")
		if err != nil {
			return err
		}
		var b best
		for _, g := range groups[u.Account] {
			if slices.Contains(u.Groups, g.ARN) || !scope.mayName(g.ARN) {
				continue
			}
			e, err := env.joinGroup(u, g)
			if err != nil {
				return err
			}
			if b.offer(e) {
				break
			}
		}
		if err := b.emit(env, t); err != nil {
			return err
		}
	}
	return nil
}

func (env *Env) joinGroup(u *ingest.User, g *ingest.Group) (*escalation, error) {
	join, ok, err := env.permit(u.ARN, "iam:AddUserToGroup", g.ARN, resourceSide{owner: g.Account})
	if err != nil || !ok {
		return nil, err
	}
	policies := env.groupPolicies(g)
	if len(policies) == 0 {
		return nil, nil
	}
	admin, err := env.adminAfter(u.ARN, identityChange{add: policies})
	if err != nil || !admin.ok {
		return nil, err
	}
	to, err := env.accountAdmin(u.Account)
	if err != nil {
		return nil, err
	}
	e := newEscalation(u.ARN, to, "%s adds itself to group %s: aws iam add-user-to-group --group-name %s --user-name %s.",
		u.Name, g.Name, g.Name, u.Name)
	e.allow(env, join)
	for _, p := range policies {
		e.fact("group-policy", p.Name, "policy of group %s: %s", g.Name, summarizeDocument(p.Policy.Statements))
	}
	e.admin(admin)
	e.edge.Explanation += thenClause(u.ARN, admin)
	e.edge.Remediation = fmt.Sprintf("Remove iam:AddUserToGroup on %s from %s's policies.", g.ARN, u.Name)
	return e, nil
}
