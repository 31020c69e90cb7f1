package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// S3Read: a principal allowed s3:GetObject on a bucket's objects reads its
// data. For an SSE-KMS bucket the same hop also needs kms:Decrypt on the
// bucket's key: the two-keys rule.
var S3Read = &Technique{
	ID:     "s3-read",
	Title:  "Read objects from an S3 bucket",
	Attack: "T1530",
	Why: "s3:GetObject on arn:aws:s3:::bucket/* returns the objects' contents to any principal the " +
		"identity and bucket policies allow (and no deny, boundary or SCP forbids). Objects under " +
		"SSE-S3 decrypt transparently; under SSE-KMS the caller also needs kms:Decrypt on the key.",
	Remediation: "Scope s3:GetObject to the buckets and prefixes the principal needs, and use SSE-KMS " +
		"with a key policy that names only the principals that must read.",
	Cost:   costCredential,
	Derive: deriveS3Read,
}

func deriveS3Read(env *Env, t *Technique) error {
	for i := range env.Estate.Buckets {
		b := &env.Estate.Buckets[i]
		for _, reader := range env.authz.candidates("s3:GetObject", b.Policy) {
			if err := env.s3Read(t, reader, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) s3Read(t *Technique, reader string, b *ingest.Bucket) error {
	read, err := env.authz.decide(reader, "s3:GetObject", b.ARN+"/*", bucketSide(b))
	if err != nil || read.Outcome == iam.Denied {
		return err
	}
	edge := graph.Edge{From: reader, To: b.ARN, Evidence: env.authz.policyEvidence(read), Conditions: read.Conditions,
		Explanation: fmt.Sprintf("%s downloads the objects of bucket %s with s3:GetObject.", nameOf(reader), b.Name),
		Remediation: fmt.Sprintf("Remove s3:GetObject on %s/* from %s's policies (or deny it in the bucket policy).", b.ARN, nameOf(reader))}
	if ok, err := env.addDecrypt(&edge, reader, b); err != nil || !ok {
		return err
	}
	if edge.Conditional() {
		edge.Explanation += " It works " + conditionNote(edge.Conditions) + "."
	}
	return env.emit(t, edge)
}

func bucketSide(b *ingest.Bucket) resourceSide {
	return resourceSide{name: b.ARN + " bucket policy", policy: b.Policy, owner: b.Account, pattern: true}
}

// addDecrypt applies the two-keys rule to an s3-read edge: with SSE-KMS the
// reader also needs kms:Decrypt on the key, which S3 asks for on its behalf
// (kms:ViaService). It returns false when decryption is denied.
func (env *Env) addDecrypt(edge *graph.Edge, reader string, b *ingest.Bucket) (bool, error) {
	if b.Encryption == nil || !strings.HasPrefix(b.Encryption.Algorithm, "aws:kms") {
		return true, nil
	}
	key, ok := env.ix.key(b.Encryption.KMSKey)
	if !ok {
		return env.awsManagedKey(edge, reader, b)
	}
	d, err := env.authz.decide(reader, "kms:Decrypt", key.ARN, keySide(key, "s3."+regionOr(b.Region, key.Region)+".amazonaws.com", b.ARN))
	if err != nil || d.Outcome == iam.Denied {
		return false, err
	}
	edge.Techniques = []string{idS3Read, idKMSDecrypt}
	edge.Evidence = append(edge.Evidence, graph.Evidence{Kind: "bucket-encryption", Source: b.ARN,
		Detail: fmt.Sprintf("default encryption %s with key %s", b.Encryption.Algorithm, key.ARN)})
	edge.Evidence = append(edge.Evidence, env.authz.policyEvidence(d)...)
	edge.Conditions = append(edge.Conditions, d.Conditions...)
	edge.Explanation += fmt.Sprintf(" S3 decrypts them with KMS key %s, which the key policy lets %s use.", keyName(*key), nameOf(reader))
	return true, nil
}

// awsManagedKey handles SSE-KMS with a key the estate does not hold. The
// AWS managed key aws/s3 serves every principal of its own account through
// S3 and nobody else; any other missing key cannot be judged.
func (env *Env) awsManagedKey(edge *graph.Edge, reader string, b *ingest.Bucket) (bool, error) {
	ref := b.Encryption.KMSKey
	if ref != "" && !strings.HasSuffix(ref, "alias/aws/s3") {
		env.warn("bucket %s is encrypted with KMS key %s, which is not in the estate: reads of it are not analysed", b.Name, ref)
		return false, nil
	}
	if accountOf(reader) != b.Account {
		return false, nil
	}
	edge.Techniques = []string{idS3Read, idKMSDecrypt}
	edge.Evidence = append(edge.Evidence, graph.Evidence{Kind: "bucket-encryption", Source: b.ARN,
		Detail: "default encryption aws:kms with the AWS managed key aws/s3, usable through S3 by every principal of account " + b.Account})
	return true, nil
}

func regionOr(r, fallback string) string {
	if r != "" {
		return r
	}
	return fallback
}
