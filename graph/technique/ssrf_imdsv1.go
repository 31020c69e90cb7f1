package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// SSRFIMDSv1: the Capital One step. The metadata endpoint answers plain GET
// requests, so a server-side request forgery in any app on the instance
// reads the role's credentials.
var SSRFIMDSv1 = &Technique{
	ID:     "ssrf-imdsv1",
	Title:  "SSRF to the IMDSv1 metadata endpoint",
	Attack: "T1552.005",
	Why: "With HttpTokens=optional the instance metadata service (169.254.169.254) answers a plain " +
		"GET without a session token. An application that fetches URLs on a caller's behalf (SSRF, " +
		"or a misconfigured reverse proxy as at Capital One in 2019) can be made to request " +
		"/latest/meta-data/iam/security-credentials/<role> and return the role's temporary credentials.",
	Remediation: "Require IMDSv2: aws ec2 modify-instance-metadata-options --instance-id <id> " +
		"--http-tokens required --http-put-response-hop-limit 1 (or disable the endpoint if unused).",
	Cost:   costExploit,
	Yields: "the instance profile role's temporary credentials (and the user data)",
	Steps: []string{
		"curl 'https://<app>/fetch?url=http://169.254.169.254/latest/meta-data/iam/security-credentials/'",
		"curl 'https://<app>/fetch?url=http://169.254.169.254/latest/meta-data/iam/security-credentials/<role>'",
	},
	References: []string{"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
		"https://krebsonsecurity.com/2019/08/what-we-can-learn-from-the-capital-one-hack/"},
	Derive: deriveSSRFIMDSv1,
}

func deriveSSRFIMDSv1(env *Env, t *Technique) error {
	for i := range env.Estate.Instances {
		in := &env.Estate.Instances[i]
		if !metadataEnabled(*in) || tokensRequired(*in) || !metadataHoldsSecrets(in) || !running(in) {
			continue
		}
		err := env.emit(t, graph.Edge{From: in.ARN, To: graph.MetadataID(in.ARN),
			Evidence:      []graph.Evidence{metadataEvidence(in)},
			Preconditions: []string{"an application on " + in.ID + " can be made to fetch a URL the attacker chooses (SSRF)"},
			Explanation:   fmt.Sprintf("An SSRF request through an application on %s reaches its metadata endpoint, which answers without a token (IMDSv1).", in.ID),
			Remediation:   fmt.Sprintf("Require IMDSv2 on %s: aws ec2 modify-instance-metadata-options --instance-id %s --http-tokens required", in.ID, in.ID),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// metadataHoldsSecrets reports whether the metadata endpoint serves
// anything worth stealing: role credentials of an instance profile, or user
// data (where bootstrap scripts too often keep keys).
func metadataHoldsSecrets(in *ingest.Instance) bool {
	return in.InstanceProfile != "" || in.UserData != ""
}

// tokensRequired applies AWS's API default: tokens are optional unless the
// instance says required.
func tokensRequired(in ingest.Instance) bool { return in.Metadata.Tokens == "required" }

func metadataEvidence(in *ingest.Instance) graph.Evidence {
	tokens, endpoint, hops := in.Metadata.Tokens, in.Metadata.Endpoint, in.Metadata.HopLimit
	if tokens == "" {
		tokens = "optional"
	}
	if endpoint == "" {
		endpoint = "enabled"
	}
	if hops == 0 {
		hops = 1
	}
	return graph.Evidence{Kind: "imds", Source: in.ID, Detail: fmt.Sprintf(
		"MetadataOptions HttpEndpoint=%s, HttpTokens=%s, HttpPutResponseHopLimit=%d", endpoint, tokens, hops)}
}
