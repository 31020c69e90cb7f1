package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// GlueUpdateDevEndpoint: add an SSH key to an existing Glue development
// endpoint and log in as its role.
var GlueUpdateDevEndpoint = &Technique{
	ID:     "glue:UpdateDevEndpoint",
	Title:  "Add an SSH key to an existing Glue development endpoint",
	Attack: "T1098.004",
	Why: "glue:UpdateDevEndpoint replaces or adds the SSH public keys of a development endpoint, which " +
		"runs with its role; the caller then logs in with its own key and uses the role's credentials. " +
		"pathfinder does not collect Glue endpoints, so these edges are latent: they say which " +
		"principals could do it to an endpoint running as which role.",
	Remediation: "Scope glue:UpdateDevEndpoint to the endpoints a principal owns, and delete development " +
		"endpoints (deprecated by AWS) that run with privileged roles.",
	Cost:        costTakeover,
	Permissions: []string{"glue:UpdateDevEndpoint"},
	Yields:      "a shell running as the endpoint's role",
	Steps: []string{
		"aws glue update-dev-endpoint --endpoint-name TARGET --add-public-keys file://key.pub",
		"aws glue get-dev-endpoint --endpoint-name TARGET   # then ssh -i key glue@ADDRESS",
	},
	Catalogue:  []string{"pathfinding.cloud glue-002", "Rhino 19", "iam-vulnerable privesc19"},
	References: []string{pathfinding("glue-002"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		return deriveLatent(env, t, latentSpec{service: "glue.amazonaws.com", kind: "Glue development endpoint",
			requests: []serviceRequest{{action: "glue:UpdateDevEndpoint", pattern: "arn:aws:glue:*:%s:devEndpoint/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s adds its SSH key to a Glue development endpoint that runs as %s, if there is one, and logs in: "+
					"aws glue update-dev-endpoint --endpoint-name ENDPOINT --add-public-keys file://key.pub.", p, r.Name)
			}}, nil)
	},
}
