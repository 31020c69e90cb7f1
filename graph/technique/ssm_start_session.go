package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// SSMStartSession: open a Session Manager shell on an instance and read
// its instance profile credentials.
var SSMStartSession = &Technique{
	ID:     "ssm:StartSession",
	Title:  "Open a shell on an instance with Session Manager",
	Attack: "T1651",
	Why: "ssm:StartSession opens an interactive shell on an instance whose SSM agent is registered, " +
		"without SSH keys or an open port. From the shell, the instance profile role's credentials are " +
		"one request to the metadata service away.",
	Remediation: "Scope ssm:StartSession to the instances (by tag) a principal must reach, and keep " +
		"privileged roles off instances that many principals can open sessions on.",
	Cost:        costTakeover,
	Permissions: []string{"ssm:StartSession"},
	Yields:      "a shell on the instance and its role's credentials",
	Steps: []string{
		"aws ssm start-session --target i-TARGET",
		"# in the session: curl http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE",
	},
	Catalogue:  []string{"pathfinding.cloud ssm-001", "iam-vulnerable privesc-ssmStartSession"},
	References: []string{pathfinding("ssm-001"), "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveInstanceTakeover(env, t, instanceSpec{
			actions: []string{"ssm:StartSession"}, running: true,
			explain: func(p string, in *ingest.Instance, r *ingest.Role) string {
				return fmt.Sprintf("%s opens a shell on %s with Session Manager and reads the credentials of %s from its metadata service: "+
					"aws ssm start-session --target %s.", p, in.ID, r.Name, in.ID)
			},
			latent: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s opens a Session Manager shell on an instance that runs as %s, if there is one, and reads the role's credentials: "+
					"aws ssm start-session --target INSTANCE.", p, r.Name)
			},
			presumes: []string{"the SSM agent runs on the instance and is registered with Systems Manager"},
		})
	},
}
