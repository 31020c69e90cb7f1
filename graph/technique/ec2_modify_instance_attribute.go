package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// EC2ModifyInstanceAttribute: replace an instance's user data with a
// script, restart it, and let the script act as the instance's role.
var EC2ModifyInstanceAttribute = &Technique{
	ID:     "ec2:ModifyInstanceAttribute",
	Title:  "Replace an instance's user data and restart it",
	Attack: "T1059.009",
	Why: "The user data of a stopped instance can be replaced with ec2:ModifyInstanceAttribute; a " +
		"cloud-init script in it (with a #cloud-boothook or per-boot directive) runs as root on the next " +
		"start, where the instance profile role's credentials are at hand. Stopping and starting the " +
		"instance needs ec2:StopInstances and ec2:StartInstances.",
	Remediation: "Scope ec2:ModifyInstanceAttribute, ec2:StopInstances and ec2:StartInstances to the " +
		"instances (by tag) a principal manages, and keep privileged roles off instances others can modify.",
	Cost:        costTakeover,
	Permissions: []string{"ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"},
	Yields:      "code execution on the instance as root, and its role's credentials",
	Steps: []string{
		"aws ec2 stop-instances --instance-ids i-TARGET",
		"aws ec2 modify-instance-attribute --instance-id i-TARGET --attribute userData --value file://boothook.b64",
		"aws ec2 start-instances --instance-ids i-TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud ec2-002"},
	References: []string{pathfinding("ec2-002"), "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveInstanceTakeover(env, t, instanceSpec{
			actions: []string{"ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"},
			explain: func(p string, in *ingest.Instance, r *ingest.Role) string {
				return fmt.Sprintf("%s stops %s, replaces its user data with a boot script and starts it again; the script runs as root with the credentials of %s: "+
					"aws ec2 modify-instance-attribute --instance-id %s --attribute userData --value file://boothook.b64.", p, in.ID, r.Name, in.ID)
			},
			latent: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s replaces the user data of an instance that runs as %s, if there is one, and restarts it: "+
					"aws ec2 modify-instance-attribute --attribute userData ....", p, r.Name)
			},
			presumes: []string{"the instance can be stopped and started (an outage the owner may notice)"},
		})
	},
}
