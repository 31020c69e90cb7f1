package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// AssumeRole: a principal that may call sts:AssumeRole on a role becomes it.
var AssumeRole = &Technique{
	ID:     "assume-role",
	Title:  "Assume a role",
	Attack: "T1078.004",
	Why: "sts:AssumeRole returns credentials for the role when its trust policy allows the caller " +
		"and, unless the trust policy names the caller itself in the same account, the caller's own " +
		"policies allow sts:AssumeRole on it; no SCP, boundary or deny may stand in the way.",
	Remediation: "Narrow the role's trust policy to the principals that need it (name them by ARN, " +
		"add conditions such as sts:ExternalId or aws:PrincipalOrgID), or remove sts:AssumeRole from " +
		"the caller's policies.",
	Cost:        costCredential,
	Permissions: []string{"sts:AssumeRole"},
	Yields:      "a session of the assumed role",
	Steps:       []string{"aws sts assume-role --role-arn <role arn> --role-session-name pathfinder"},
	Catalogue:   []string{"pathfinding.cloud sts-001"},
	References:  []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html"},
	Derive:      deriveAssumeRole,
}

func deriveAssumeRole(env *Env, t *Technique) error {
	for i := range env.Estate.Roles {
		role := &env.Estate.Roles[i]
		if role.TrustPolicy == nil {
			continue
		}
		for _, caller := range env.authz.candidatesOn([]string{"sts:AssumeRole"}, role.ARN, role.Account, role.TrustPolicy) {
			if caller == role.ARN {
				continue
			}
			if err := env.assumeRole(t, caller, role); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) assumeRole(t *Technique, caller string, role *ingest.Role) error {
	d, err := env.authz.decide(caller, "sts:AssumeRole", role.ARN, resourceSide{
		name: role.ARN + " trust policy", policy: role.TrustPolicy, kind: iam.RoleTrust,
		owner: role.Account, tags: role.Tags})
	if err != nil || d.Outcome == iam.Denied {
		return err
	}
	explanation := fmt.Sprintf("%s calls sts:AssumeRole on %s and receives its credentials.", nameOf(caller), role.Name)
	if d.Outcome == iam.Conditional {
		explanation += " It works " + conditionNote(d.Conditions) + "."
	}
	return env.emit(t, graph.Edge{From: caller, To: role.ARN, Evidence: env.authz.policyEvidence(d),
		Conditions: d.Conditions, Explanation: explanation,
		Remediation: fmt.Sprintf("Remove %s from the trust policy of %s, or deny it sts:AssumeRole on that role.", nameOf(caller), role.Name)})
}

// nameOf returns the last part of an ARN (user/alice → alice).
func nameOf(arn string) string {
	for i := len(arn) - 1; i >= 0; i-- {
		if arn[i] == '/' || arn[i] == ':' {
			return arn[i+1:]
		}
	}
	return arn
}
