package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// CloudFormationUpdateStack: change the template of an existing stack whose
// service role is privileged.
var CloudFormationUpdateStack = &Technique{
	ID:     "cloudformation:UpdateStack",
	Title:  "Update a stack that runs with a privileged service role",
	Attack: "T1078.004",
	Why: "A stack created with a service role keeps it: cloudformation:UpdateStack with a new template " +
		"makes CloudFormation create or change resources as that role, without iam:PassRole. pathfinder " +
		"does not collect stacks, so these edges are latent: they say which principals could do it to a " +
		"stack running as which role.",
	Remediation: "Scope cloudformation:UpdateStack to the stacks a principal owns (by stack ARN), and give " +
		"stack service roles only what their templates manage.",
	Cost:        costTakeover,
	Permissions: []string{"cloudformation:UpdateStack"},
	Yields:      "any action of the stack's role, through the resources of a template",
	Steps: []string{
		"aws cloudformation update-stack --stack-name TARGET --template-body file://escalate.yaml --capabilities CAPABILITY_NAMED_IAM",
		"aws cloudformation describe-stacks --stack-name TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud cloudformation-002", "iam-vulnerable privesc-cloudFormationUpdateStack"},
	References: []string{pathfinding("cloudformation-002"), "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveLatent(env, t, latentSpec{service: "cloudformation.amazonaws.com", kind: "CloudFormation stack",
			requests: []serviceRequest{{action: "cloudformation:UpdateStack", pattern: "arn:aws:cloudformation:*:%s:stack/*/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s updates the template of a CloudFormation stack whose service role is %s, if there is one: "+
					"aws cloudformation update-stack --stack-name STACK --template-body file://escalate.yaml.", p, r.Name)
			}}, nil)
	},
}
