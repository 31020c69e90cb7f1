package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleLambdaEventSource: create a function that runs as a privileged
// role, and have an event source trigger it.
var PassRoleLambdaEventSource = &Technique{
	ID:     "iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping",
	Title:  "Create a Lambda function with a privileged role, triggered by an event source",
	Attack: "T1648",
	Why: "Without lambda:InvokeFunction the caller can still get a new function run: " +
		"lambda:CreateEventSourceMapping connects it to a DynamoDB stream, Kinesis stream or SQS queue, " +
		"and Lambda invokes it as the passed role when records arrive. iam:PassRole for " +
		"lambda.amazonaws.com and the role's trust are the only checks on the role.",
	Remediation: "Scope iam:PassRole to the execution roles a principal must use, with an " +
		"iam:PassedToService condition; restrict lambda:CreateEventSourceMapping with lambda:FunctionArn.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"},
	Yields:      "code execution as the role, and its credentials",
	Steps: []string{
		"aws lambda create-function --function-name escalate --runtime python3.12 --handler index.handler --zip-file fileb://escalate.zip --role ROLE_ARN",
		"aws lambda create-event-source-mapping --function-name escalate --event-source-arn STREAM_OR_QUEUE_ARN --starting-position LATEST",
	},
	Catalogue:  []string{"pathfinding.cloud lambda-002", "Rhino 16", "iam-vulnerable privesc16"},
	References: []string{pathfinding("lambda-002"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "lambda.amazonaws.com",
			requests: []serviceRequest{{action: "lambda:CreateFunction", pattern: lambdaFunctions},
				{action: "lambda:CreateEventSourceMapping", pattern: "*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a Lambda function that runs as %s and maps an event source to it: aws lambda create-function "+
					"--function-name escalate --role %s ...; aws lambda create-event-source-mapping --function-name escalate --event-source-arn SOURCE.", p, r.Name, r.ARN)
			},
			presumes: []string{"an event source (DynamoDB stream, Kinesis stream or SQS queue) that receives records, or that the attacker can write to"},
		})
	},
}
