package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// lambdaFunctions is the pattern of a new function's ARN.
const lambdaFunctions = "arn:aws:lambda:*:%s:function:*"

// PassRoleLambdaInvoke: create a function that runs as a privileged role,
// and invoke it.
var PassRoleLambdaInvoke = &Technique{
	ID:     "iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction",
	Title:  "Create and invoke a Lambda function with a privileged role",
	Attack: "T1648",
	Why: "lambda:CreateFunction takes an execution role, checked only by iam:PassRole for " +
		"lambda.amazonaws.com and by the role trusting Lambda. The function's code, written by the " +
		"caller, runs with the role's credentials when lambda:InvokeFunction calls it, so it can act " +
		"as the role or return its credentials.",
	Remediation: "Scope iam:PassRole to the execution roles a principal must use, with an " +
		"iam:PassedToService condition, and keep Lambda execution roles narrow.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"},
	Yields:      "code execution as the role, and its credentials",
	Steps: []string{
		"aws lambda create-function --function-name escalate --runtime python3.12 --handler index.handler --zip-file fileb://escalate.zip --role ROLE_ARN",
		"aws lambda invoke --function-name escalate out.json",
	},
	Catalogue:  []string{"pathfinding.cloud lambda-001", "Rhino 15", "iam-vulnerable privesc15"},
	References: []string{pathfinding("lambda-001"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "lambda.amazonaws.com",
			requests: []serviceRequest{{action: "lambda:CreateFunction", pattern: lambdaFunctions},
				{action: "lambda:InvokeFunction", pattern: lambdaFunctions}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a Lambda function that runs as %s and invokes it: aws lambda create-function "+
					"--function-name escalate --role %s --zip-file fileb://escalate.zip ...; aws lambda invoke --function-name escalate out.json.", p, r.Name, r.ARN)
			},
		})
	},
}
