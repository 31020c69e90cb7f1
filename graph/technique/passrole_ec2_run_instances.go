package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PassRoleEC2RunInstances: launch an instance with a privileged instance
// profile and take its credentials.
var PassRoleEC2RunInstances = &Technique{
	ID:     "iam:PassRole+ec2:RunInstances",
	Title:  "Launch an instance with a privileged instance profile",
	Attack: "T1578.002",
	Why: "ec2:RunInstances with --iam-instance-profile starts an instance whose metadata service serves " +
		"the profile role's credentials to any code on it, and the launching principal chooses that " +
		"code (user data). iam:PassRole on the role, for ec2.amazonaws.com, is the only check on which " +
		"role it may be, and the role must trust ec2.amazonaws.com.",
	Remediation: "Scope iam:PassRole to the instance roles a principal must launch with (Resource and an " +
		"iam:PassedToService condition), and keep privileged roles out of instance profiles.",
	Cost:        costNewCompute,
	Permissions: []string{"iam:PassRole", "ec2:RunInstances"},
	Yields:      "the instance profile role's credentials",
	Steps: []string{
		"aws ec2 run-instances --image-id AMI --instance-type t3.micro --iam-instance-profile Name=PROFILE --user-data file://send-credentials.sh",
		"# on the instance: curl http://169.254.169.254/latest/meta-data/iam/security-credentials/ROLE",
	},
	Catalogue:  []string{"pathfinding.cloud ec2-001", "Rhino 3", "iam-vulnerable privesc3"},
	References: []string{pathfinding("ec2-001"), refRhino, refPassRole},
	Derive: func(env *Env, t *Technique) error {
		return derivePassRole(env, t, passRoleSpec{
			service:  "ec2.amazonaws.com",
			requests: []serviceRequest{{action: "ec2:RunInstances", pattern: "arn:aws:ec2:*:%s:instance/*"}},
			profile:  true,
			explain: func(p string, r *ingest.Role) string {
				prof := r.InstanceProfiles[0].Name
				return fmt.Sprintf("%s launches an EC2 instance with instance profile %s and takes the credentials of %s from its metadata service: "+
					"aws ec2 run-instances --image-id AMI --iam-instance-profile Name=%s --user-data file://send-credentials.sh.", p, prof, r.Name, prof)
			},
			presumes: []string{"an AMI and a subnet the attacker may launch into (ec2:RunInstances also checks them), and a way for the instance to send the credentials out"},
		})
	},
}
