package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// secretsAPI is what the collector calls on Secrets Manager.
type secretsAPI interface {
	secretsmanager.ListSecretsAPIClient
	GetResourcePolicy(context.Context, *secretsmanager.GetResourcePolicyInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetResourcePolicyOutput, error)
}

// collectSecrets writes secretsmanager-list-secrets.json, each secret with
// its resource policy merged in (null when it has none).
func collectSecrets(ctx context.Context, s *scope) error {
	api := secretsAPI(secretsmanager.NewFromConfig(s.config()))
	secrets, err := items(ctx, secretsmanager.NewListSecretsPaginator(api, &secretsmanager.ListSecretsInput{}),
		func(o *secretsmanager.ListSecretsOutput) []types.SecretListEntry { return o.SecretList })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	entries := make([]any, len(secrets))
	err = forEach(ctx, len(secrets), func(ctx context.Context, i int) error {
		entry := encode(secrets[i]).(*object)
		entries[i] = entry
		arn := aws.ToString(secrets[i].ARN)
		var policy any
		out, err := api.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: &arn})
		if err != nil {
			if err := s.skip(ctx, err, arn); err != nil {
				return err
			}
		} else {
			policy = encode(out.ResourcePolicy)
		}
		entry.set("ResourcePolicy", policy)
		return nil
	})
	if err != nil {
		return err
	}
	return s.save("secretsmanager-list-secrets.json", newObject().set("SecretList", entries))
}
