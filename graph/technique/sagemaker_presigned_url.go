package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// SageMakerPresignedURL: open the Jupyter terminal of an existing notebook
// instance that runs with a privileged role.
var SageMakerPresignedURL = &Technique{
	ID:     "sagemaker:CreatePresignedNotebookInstanceUrl",
	Title:  "Open the terminal of an existing SageMaker notebook",
	Attack: "T1078.004",
	Why: "sagemaker:CreatePresignedNotebookInstanceUrl returns a URL that signs the caller in to a " +
		"notebook instance's Jupyter server, whose terminal runs with the notebook's execution role. " +
		"pathfinder does not collect notebook instances, so these edges are latent: they say which " +
		"principals could do it to a notebook running as which role.",
	Remediation: "Scope sagemaker:CreatePresignedNotebookInstanceUrl to the notebooks a principal owns " +
		"(by name or tag), and give notebooks narrow execution roles.",
	Cost:        costTakeover,
	Permissions: []string{"sagemaker:CreatePresignedNotebookInstanceUrl"},
	Yields:      "a shell running as the notebook's role",
	Steps: []string{
		"aws sagemaker list-notebook-instances",
		"aws sagemaker create-presigned-notebook-instance-url --notebook-instance-name TARGET   # open it, then a terminal",
	},
	Catalogue:  []string{"pathfinding.cloud sagemaker-004", "Rhino part 2, method 3", "iam-vulnerable privesc-sageMakerCreatePresignedNotebookURL"},
	References: []string{pathfinding("sagemaker-004"), refRhino2},
	Derive: func(env *Env, t *Technique) error {
		return deriveLatent(env, t, latentSpec{service: "sagemaker.amazonaws.com", kind: "SageMaker notebook instance",
			requests: []serviceRequest{{action: "sagemaker:CreatePresignedNotebookInstanceUrl", pattern: sageMakerNotebooks}},
			explain: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s opens the Jupyter terminal of a SageMaker notebook instance that runs as %s, if there is one: "+
					"aws sagemaker create-presigned-notebook-instance-url --notebook-instance-name NOTEBOOK.", p, r.Name)
			}}, nil)
	},
}
