package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleDataPipeline: create a pipeline whose activity runs commands as
// a privileged role.
var PassRoleDataPipeline = &Technique{
	ID:     "iam:PassRole+datapipeline:CreatePipeline",
	Title:  "Create a Data Pipeline that runs commands with a privileged role",
	Attack: "T1078.004",
	Why: "A Data Pipeline definition names the role the pipeline runs as and may hold a " +
		"ShellCommandActivity with any command; once activated, the pipeline runs it with that role's " +
		"credentials. iam:PassRole for datapipeline.amazonaws.com and the role's trust are the only " +
		"checks on the role.",
	Remediation: "Scope iam:PassRole to the pipeline roles a principal must use, with an iam:PassedToService " +
		"condition; AWS Data Pipeline is closed to new customers, so deny its actions.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition", "datapipeline:ActivatePipeline"},
	Yields:      "commands run as the role",
	Steps: []string{
		"aws datapipeline create-pipeline --name escalate --unique-id escalate",
		"aws datapipeline put-pipeline-definition --pipeline-id PIPELINE_ID --pipeline-definition file://shell-command.json   # role: ROLE_NAME",
		"aws datapipeline activate-pipeline --pipeline-id PIPELINE_ID",
	},
	Catalogue:  []string{"pathfinding.cloud datapipeline-001", "Rhino 21", "iam-vulnerable privesc21"},
	References: []string{pathfinding("datapipeline-001"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "datapipeline.amazonaws.com",
			requests: []serviceRequest{{action: "datapipeline:CreatePipeline", pattern: "*"},
				{action: "datapipeline:PutPipelineDefinition", pattern: "*"},
				{action: "datapipeline:ActivatePipeline", pattern: "*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates and activates a Data Pipeline that runs a shell command as %s: aws datapipeline create-pipeline ...; "+
					"aws datapipeline put-pipeline-definition (role %s, a ShellCommandActivity); aws datapipeline activate-pipeline.", p, r.Name, r.Name)
			},
			presumes: []string{"the pipeline's EC2 resource role (its resourceRole) can be passed too, or is the same role"},
		})
	},
}
