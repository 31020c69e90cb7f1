package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// SecretsManagerRead: a principal allowed secretsmanager:GetSecretValue
// (and kms:Decrypt on the secret's key) reads the secret.
var SecretsManagerRead = &Technique{
	ID:     "secretsmanager-read",
	Title:  "Read a Secrets Manager secret",
	Attack: "T1555.006",
	Why: "secretsmanager:GetSecretValue returns the secret in clear text to any principal the " +
		"identity and secret policies allow; Secrets Manager decrypts it with the secret's KMS key on " +
		"the caller's behalf, so the caller also needs kms:Decrypt on a customer managed key.",
	Remediation: "Scope secretsmanager:GetSecretValue to the secrets each principal needs, and encrypt " +
		"sensitive secrets with a customer managed key whose policy names only their readers.",
	Cost:        costCredential,
	Permissions: []string{"secretsmanager:GetSecretValue", "kms:Decrypt (customer managed key)"},
	Yields:      "the secret's value (database passwords, API tokens, keys)",
	Steps:       []string{"aws secretsmanager get-secret-value --secret-id <arn> --query SecretString --output text"},
	References:  []string{"https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access.html"},
	Derive:      deriveSecretsManagerRead,
}

func deriveSecretsManagerRead(env *Env, t *Technique) error {
	for i := range env.Estate.Secrets {
		s := &env.Estate.Secrets[i]
		side := resourceSide{name: s.ARN + " resource policy", policy: s.Policy, owner: s.Account, tags: s.Tags}
		for _, reader := range env.authz.candidatesOn([]string{"secretsmanager:GetSecretValue"}, s.ARN, s.Account, s.Policy) {
			if err := env.readSecret(t, reader, s, side); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) readSecret(t *Technique, reader string, s *ingest.Secret, side resourceSide) error {
	d, err := env.authz.decide(reader, "secretsmanager:GetSecretValue", s.ARN, side)
	if err != nil || d.Outcome == iam.Denied {
		return err
	}
	edge := graph.Edge{From: reader, To: s.ARN, Technique: t.ID, Evidence: env.authz.policyEvidence(d), Conditions: d.Conditions,
		Explanation: fmt.Sprintf("%s reads secret %s with secretsmanager:GetSecretValue.", nameOf(reader), s.Name),
		Remediation: fmt.Sprintf("Remove secretsmanager:GetSecretValue on %s from %s's policies, or deny it in the secret's resource policy.", s.Name, nameOf(reader))}
	ok, err := env.twoKeys(&edge, reader, encryptedBy{keyRef: s.KMSKey, service: "secretsmanager", region: s.Region, owner: s.Account,
		what: "secret " + s.Name, context: map[string][]string{"kms:EncryptionContext:SecretARN": {s.ARN}}})
	if err != nil || !ok {
		return err
	}
	if edge.Conditional() {
		edge.Explanation += " It works " + conditionNote(edge.Conditions) + "."
	}
	return env.emit(t, edge)
}
