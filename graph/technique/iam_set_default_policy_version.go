package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// IAMSetDefaultPolicyVersion: a principal that may switch the default
// version of a policy attached to it activates an older, broader version.
var IAMSetDefaultPolicyVersion = &Technique{
	ID:     "iam:SetDefaultPolicyVersion",
	Title:  "Switch an attached policy to a broader stored version",
	Attack: "T1098.003",
	Why: "A customer managed policy keeps up to five versions; only the default one applies. " +
		"iam:SetDefaultPolicyVersion makes any stored version the default in one call, so a principal " +
		"that may call it on a policy attached to itself gains whatever an older (or prepared) version " +
		"grants. The escalation exists only when such a version is stored.",
	Remediation: "Delete policy versions that are no longer meant to apply, and grant " +
		"iam:SetDefaultPolicyVersion only to the administrators of a policy, never on policies attached to the caller.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:SetDefaultPolicyVersion"},
	Yields:      "admin, when a stored non-default version of an attached policy grants it",
	Steps: []string{
		"aws iam list-policy-versions --policy-arn POLICY_ARN",
		"aws iam set-default-policy-version --policy-arn POLICY_ARN --version-id v2",
	},
	Catalogue:  []string{"Rhino 2", "iam-vulnerable privesc2"},
	References: []string{refRhino, refBishopFox, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html"},
	Derive:     deriveSetDefaultPolicyVersion,
}

func deriveSetDefaultPolicyVersion(env *Env, t *Technique) error {
	for _, p := range env.escalators("iam:SetDefaultPolicyVersion") {
		var b best
	policies:
		for _, at := range env.managedOf(p) {
			for i := range at.policy.Versions {
				e, err := env.setDefaultVersion(p, at, &at.policy.Versions[i])
				if err != nil {
					return err
				}
				if b.offer(e) {
					break policies
				}
			}
		}
		if err := b.emit(env, t); err != nil {
			return err
		}
	}
	return nil
}

func (env *Env) setDefaultVersion(p string, at attachment, v *ingest.PolicyVersion) (*escalation, error) {
	mp := at.policy
	if v.Document == nil || v.Default || v.ID == mp.DefaultVersion {
		return nil, nil
	}
	set, ok, err := env.permit(p, "iam:SetDefaultPolicyVersion", mp.ARN, resourceSide{owner: accountOf(mp.ARN)})
	if err != nil || !ok {
		return nil, err
	}
	name := fmt.Sprintf("%s version %s", mp.ARN, v.ID)
	admin, err := env.adminAfter(p, identityChange{replace: map[string]replacement{mp.ARN: {name: name, doc: v.Document}}})
	if err != nil || !admin.ok {
		return nil, err
	}
	to, err := env.accountAdmin(accountOf(p))
	if err != nil {
		return nil, err
	}
	e := newEscalation(p, to, "%s makes version %s of policy %s (%s) the default: "+
		"aws iam set-default-policy-version --policy-arn %s --version-id %s.", nameOf(p), v.ID, mp.Name, at.via, mp.ARN, v.ID)
	e.allow(env, set)
	e.fact("policy-version", name, "stored, not the default (%s): %s", mp.DefaultVersion, summarizeDocument(v.Document.Statements))
	e.admin(admin)
	e.edge.Explanation += thenClause(p, admin)
	e.edge.Remediation = fmt.Sprintf("Delete version %s of %s (aws iam delete-policy-version), and remove iam:SetDefaultPolicyVersion on it from %s's policies.", v.ID, mp.Name, nameOf(p))
	return e, nil
}

// summarizeDocument renders a document's statements in one line.
func summarizeDocument(stmts []iam.Statement) string {
	parts := make([]string, 0, len(stmts))
	for _, s := range stmts {
		parts = append(parts, summarizeStatement(s))
	}
	return strings.Join(parts, "; ")
}
