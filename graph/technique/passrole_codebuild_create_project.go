package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// codeBuildProjects is the pattern of a new project's ARN.
const codeBuildProjects = "arn:aws:codebuild:*:%s:project/*"

// PassRoleCodeBuild: create a build project with a privileged service role
// and run a build whose commands act as the role.
var PassRoleCodeBuild = &Technique{
	ID:     "iam:PassRole+codebuild:CreateProject",
	Title:  "Create a CodeBuild project with a privileged service role",
	Attack: "T1078.004",
	Why: "A CodeBuild project's service role supplies the credentials of every build, and the project's " +
		"buildspec (written by whoever creates it) runs any command. codebuild:CreateProject and " +
		"codebuild:StartBuild, with iam:PassRole for codebuild.amazonaws.com on a role that trusts " +
		"CodeBuild, give the caller the role.",
	Remediation: "Scope iam:PassRole to the build roles a principal must use, with an iam:PassedToService " +
		"condition, and keep build service roles to what builds need.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"},
	Yields:      "commands run as the role, and its credentials",
	Steps: []string{
		`aws codebuild create-project --name escalate --service-role ROLE_ARN --artifacts type=NO_ARTIFACTS --environment type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL --source type=NO_SOURCE,buildspec=buildspec.yml`,
		"aws codebuild start-build --project-name escalate",
	},
	Catalogue:  []string{"pathfinding.cloud codebuild-001", "iam-vulnerable privesc-codeBuildCreateProjectPassRole"},
	References: []string{pathfinding("codebuild-001"), refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "codebuild.amazonaws.com",
			requests: []serviceRequest{{action: "codebuild:CreateProject", pattern: codeBuildProjects},
				{action: "codebuild:StartBuild", pattern: codeBuildProjects}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a CodeBuild project whose builds run as %s and starts a build with its own commands: "+
					"aws codebuild create-project --name escalate --service-role %s ...; aws codebuild start-build --project-name escalate.", p, r.Name, r.ARN)
			},
		})
	},
}
