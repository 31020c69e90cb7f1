package technique

import (
	"encoding/json"
	"fmt"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// IAMUpdateAssumeRolePolicy: a principal that may rewrite a role's trust
// policy lets itself in and assumes the role.
var IAMUpdateAssumeRolePolicy = &Technique{
	ID:     "iam:UpdateAssumeRolePolicy",
	Title:  "Rewrite a role's trust policy, then assume it",
	Attack: "T1098.003",
	Why: "iam:UpdateAssumeRolePolicy replaces a role's trust policy with any document. The caller writes " +
		"one that names itself; a trust policy that names the caller's own ARN in the same account lets " +
		"it call sts:AssumeRole without any identity permission, so only a boundary, an SCP or a deny " +
		"can still stop it.",
	Remediation: "Grant iam:UpdateAssumeRolePolicy only to the administrators of a role, never on privileged " +
		"roles; protect admin roles with an SCP that denies changes to their trust policies.",
	Cost:        costTwoCalls,
	Permissions: []string{"iam:UpdateAssumeRolePolicy", "sts:AssumeRole (granted by the rewritten trust policy itself)"},
	Yields:      "the role's credentials",
	Steps: []string{
		`aws iam update-assume-role-policy --role-name ROLE --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"ATTACKER_ARN"},"Action":"sts:AssumeRole"}]}'`,
		"aws sts assume-role --role-arn ROLE_ARN --role-session-name escalate",
	},
	Catalogue:  []string{"pathfinding.cloud iam-012", "Rhino 14", "iam-vulnerable privesc14"},
	References: []string{pathfinding("iam-012"), refRhino, refBishopFox},
	Derive:     deriveUpdateAssumeRolePolicy,
}

func deriveUpdateAssumeRolePolicy(env *Env, t *Technique) error {
	roles := rolesByAccount(env.Estate)
	for _, p := range env.escalators("iam:UpdateAssumeRolePolicy") {
		trust, err := trustNaming(p)
		if err != nil {
			return err
		}
		scope, err := env.authz.scopeOf(p, "iam:UpdateAssumeRolePolicy")
		if err != nil {
			return err
		}
		for _, r := range roles[accountOf(p)] {
			if r.ARN == p || !modifiableRole(r) || !scope.mayName(r.ARN) {
				continue
			}
			e, err := env.rewriteTrust(p, r, trust)
			if err != nil {
				return err
			}
			if e == nil {
				continue
			}
			if err := env.emitEscalation(t, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// trustNaming is the trust policy an attacker writes: it alone may assume.
func trustNaming(p string) (*iam.Policy, error) {
	doc, err := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Effect": "Allow", "Principal": map[string]any{"AWS": p}, "Action": "sts:AssumeRole"}}})
	if err != nil {
		return nil, fmt.Errorf("trust policy naming %s: %w", p, err)
	}
	return iam.Parse(doc)
}

func (env *Env) rewriteTrust(p string, r *ingest.Role, trust *iam.Policy) (*escalation, error) {
	update, ok, err := env.permit(p, "iam:UpdateAssumeRolePolicy", r.ARN, env.principalResource(r.ARN))
	if err != nil || !ok {
		return nil, err
	}
	rewritten := trustSide(r)
	rewritten.name = fmt.Sprintf("%s trust policy as rewritten by %s", r.ARN, nameOf(p))
	rewritten.policy = trust
	assume, ok, err := env.permit(p, "sts:AssumeRole", r.ARN, rewritten)
	if err != nil || !ok {
		return nil, err
	}
	e := newEscalation(p, r.ARN, "%s rewrites the trust policy of %s to name itself "+
		"(aws iam update-assume-role-policy --role-name %s --policy-document file://trust.json), then assumes it.",
		nameOf(p), r.Name, r.Name)
	e.edge.Techniques = []string{"iam:UpdateAssumeRolePolicy", AssumeRole.ID}
	e.allow(env, update)
	e.allow(env, assume)
	e.edge.Remediation = fmt.Sprintf("Remove iam:UpdateAssumeRolePolicy on %s from %s's policies, or deny changes to the role's trust with an SCP.", r.ARN, nameOf(p))
	return e, nil
}
