package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleGlueDevEndpoint: create a Glue development endpoint with a
// privileged role and log in to it.
var PassRoleGlueDevEndpoint = &Technique{
	ID:     "iam:PassRole+glue:CreateDevEndpoint",
	Title:  "Create a Glue development endpoint with a privileged role",
	Attack: "T1078.004",
	Why: "glue:CreateDevEndpoint starts a development endpoint that runs with the passed role and " +
		"accepts SSH with a public key the caller supplies; on it, the role's credentials are at hand. " +
		"iam:PassRole for glue.amazonaws.com and the role trusting Glue are the only checks.",
	Remediation: "Scope iam:PassRole to the Glue roles a principal must use, with an iam:PassedToService " +
		"condition; development endpoints are deprecated, so deny glue:CreateDevEndpoint.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "glue:CreateDevEndpoint"},
	Yields:      "a shell running as the role",
	Steps: []string{
		"aws glue create-dev-endpoint --endpoint-name escalate --role-arn ROLE_ARN --public-key file://key.pub",
		"aws glue get-dev-endpoint --endpoint-name escalate   # then ssh -i key glue@ADDRESS",
	},
	Catalogue:  []string{"pathfinding.cloud glue-001", "Rhino 18", "iam-vulnerable privesc18"},
	References: []string{pathfinding("glue-001"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service:  "glue.amazonaws.com",
			requests: []serviceRequest{{action: "glue:CreateDevEndpoint", pattern: "arn:aws:glue:*:%s:devEndpoint/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a Glue development endpoint that runs as %s and logs in with its own SSH key: "+
					"aws glue create-dev-endpoint --endpoint-name escalate --role-arn %s --public-key file://key.pub.", p, r.Name, r.ARN)
			},
			presumes: []string{"the attacker can reach the endpoint's SSH port"},
		})
	},
}
