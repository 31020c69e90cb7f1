package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// kmsAPI is what the collector calls on KMS.
type kmsAPI interface {
	kms.ListKeysAPIClient
	kms.ListAliasesAPIClient
	kms.ListResourceTagsAPIClient
	DescribeKey(context.Context, *kms.DescribeKeyInput, ...func(*kms.Options)) (*kms.DescribeKeyOutput, error)
	GetKeyPolicy(context.Context, *kms.GetKeyPolicyInput, ...func(*kms.Options)) (*kms.GetKeyPolicyOutput, error)
}

// defaultKeyPolicy is the only key policy name KMS has.
const defaultKeyPolicy = "default"

// collectKMS writes kms-keys.json: for every key, its metadata, key policy,
// aliases and (for customer managed keys that have any) tags.
func collectKMS(ctx context.Context, s *scope) error {
	api := kmsAPI(kms.NewFromConfig(s.config()))
	keys, err := items(ctx, kms.NewListKeysPaginator(api, &kms.ListKeysInput{}),
		func(o *kms.ListKeysOutput) []types.KeyListEntry { return o.Keys })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	kept, err := eachEntry(ctx, len(keys), func(ctx context.Context, i int) (*object, error) {
		return kmsKey(ctx, s, api, aws.ToString(keys[i].KeyId))
	})
	if err != nil {
		return err
	}
	return s.save("kms-keys.json", newObject().set("Keys", kept))
}

// kmsKey is one entry of kms-keys.json, or nil when the key cannot be
// described (recorded as a gap).
func kmsKey(ctx context.Context, s *scope, api kmsAPI, id string) (*object, error) {
	item := "key " + id
	d, err := api.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: &id})
	if err != nil {
		return nil, s.skip(ctx, err, item)
	}
	entry := newObject().set("KeyMetadata", encode(d.KeyMetadata))
	var policy any
	p, err := api.GetKeyPolicy(ctx, &kms.GetKeyPolicyInput{KeyId: &id, PolicyName: aws.String(defaultKeyPolicy)})
	if err != nil {
		if err := s.skip(ctx, err, item); err != nil {
			return nil, err
		}
	} else {
		policy = encode(p.Policy)
	}
	entry.set("Policy", policy)
	aliases, err := items(ctx, kms.NewListAliasesPaginator(api, &kms.ListAliasesInput{KeyId: &id}),
		func(o *kms.ListAliasesOutput) []types.AliasListEntry { return o.Aliases })
	if err != nil {
		if err := s.skip(ctx, err, item); err != nil {
			return nil, err
		}
	}
	entry.set("Aliases", encodeList(aliases))
	if d.KeyMetadata == nil || d.KeyMetadata.KeyManager != types.KeyManagerTypeCustomer {
		return entry, nil // AWS managed keys carry no tags of the account's
	}
	tags, err := items(ctx, kms.NewListResourceTagsPaginator(api, &kms.ListResourceTagsInput{KeyId: &id}),
		func(o *kms.ListResourceTagsOutput) []types.Tag { return o.Tags })
	if err != nil {
		return entry, s.skip(ctx, err, item)
	}
	if len(tags) > 0 {
		entry.set("Tags", encodeList(tags))
	}
	return entry, nil
}
