package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// encryptedBy describes data that a service encrypts with a KMS key on its
// owner's behalf: S3 objects, secrets, DynamoDB tables.
type encryptedBy struct {
	keyRef  string // the key as the resource names it; empty for the AWS managed key
	service string // s3, secretsmanager, dynamodb
	region  string
	owner   string
	what    string              // "bucket customer-data", for explanations
	context map[string][]string // the encryption context the service sends
}

// twoKeys applies the two-keys rule to a read edge: reading the data also
// needs kms:Decrypt on its key, which the service requests on the reader's
// behalf (kms:ViaService). A key policy that does not enable IAM policies
// must name the reader itself. It adds the key's evidence to the edge and
// returns false when decryption is denied.
func (env *Env) twoKeys(edge *graph.Edge, reader string, data encryptedBy) (bool, error) {
	key, ok := env.ix.key(data.keyRef)
	if !ok {
		return env.awsManagedKey(edge, reader, data)
	}
	if !env.authz.mayBeGranted("kms:Decrypt", key.ARN, key.Account, key.Policy, reader) {
		return false, nil // neither the key policy nor an identity grant can allow it
	}
	side := keySide(key)
	side.context = map[string][]string{"kms:ViaService": {data.service + "." + regionOr(data.region, key.Region) + ".amazonaws.com"}}
	for k, v := range data.context {
		side.context[k] = v
	}
	d, err := env.authz.decide(reader, "kms:Decrypt", key.ARN, side)
	if err != nil || d.Outcome == iam.Denied {
		return false, err
	}
	edge.Techniques = append(edge.AllTechniques(), idKMSDecrypt)
	edge.Evidence = append(edge.Evidence, graph.Evidence{Kind: "encryption", Source: key.ARN,
		Detail: fmt.Sprintf("%s is encrypted with KMS key %s", data.what, keyName(*key))})
	edge.Evidence = appendUnique(edge.Evidence, env.authz.policyEvidence(d)...)
	edge.Conditions = append(edge.Conditions, d.Conditions...)
	edge.Explanation += fmt.Sprintf(" %s decrypts it with KMS key %s, which the key policy lets %s use.", serviceName(data.service), keyName(*key), nameOf(reader))
	return true, nil
}

// awsManagedKey handles a key the estate does not hold. The AWS managed key
// of a service (aws/s3, aws/secretsmanager, ...) serves every principal of
// its own account through that service and nobody else; any other missing
// key cannot be judged, and the read is left out with a warning.
func (env *Env) awsManagedKey(edge *graph.Edge, reader string, data encryptedBy) (bool, error) {
	managed := "alias/aws/" + data.service
	if data.keyRef != "" && !strings.HasSuffix(data.keyRef, managed) {
		env.warn("%s is encrypted with KMS key %s, which is not in the estate: reads of it are not analysed", data.what, data.keyRef)
		return false, nil
	}
	if accountOf(reader) != data.owner {
		return false, nil
	}
	edge.Techniques = append(edge.AllTechniques(), idKMSDecrypt)
	edge.Evidence = append(edge.Evidence, graph.Evidence{Kind: "encryption", Source: managed,
		Detail: fmt.Sprintf("%s is encrypted with the AWS managed key %s, usable through %s by every principal of account %s", data.what, managed, serviceName(data.service), data.owner)})
	return true, nil
}

func serviceName(service string) string {
	switch service {
	case "s3":
		return "S3"
	case "secretsmanager":
		return "Secrets Manager"
	case "dynamodb":
		return "DynamoDB"
	}
	return service
}
