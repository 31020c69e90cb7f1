package snapshot

import (
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// secretsFile is `aws secretsmanager list-secrets`; a secret may carry
// the ResourcePolicy string of `get-resource-policy`, merged in.
type secretsFile struct {
	SecretList []secret `json:"SecretList"`
}

type secret struct {
	ARN            string    `json:"ARN"`
	Name           string    `json:"Name"`
	KmsKeyId       string    `json:"KmsKeyId"`
	ResourcePolicy policyDoc `json:"ResourcePolicy"`
	Tags           []tag     `json:"Tags"`
}

func (s *secret) validate() error { return requireARNOf("ARN", "secretsmanager", s.ARN) }

func decodeSecrets(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.secrets = &secretsFile{}
	return decodeObject(file, data, "$", r.secrets)
}

func (rc *regionConverter) convertSecrets() {
	if rc.files.secrets == nil {
		return
	}
	for _, s := range rc.files.secrets.SecretList {
		rc.est.Secrets = append(rc.est.Secrets, ingest.Secret{
			ARN: s.ARN, Name: s.Name, Account: arnAccount(s.ARN), Region: arnRegion(s.ARN),
			KMSKey: s.KmsKeyId, Policy: s.ResourcePolicy.doc, Tags: tagMap(s.Tags),
		})
	}
}
