package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// InstanceCredentials: the metadata endpoint hands out the credentials of
// the instance profile's role.
var InstanceCredentials = &Technique{
	ID:     "instance-credentials",
	Title:  "Metadata endpoint yields the instance role's credentials",
	Attack: "T1552.005",
	Why: "An instance profile makes EC2 assume its role and serve the temporary credentials at " +
		"/latest/meta-data/iam/security-credentials/<role>; whoever reads them acts as the role " +
		"from anywhere until they expire.",
	Remediation: "Detach the instance profile if the workload does not call AWS, or reduce the " +
		"role to the actions and resources the workload needs.",
	Cost:       costCredential,
	Yields:     "a session of the role, usable from anywhere until it expires",
	Steps:      []string{"export AWS_ACCESS_KEY_ID=<AccessKeyId> AWS_SECRET_ACCESS_KEY=<SecretAccessKey> AWS_SESSION_TOKEN=<Token>; aws sts get-caller-identity"},
	References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html"},
	Derive:     deriveInstanceCredentials,
}

func deriveInstanceCredentials(env *Env, t *Technique) error {
	for i := range env.Estate.Instances {
		in := &env.Estate.Instances[i]
		if !metadataEnabled(*in) || in.InstanceProfile == "" {
			continue
		}
		role, ok := env.ix.roleByProf[in.InstanceProfile]
		if !ok {
			env.warn("instance %s uses instance profile %s, which no role in the estate lists", in.ID, in.InstanceProfile)
			continue
		}
		trust, err := env.authz.serviceMayAssume("ec2.amazonaws.com", role.ARN, role.TrustPolicy)
		if err != nil {
			return err
		}
		if trust.Outcome == iam.Denied {
			env.warn("role %s is in instance profile %s but its trust policy does not let EC2 assume it", role.ARN, in.InstanceProfile)
			continue
		}
		ev := append([]graph.Evidence{{Kind: "instance-profile", Source: in.InstanceProfile,
			Detail: fmt.Sprintf("%s is launched with instance profile %s, which carries role %s", in.ID, in.InstanceProfile, role.Name)}},
			env.authz.policyEvidence(trust)...)
		err = env.emit(t, graph.Edge{From: graph.MetadataID(in.ARN), To: role.ARN, Evidence: ev,
			Conditions:  trust.Conditions,
			Explanation: fmt.Sprintf("The metadata endpoint of %s serves temporary credentials for role %s.", in.ID, role.Name)})
		if err != nil {
			return err
		}
	}
	return nil
}
