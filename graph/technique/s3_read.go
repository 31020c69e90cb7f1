package technique

import (
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
		"SSE-S3 decrypt transparently; under SSE-KMS the caller also needs kms:Decrypt on the key. " +
		"A bucket that anyone on the internet reads in full gets no such edge: credentials add nothing there.",
	Remediation: "Scope s3:GetObject to the buckets and prefixes the principal needs, and use SSE-KMS " +
		"with a key policy that names only the principals that must read.",
	Cost:        costCredential,
	Permissions: []string{"s3:GetObject", "kms:Decrypt (SSE-KMS buckets)"},
	Yields:      "the contents of the bucket's objects",
	Steps:       []string{"aws s3 sync s3://<bucket> ./loot"},
	References:  []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-policy-language-overview.html"},
	Derive:      deriveS3Read,
}

// deriveS3Read decides every bucket's readers in parallel (the busiest
// technique of a large estate: principals with s3:GetObject on "*" read
// every bucket of their account) and emits the edges in bucket order. A
// bucket that anyone on the internet reads in full gets no reader edges:
// holding credentials gains nothing there.
func deriveS3Read(env *Env, t *Technique) error {
	buckets := env.Estate.Buckets
	edges := make([][]graph.Edge, len(buckets))
	err := forEach(len(buckets), func(i int) error {
		b := &buckets[i]
		if env.anyoneReadsEverything(b) {
			return nil
		}
		for _, reader := range env.authz.candidatesOn([]string{"s3:GetObject"}, b.ARN+"/", b.Account, b.Policy) {
			edge, ok, err := env.s3Read(t, reader, b)
			if err != nil {
				return err
			}
			if ok {
				edges[i] = append(edges[i], edge)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, list := range edges {
		for _, e := range list {
			if err := env.emit(t, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// s3Read returns the edge of one reader and bucket, if the reader may read.
func (env *Env) s3Read(t *Technique, reader string, b *ingest.Bucket) (graph.Edge, bool, error) {
	side := bucketSide(b)
	shared, cached, err := env.authz.bucketDecision(reader, b, "s3:GetObject", side)
	read, evidence := shared.decision, shared.evidence
	if err == nil && !cached {
		read, err = env.authz.decide(reader, "s3:GetObject", b.ARN+"/*", side)
		evidence = env.authz.policyEvidence(read)
	}
	if err != nil || read.Outcome == iam.Denied {
		return graph.Edge{}, false, err
	}
	who := nameOf(reader)
	edge := graph.Edge{From: reader, To: b.ARN, Technique: t.ID, Evidence: evidence, Conditions: read.Conditions,
		Explanation: who + " downloads the objects of bucket " + b.Name + " with s3:GetObject.",
		Remediation: "Remove s3:GetObject on " + b.ARN + "/* from " + who + "'s policies (or deny it in the bucket policy)."}
	if ok, err := env.addDecrypt(&edge, reader, b); err != nil || !ok {
		return graph.Edge{}, false, err
	}
	if edge.Conditional() {
		edge.Explanation += " It works " + conditionNote(edge.Conditions) + "."
	}
	return edge, true, nil
}

func bucketSide(b *ingest.Bucket) resourceSide {
	return resourceSide{name: b.ARN + " bucket policy", policy: b.Policy, owner: b.Account, pattern: true}
}

// addDecrypt applies the two-keys rule to an s3-read edge: with SSE-KMS the
// reader also needs kms:Decrypt on the key, which S3 asks for on its behalf.
// It returns false when decryption is denied.
func (env *Env) addDecrypt(edge *graph.Edge, reader string, b *ingest.Bucket) (bool, error) {
	if b.Encryption == nil || !strings.HasPrefix(b.Encryption.Algorithm, "aws:kms") {
		return true, nil
	}
	return env.twoKeys(edge, reader, encryptedBy{
		keyRef: b.Encryption.KMSKey, service: "s3", region: b.Region, owner: b.Account, what: "bucket " + b.Name,
		context: map[string][]string{"kms:EncryptionContext:aws:s3:arn": {b.ARN}, "kms:EncryptionContextKeys": {"aws:s3:arn"}},
	})
}

func regionOr(r, fallback string) string {
	if r != "" {
		return r
	}
	return fallback
}
