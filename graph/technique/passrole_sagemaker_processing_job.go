package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleSageMakerProcessing: run a processing job, in a container the
// attacker chooses, with a privileged role.
var PassRoleSageMakerProcessing = &Technique{
	ID:     "iam:PassRole+sagemaker:CreateProcessingJob",
	Title:  "Run a SageMaker processing job with a privileged role",
	Attack: "T1078.004",
	Why: "A SageMaker processing job runs the caller's container image and entrypoint with the passed " +
		"role's credentials, so the container can act as the role or send its credentials out. " +
		"iam:PassRole for sagemaker.amazonaws.com and the role's trust are the only checks.",
	Remediation: "Scope iam:PassRole to the SageMaker roles a principal must use, with an " +
		"iam:PassedToService condition, and restrict processing jobs to approved images and VPCs.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "sagemaker:CreateProcessingJob"},
	Yields:      "code execution as the role",
	Steps: []string{
		`aws sagemaker create-processing-job --processing-job-name escalate --role-arn ROLE_ARN --app-specification ImageUri=ATTACKER_IMAGE,ContainerEntrypoint=["sh","-c","..."] --processing-resources ClusterConfig={InstanceCount=1,InstanceType=ml.t3.medium,VolumeSizeInGB=10}`,
	},
	Catalogue:  []string{"pathfinding.cloud sagemaker-003", "iam-vulnerable privesc-sageMakerCreateProcessingJobPassRole"},
	References: []string{pathfinding("sagemaker-003"), refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service:  "sagemaker.amazonaws.com",
			requests: []serviceRequest{{action: "sagemaker:CreateProcessingJob", pattern: "arn:aws:sagemaker:*:%s:processing-job/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s runs a SageMaker processing job of its own image as %s: aws sagemaker create-processing-job "+
					"--processing-job-name escalate --role-arn %s --app-specification ImageUri=IMAGE ....", p, r.Name, r.ARN)
			},
			presumes: []string{"a container image the attacker controls that SageMaker can pull"},
		})
	},
}
