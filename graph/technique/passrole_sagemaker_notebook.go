package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// sageMakerNotebooks is the pattern of a notebook instance's ARN.
const sageMakerNotebooks = "arn:aws:sagemaker:*:%s:notebook-instance/*"

// PassRoleSageMakerNotebook: create a notebook instance with a privileged
// role and open its Jupyter terminal.
var PassRoleSageMakerNotebook = &Technique{
	ID:     "iam:PassRole+sagemaker:CreateNotebookInstance",
	Title:  "Create a SageMaker notebook with a privileged role",
	Attack: "T1078.004",
	Why: "A SageMaker notebook instance runs with its execution role, and its Jupyter terminal, opened " +
		"through a presigned URL, gives a shell with the role's credentials. iam:PassRole for " +
		"sagemaker.amazonaws.com and the role trusting SageMaker are the only checks on the role.",
	Remediation: "Scope iam:PassRole to the SageMaker roles a principal must use, with an " +
		"iam:PassedToService condition, and keep notebook roles narrow.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"},
	Yields:      "a shell running as the role",
	Steps: []string{
		"aws sagemaker create-notebook-instance --notebook-instance-name escalate --instance-type ml.t3.medium --role-arn ROLE_ARN",
		"aws sagemaker create-presigned-notebook-instance-url --notebook-instance-name escalate   # open it, then a terminal",
	},
	Catalogue:  []string{"pathfinding.cloud sagemaker-001", "Rhino part 2, method 2", "iam-vulnerable privesc-sageMakerCreateNotebookPassRole"},
	References: []string{pathfinding("sagemaker-001"), refRhino2, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service: "sagemaker.amazonaws.com",
			requests: []serviceRequest{{action: "sagemaker:CreateNotebookInstance", pattern: sageMakerNotebooks},
				{action: "sagemaker:CreatePresignedNotebookInstanceUrl", pattern: sageMakerNotebooks}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s creates a SageMaker notebook instance that runs as %s and opens its terminal: aws sagemaker "+
					"create-notebook-instance --notebook-instance-name escalate --role-arn %s ...; aws sagemaker create-presigned-notebook-instance-url.", p, r.Name, r.ARN)
			},
		})
	},
}
