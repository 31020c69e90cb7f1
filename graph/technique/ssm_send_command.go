package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// SSMSendCommand: run a shell command on a managed instance through SSM
// and read its instance profile credentials.
var SSMSendCommand = &Technique{
	ID:     "ssm:SendCommand",
	Title:  "Run commands on an instance with SSM Run Command",
	Attack: "T1651",
	Why: "ssm:SendCommand with the AWS-RunShellScript document runs any command as root on an instance " +
		"whose SSM agent is registered, and the command's output comes back to the caller. Any code on " +
		"the instance can read the instance profile role's credentials from the metadata service. " +
		"The call is authorised on both the instance and the document.",
	Remediation: "Scope ssm:SendCommand to the instances (by tag) and documents a principal needs, and keep " +
		"privileged roles off instances that many principals can command.",
	Cost:        costTakeover,
	Permissions: []string{"ssm:SendCommand"},
	Yields:      "the instance profile role's credentials",
	Steps: []string{
		`aws ssm send-command --instance-ids i-TARGET --document-name AWS-RunShellScript --parameters 'commands=["curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE"]'`,
		"aws ssm get-command-invocation --command-id COMMAND_ID --instance-id i-TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud ssm-002", "iam-vulnerable privesc-ssmSendCommand"},
	References: []string{pathfinding("ssm-002"), "https://docs.aws.amazon.com/systems-manager/latest/userguide/run-command.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveInstanceTakeover(env, t, instanceSpec{
			actions: []string{"ssm:SendCommand"}, document: "AWS-RunShellScript", running: true,
			explain: func(p string, in *ingest.Instance, r *ingest.Role) string {
				return fmt.Sprintf("%s runs a shell command on %s with SSM and reads the credentials of %s from its metadata service: "+
					"aws ssm send-command --instance-ids %s --document-name AWS-RunShellScript --parameters commands=[...].", p, in.ID, r.Name, in.ID)
			},
			latent: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s runs a shell command with SSM on an instance that runs as %s, if there is one, and reads the role's credentials: "+
					"aws ssm send-command --document-name AWS-RunShellScript ....", p, r.Name)
			},
			presumes: []string{"the SSM agent runs on the instance and is registered with Systems Manager"},
		})
	},
}
