package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// KMSDecrypt: a principal allowed kms:Decrypt on a key can read whatever
// was encrypted under it. On its own it is a principal → key edge; inside
// s3-read it is the second key of the two-keys rule.
var KMSDecrypt = &Technique{
	ID:     "kms-decrypt",
	Title:  "Decrypt with a KMS key",
	Attack: "T1530",
	Why: "A KMS key policy is the primary control of a key: IAM policies count only when the key " +
		"policy enables them by allowing the account principal. A principal that the key policy " +
		"(directly or through IAM) allows kms:Decrypt can decrypt every ciphertext under the key.",
	Remediation: "Name only the principals that must decrypt in the key policy, and do not enable " +
		"IAM policies for keys that protect sensitive data.",
	Cost:        costCredential,
	Permissions: []string{"kms:Decrypt"},
	Yields:      "the plaintext of data encrypted under the key",
	Steps:       []string{"aws kms decrypt --ciphertext-blob fileb://<blob> --query Plaintext --output text | base64 -d"},
	References:  []string{"https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html"},
	Derive:      deriveKMSDecrypt,
}

func deriveKMSDecrypt(env *Env, t *Technique) error {
	for i := range env.Estate.KMSKeys {
		key := &env.Estate.KMSKeys[i]
		for _, p := range env.authz.candidatesOn([]string{"kms:Decrypt"}, key.ARN, key.Account, key.Policy) {
			d, err := env.authz.decide(p, "kms:Decrypt", key.ARN, keySide(key))
			if err != nil {
				return err
			}
			if d.Outcome == iam.Denied {
				continue
			}
			err = env.emit(t, graph.Edge{From: p, To: key.ARN, Evidence: env.authz.policyEvidence(d),
				Conditions:  d.Conditions,
				Explanation: fmt.Sprintf("%s may call kms:Decrypt with key %s.", nameOf(p), keyName(*key)),
				Remediation: fmt.Sprintf("Remove %s from the key policy of %s (or from the IAM policies the key policy enables).", nameOf(p), keyName(*key))})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// keySide is the resource side of a KMS request on a key.
func keySide(key *ingest.KMSKey) resourceSide {
	return resourceSide{name: key.ARN + " key policy", policy: key.Policy, kind: iam.KMSKey, owner: key.Account, tags: key.Tags}
}
