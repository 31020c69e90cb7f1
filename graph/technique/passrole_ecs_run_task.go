package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleECSRunTask: register a task definition with a privileged task
// role and run it.
var PassRoleECSRunTask = &Technique{
	ID:     "iam:PassRole+ecs:RegisterTaskDefinition+ecs:RunTask",
	Title:  "Run an ECS task with a privileged task role",
	Attack: "T1610",
	Why: "An ECS task definition names the task role whose credentials its containers get, and the " +
		"container's image and command are the caller's. ecs:RegisterTaskDefinition and ecs:RunTask, with " +
		"iam:PassRole for ecs-tasks.amazonaws.com on a role that trusts ECS tasks, run the caller's code " +
		"as that role.",
	Remediation: "Scope iam:PassRole to the task roles a principal must use, with an iam:PassedToService " +
		"condition, and keep task roles narrow.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"},
	Yields:      "code execution as the role, and its credentials",
	Steps: []string{
		`aws ecs register-task-definition --family escalate --task-role-arn ROLE_ARN --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --container-definitions '[{"name":"x","image":"amazon/aws-cli","command":["sts","get-caller-identity"]}]'`,
		"aws ecs run-task --cluster CLUSTER --task-definition escalate --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[SUBNET],assignPublicIp=ENABLED}",
	},
	Catalogue:  []string{"pathfinding.cloud ecs-004"},
	References: []string{pathfinding("ecs-004"), "https://rhinosecuritylabs.com/aws/weaponizing-ecs-task-definitions-steal-credentials-running-containers/", refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "ecs-tasks.amazonaws.com",
			requests: []serviceRequest{{action: "ecs:RegisterTaskDefinition", pattern: "*"},
				{action: "ecs:RunTask", pattern: "arn:aws:ecs:*:%s:task-definition/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s registers an ECS task definition whose task role is %s and runs it: aws ecs register-task-definition "+
					"--family escalate --task-role-arn %s ...; aws ecs run-task --task-definition escalate ....", p, r.Name, r.ARN)
			},
			presumes: []string{"an ECS cluster to run the task in, and a subnet for it"},
		})
	},
}
