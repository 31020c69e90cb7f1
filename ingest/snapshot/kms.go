package snapshot

import (
	"errors"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// kmsKeysFile merges, per key, `aws kms describe-key` (.KeyMetadata),
// `get-key-policy --policy-name default` (.Policy, a JSON string),
// `list-aliases --key-id` (.Aliases) and, optionally,
// `list-resource-tags` (.Tags).
type kmsKeysFile struct {
	Keys []kmsKey `json:"Keys"`
}

type kmsKey struct {
	KeyMetadata *struct {
		AWSAccountId accountID `json:"AWSAccountId"`
		KeyId        string    `json:"KeyId"`
		Arn          string    `json:"Arn"`
		KeyManager   string    `json:"KeyManager"`
		KeyState     string    `json:"KeyState"`
	} `json:"KeyMetadata"`
	Policy  policyDoc `json:"Policy"`
	Aliases []struct {
		AliasName   string `json:"AliasName"`
		AliasArn    string `json:"AliasArn"`
		TargetKeyId string `json:"TargetKeyId"`
	} `json:"Aliases"`
	Tags []struct {
		TagKey   string `json:"TagKey"`
		TagValue string `json:"TagValue"`
	} `json:"Tags"`
}

func (k *kmsKey) validate() error {
	if k.KeyMetadata == nil {
		return errors.New("KeyMetadata is missing")
	}
	return requireARNOf("KeyMetadata.Arn", "kms", k.KeyMetadata.Arn)
}

func decodeKMSKeys(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.kmsKeys = &kmsKeysFile{}
	return decodeObject(file, data, "$", r.kmsKeys)
}

func (rc *regionConverter) convertKMSKeys() {
	if rc.files.kmsKeys == nil {
		return
	}
	for _, k := range rc.files.kmsKeys.Keys {
		m := k.KeyMetadata
		out := ingest.KMSKey{
			ARN: m.Arn, ID: m.KeyId, Account: firstNonEmpty(string(m.AWSAccountId), arnAccount(m.Arn)),
			Region: arnRegion(m.Arn), Manager: m.KeyManager, Policy: k.Policy.doc,
		}
		for _, a := range k.Aliases {
			out.Aliases = appendUnique(out.Aliases, a.AliasName)
		}
		if len(k.Tags) > 0 {
			out.Tags = ingest.Tags{}
			for _, t := range k.Tags {
				out.Tags[t.TagKey] = t.TagValue
			}
		}
		if out.Policy == nil {
			rc.warn("KMS key %s has no key policy in the snapshot: who may use it is unknown", m.Arn)
		}
		rc.est.KMSKeys = append(rc.est.KMSKeys, out)
	}
}
