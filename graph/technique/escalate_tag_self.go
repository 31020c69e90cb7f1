package technique

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// tagSelf is the step of iam:TagUser and iam:TagRole on the caller itself.
func (env *Env) tagSelf(p, action, cli string, tags tagRequirement) (*escalation, error) {
	side, err := env.authz.side(p)
	if err != nil || hasTags(side.principal.Tags, tags) {
		return nil, err
	}
	res := env.principalResource(p)
	res.context = tagContext(tags)
	tag, ok, err := env.permit(p, action, p, res)
	if err != nil || !ok {
		return nil, err
	}
	admin, err := env.adminAfter(p, identityChange{tags: tags})
	if err != nil || !admin.ok {
		return nil, err
	}
	to, err := env.accountAdmin(accountOf(p))
	if err != nil {
		return nil, err
	}
	e := newEscalation(p, to, "%s tags itself %s, which a condition on aws:PrincipalTag in its policies requires: %s %s --tags %s.",
		nameOf(p), tags, cli, nameOf(p), tagArgs(tags))
	e.allow(env, tag)
	e.fact("principal-tags", p, "%s is tagged %s; its policies allow more when tagged %s", nameOf(p), tagRequirement(side.principal.Tags), tags)
	e.admin(admin)
	e.edge.Explanation += thenClause(p, admin)
	e.edge.Remediation = fmt.Sprintf("Deny %s on %s itself (or on the tag keys that grant access, with aws:TagKeys), "+
		"so that it cannot set the tags its permissions depend on.", action, nameOf(p))
	return e, nil
}

func tagArgs(tags tagRequirement) string {
	keys := slices.Sorted(maps.Keys(tags))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("Key=%s,Value=%s", k, tags[k])
	}
	return strings.Join(parts, " ")
}

// deriveTagSelf runs a self-tagging technique for the principals of one
// kind.
func deriveTagSelf(env *Env, t *Technique, action, cli string, kind func(string) bool) error {
	for _, p := range env.escalators(action) {
		if !kind(p) {
			continue
		}
		side, err := env.authz.side(p)
		if err != nil {
			return err
		}
		var b best
		for _, req := range tagRequirements(side) {
			e, err := env.tagSelf(p, action, cli, req)
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
