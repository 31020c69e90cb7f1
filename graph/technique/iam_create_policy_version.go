package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// maxPolicyVersions is IAM's limit of stored versions per managed policy.
const maxPolicyVersions = 5

// IAMCreatePolicyVersion: a principal that may create a version of a
// customer managed policy attached to it rewrites that policy to allow
// everything.
var IAMCreatePolicyVersion = &Technique{
	ID:     "iam:CreatePolicyVersion",
	Title:  "Rewrite an attached managed policy",
	Attack: "T1098.003",
	Why: "iam:CreatePolicyVersion with --set-as-default replaces the document of a customer managed " +
		"policy in one call, without iam:SetDefaultPolicyVersion. When the policy is attached to the " +
		"caller (directly, through a group, or as its boundary), the caller writes itself any " +
		"permission. A policy that already holds five versions needs iam:DeletePolicyVersion first.",
	Remediation: "Grant iam:CreatePolicyVersion only to the administrators of a policy, never on policies " +
		"attached to the caller; scope its Resource to the policies a team owns.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:CreatePolicyVersion", "iam:DeletePolicyVersion (only when the policy has five versions)"},
	Yields:      "admin: the caller's own policy allows * on *",
	Steps: []string{
		`aws iam create-policy-version --policy-arn POLICY_ARN --set-as-default --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`,
	},
	Catalogue:  []string{"pathfinding.cloud iam-001", "Rhino 1", "iam-vulnerable privesc1"},
	References: []string{pathfinding("iam-001"), refRhino, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html"},
	Derive:     deriveCreatePolicyVersion,
}

func deriveCreatePolicyVersion(env *Env, t *Technique) error {
	for _, p := range env.escalators("iam:CreatePolicyVersion") {
		var b best
		for _, at := range env.managedOf(p) {
			e, err := env.createPolicyVersion(p, at)
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

func (env *Env) createPolicyVersion(p string, at attachment) (*escalation, error) {
	mp := at.policy
	res := resourceSide{owner: accountOf(mp.ARN)}
	create, ok, err := env.permit(p, "iam:CreatePolicyVersion", mp.ARN, res)
	if err != nil || !ok {
		return nil, err
	}
	var prune []iam.Decision
	if len(mp.Versions) >= maxPolicyVersions {
		del, ok, err := env.permit(p, "iam:DeletePolicyVersion", mp.ARN, res)
		if err != nil || !ok {
			return nil, err
		}
		prune = append(prune, del)
	}
	change := identityChange{replace: map[string]replacement{
		mp.ARN: {name: mp.ARN + " new default version (written by the attacker)", doc: adminDocument}}}
	admin, err := env.adminAfter(p, change)
	if err != nil || !admin.ok {
		return nil, err
	}
	to, err := env.accountAdmin(accountOf(p))
	if err != nil {
		return nil, err
	}
	e := newEscalation(p, to, "%s creates a new default version of policy %s (%s) that allows * on *: "+
		"aws iam create-policy-version --policy-arn %s --set-as-default --policy-document file://admin.json.",
		nameOf(p), mp.Name, at.via, mp.ARN)
	e.allow(env, create)
	for _, d := range prune {
		e.allow(env, d)
		e.edge.Explanation += " The policy already has five versions, so it first deletes one (iam:DeletePolicyVersion)."
	}
	e.fact("managed-policy", mp.ARN, "customer managed policy %s, %s; %d of %d versions, default %s",
		mp.Name, at.via, len(mp.Versions), maxPolicyVersions, mp.DefaultVersion)
	e.admin(admin)
	e.edge.Explanation += thenClause(p, admin)
	e.edge.Remediation = fmt.Sprintf("Remove iam:CreatePolicyVersion on %s from %s's policies: a principal must not be able to rewrite a policy attached to itself.", mp.ARN, nameOf(p))
	return e, nil
}

// thenClause tells the further self step an escalation needs, if any.
func thenClause(p string, r adminResult) string {
	if r.then == "" {
		return ""
	}
	return fmt.Sprintf(" This gives %s the right to change its own policies; it %s.", nameOf(p), r.then)
}
