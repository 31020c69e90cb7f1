package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// UserDataCredentials: an access key hard-coded in an instance's user data
// is served by its metadata endpoint to anything on (or SSRF through) the
// instance, and to any principal allowed to describe the instance's
// attributes.
var UserDataCredentials = &Technique{
	ID:     "ec2-userdata-credentials",
	Title:  "Access keys in EC2 user data",
	Attack: "T1552.005",
	Why: "User data is not secret: the metadata endpoint serves it at /latest/user-data to any " +
		"process on the instance (and to an SSRF through it when IMDSv1 answers), and " +
		"ec2:DescribeInstanceAttribute returns it to any principal allowed to call it. A long-term " +
		"access key hard-coded in a bootstrap script is a standing credential of its user.",
	Remediation: "Remove the key from the user data, rotate it, and give the instance a role through an " +
		"instance profile instead.",
	Cost:        costCredential,
	Permissions: []string{"ec2:DescribeInstanceAttribute"},
	Yields:      "the access key of the user the key belongs to",
	Steps: []string{
		"aws ec2 describe-instance-attribute --instance-id <id> --attribute userData --query UserData.Value --output text | base64 -d",
		"curl http://169.254.169.254/latest/user-data   # from the instance, or through an SSRF",
	},
	References: []string{"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html"},
	Derive:     deriveUserDataCredentials,
}

func deriveUserDataCredentials(env *Env, t *Technique) error {
	for i := range env.Estate.Instances {
		in := &env.Estate.Instances[i]
		found, unmatched := env.leakedKeys(in.UserData)
		for _, id := range unmatched {
			env.warn("instance %s has access key id %s in its user data, which is no active key of a user in the estate", in.ID, maskKey(id))
		}
		for _, key := range found {
			if err := env.userDataEdges(t, in, key); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) userDataEdges(t *Technique, in *ingest.Instance, key leakedKey) error {
	ev := graph.Evidence{Kind: "user-data", Source: in.ID,
		Detail: fmt.Sprintf("the user data holds %s, an active access key of %s", maskKey(key.id), nameOf(key.user))}
	remedy := fmt.Sprintf("Remove the access key from the user data of %s and rotate %s.", in.ID, maskKey(key.id))
	if metadataEnabled(*in) {
		err := env.emit(t, graph.Edge{From: graph.MetadataID(in.ARN), To: key.user, Remediation: remedy,
			Evidence:    []graph.Evidence{ev, metadataEvidence(in)},
			Explanation: fmt.Sprintf("The metadata endpoint of %s serves its user data, which holds the access key of %s.", in.ID, nameOf(key.user))})
		if err != nil {
			return err
		}
	}
	side := resourceSide{owner: in.Account, tags: in.Tags}
	for _, reader := range env.authz.candidatesOn([]string{"ec2:DescribeInstanceAttribute"}, in.ARN, in.Account, nil) {
		if reader == key.user {
			continue
		}
		d, err := env.authz.decide(reader, "ec2:DescribeInstanceAttribute", in.ARN, side)
		if err != nil {
			return err
		}
		if d.Outcome == iam.Denied {
			continue
		}
		err = env.emit(t, graph.Edge{From: reader, To: key.user, Conditions: d.Conditions, Remediation: remedy,
			Evidence:    append(env.authz.policyEvidence(d), ev),
			Explanation: fmt.Sprintf("%s reads the user data of %s with ec2:DescribeInstanceAttribute and finds the access key of %s.", nameOf(reader), in.ID, nameOf(key.user))})
		if err != nil {
			return err
		}
	}
	return nil
}
