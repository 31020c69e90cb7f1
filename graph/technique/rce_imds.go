package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// RCEIMDS: with IMDSv2 required, a plain SSRF no longer works, but code
// running on the host can still fetch a token and the credentials.
var RCEIMDS = &Technique{
	ID:     "rce-imds",
	Title:  "Code execution on the host reads the metadata endpoint",
	Attack: "T1552.005",
	Why: "IMDSv2 needs a PUT with a session token, which an SSRF through a typical URL fetcher " +
		"cannot send; but any code running on the instance can, so remote code execution in an " +
		"application still yields the instance role's credentials.",
	Remediation: "Give the instance role only what the workload needs, and patch or isolate the " +
		"application; consider disabling the metadata endpoint when the workload does not use it.",
	Cost:    costRCE,
	Assumes: []graph.Assumption{graph.AssumeRCE},
	Yields:  "the instance profile role's temporary credentials",
	Steps: []string{
		"TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600')",
		"curl -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/iam/security-credentials/<role>",
	},
	References: []string{"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html"},
	Derive:     deriveRCEIMDS,
}

// deriveRCEIMDS emits only where IMDSv2 is required: where tokens are
// optional the cheaper SSRF edge already covers the hop.
func deriveRCEIMDS(env *Env, t *Technique) error {
	for i := range env.Estate.Instances {
		in := &env.Estate.Instances[i]
		if !metadataEnabled(*in) || !tokensRequired(*in) || !metadataHoldsSecrets(in) || !running(in) {
			continue
		}
		err := env.emit(t, graph.Edge{From: in.ARN, To: graph.MetadataID(in.ARN),
			Evidence:      []graph.Evidence{metadataEvidence(in)},
			Preconditions: []string{"code execution on " + in.ID + " (an RCE in an application it runs)"},
			Explanation:   fmt.Sprintf("Code executing on %s requests an IMDSv2 session token and then the metadata endpoint.", in.ID),
		})
		if err != nil {
			return err
		}
	}
	return nil
}
