package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// adminProbes are the actions a principal must be allowed on every resource
// ("*") to count as admin-equivalent. A statement allows them all on "*"
// only if it grants every action (Action "*", or a NotAction that spares
// none of these) on every resource, so PowerUserAccess (NotAction iam:*,
// organizations:*, account:*) does not count, while AdministratorAccess does.
// The probes leave out what organisations' guardrail SCPs typically deny
// (leaving the organisation, stopping CloudTrail): an administrator under
// such guardrails still controls the account.
var adminProbes = []string{
	"iam:PutRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey", "iam:PassRole",
	"sts:AssumeRole", "s3:GetObject", "ec2:RunInstances", "lambda:CreateFunction",
	"kms:Decrypt", "secretsmanager:GetSecretValue",
}

// markAdmins flags every user and role whose effective permissions are "*"
// on "*", after boundaries and SCPs, so the admin selector can find them.
// A grant that holds only under request-time conditions (an SCP's region
// restriction, an MFA requirement) still counts, and the reason says on
// what it depends: within those conditions the principal is admin.
func (env *Env) markAdmins() error {
	var principals []string
	for _, u := range env.Estate.Users {
		principals = append(principals, u.ARN)
	}
	for _, r := range env.Estate.Roles {
		principals = append(principals, r.ARN)
	}
	for _, arn := range principals {
		reason, ok, err := env.adminReason(arn)
		if err != nil {
			return err
		}
		if ok {
			n, _ := env.b.Node(arn)
			n.Admin, n.AdminReason = true, reason
		}
	}
	return nil
}

func (env *Env) adminReason(arn string) (string, bool, error) {
	var first iam.Decision
	var conds []iam.ConditionRef
	for i, action := range adminProbes {
		d, err := env.authz.decide(arn, action, "*", resourceSide{owner: accountOf(arn)})
		if err != nil {
			return "", false, err
		}
		if d.Outcome == iam.Denied {
			return "", false, nil
		}
		if i == 0 {
			first = d
		}
		conds = append(conds, d.Conditions...)
	}
	reason := "effective permissions allow * on *"
	if len(first.Statements) > 0 {
		ref := first.Statements[0]
		reason += fmt.Sprintf(" (%s %s)", ref.Policy, env.authz.statementDetail(ref))
	}
	if len(conds) > 0 {
		reason += ", " + conditionNote(uniqueConditions(conds))
	}
	return reason, true, nil
}

func uniqueConditions(conds []iam.ConditionRef) []iam.ConditionRef {
	var out []iam.ConditionRef
	seen := map[string]bool{}
	for _, c := range conds {
		key := c.Policy + "\x00" + c.Operator + "\x00" + c.Key + "\x00" + fmt.Sprint(c.Values)
		if !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	return out
}
