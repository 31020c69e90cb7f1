package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// EC2InstanceConnect: push a temporary SSH key to an instance, log in, and
// read its instance profile credentials.
var EC2InstanceConnect = &Technique{
	ID:     "ec2-instance-connect:SendSSHPublicKey",
	Title:  "Log in to an instance with EC2 Instance Connect",
	Attack: "T1021.004",
	Why: "ec2-instance-connect:SendSSHPublicKey installs a public key of the caller's choosing for an OS " +
		"user of the instance for 60 seconds; the caller then logs in over SSH and reads the instance " +
		"profile role's credentials from the metadata service.",
	Remediation: "Scope ec2-instance-connect:SendSSHPublicKey to the instances (by tag) and OS users " +
		"(ec2:osuser) a principal needs, and close SSH where it is not needed.",
	Cost:        costTakeover,
	Permissions: []string{"ec2-instance-connect:SendSSHPublicKey"},
	Yields:      "a shell on the instance and its role's credentials",
	Steps: []string{
		"aws ec2-instance-connect send-ssh-public-key --instance-id i-TARGET --instance-os-user ec2-user --ssh-public-key file://key.pub",
		"ssh -i key ec2-user@INSTANCE_ADDRESS   # within 60 seconds",
	},
	Catalogue:  []string{"pathfinding.cloud ec2instanceconnect-003", "iam-vulnerable privesc-ec2InstanceConnect"},
	References: []string{pathfinding("ec2instanceconnect-003"), "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveInstanceTakeover(env, t, instanceSpec{
			actions: []string{"ec2-instance-connect:SendSSHPublicKey"}, running: true,
			explain: func(p string, in *ingest.Instance, r *ingest.Role) string {
				return fmt.Sprintf("%s pushes an SSH key to %s, logs in and reads the credentials of %s from its metadata service: "+
					"aws ec2-instance-connect send-ssh-public-key --instance-id %s --instance-os-user ec2-user --ssh-public-key file://key.pub.", p, in.ID, r.Name, in.ID)
			},
			latent: func(p string, r *ingest.Role) string {
				return fmt.Sprintf("%s pushes an SSH key to an instance that runs as %s, if there is one, logs in and reads the role's credentials: "+
					"aws ec2-instance-connect send-ssh-public-key ....", p, r.Name)
			},
			presumes: []string{"the instance runs the EC2 Instance Connect agent and the attacker can reach its SSH port"},
		})
	},
}
