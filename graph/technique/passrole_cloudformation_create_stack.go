package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleCloudFormation: create a stack whose service role is privileged;
// CloudFormation creates what the template says, as that role.
var PassRoleCloudFormation = &Technique{
	ID:     "iam:PassRole+cloudformation:CreateStack",
	Title:  "Create a CloudFormation stack with a privileged service role",
	Attack: "T1078.004",
	Why: "cloudformation:CreateStack with --role-arn makes CloudFormation create every resource of the " +
		"template with the passed role's permissions, not the caller's: a template that creates an admin " +
		"user, an access key or a role the caller may assume turns the role's power into the caller's. " +
		"iam:PassRole for cloudformation.amazonaws.com and the role's trust are the only checks.",
	Remediation: "Scope iam:PassRole to the stack roles a principal must use, with an iam:PassedToService " +
		"condition, and keep CloudFormation service roles to the resources their stacks manage.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "cloudformation:CreateStack"},
	Yields:      "any action of the role, through the resources of a template",
	Steps: []string{
		"aws cloudformation create-stack --stack-name escalate --template-body file://escalate.yaml --role-arn ROLE_ARN --capabilities CAPABILITY_NAMED_IAM",
		"aws cloudformation describe-stacks --stack-name escalate   # outputs, such as a new access key",
	},
	Catalogue:  []string{"pathfinding.cloud cloudformation-001", "Rhino 20", "iam-vulnerable privesc20"},
	References: []string{pathfinding("cloudformation-001"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service:  "cloudformation.amazonaws.com",
			requests: []serviceRequest{{action: "cloudformation:CreateStack", pattern: "arn:aws:cloudformation:*:%s:stack/*/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a CloudFormation stack whose resources are created as %s: aws cloudformation create-stack "+
					"--stack-name escalate --template-body file://escalate.yaml --role-arn %s --capabilities CAPABILITY_NAMED_IAM.", p, r.Name, r.ARN)
			},
		})
	},
}
