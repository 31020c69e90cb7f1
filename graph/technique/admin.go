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
var adminProbes = []string{
	"iam:PutRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey", "iam:PassRole",
	"sts:AssumeRole", "organizations:LeaveOrganization", "s3:GetObject", "ec2:RunInstances",
	"lambda:CreateFunction", "kms:Decrypt", "secretsmanager:GetSecretValue",
}

// markAdmins flags every user and role whose effective permissions are "*"
// on "*", after boundaries and SCPs, so the admin selector can find them.
// Conditional grants do not make a principal admin: the hop would depend on
// context we cannot see.
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
	for i, action := range adminProbes {
		d, err := env.authz.decide(arn, action, "*", resourceSide{owner: accountOf(arn)})
		if err != nil {
			return "", false, err
		}
		if d.Outcome != iam.Allowed {
			return "", false, nil
		}
		if i == 0 {
			first = d
		}
	}
	reason := "effective permissions allow * on *"
	if len(first.Statements) > 0 {
		ref := first.Statements[0]
		reason += fmt.Sprintf(" (%s %s)", ref.Policy, env.authz.statementDetail(ref))
	}
	return reason, true, nil
}
