package technique

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// PublicBucketPolicy: the bucket policy lets anyone read, and Block Public
// Access does not restrict it.
var PublicBucketPolicy = &Technique{
	ID:     "public-bucket-policy",
	Title:  "Anonymous read through a public bucket policy",
	Attack: "T1530",
	Why: "A bucket policy statement that allows s3:GetObject to Principal \"*\" serves objects to " +
		"unauthenticated requests from anywhere, unless S3 Block Public Access (RestrictPublicBuckets, " +
		"on the bucket or the account) restricts public policies to the owner's account. " +
		"BlockPublicPolicy only stops new public policies: it does not restrict an existing one.",
	Remediation: "Turn on S3 Block Public Access for the account (all four settings), and remove the " +
		"public statement from the bucket policy.",
	Cost:       costNetwork,
	Yields:     "the contents of the bucket's objects, without credentials",
	Steps:      []string{"aws s3 cp --no-sign-request s3://<bucket>/<key> .", "curl https://<bucket>.s3.amazonaws.com/<key>"},
	References: []string{"https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"},
	Derive:     derivePublicBucketPolicy,
}

func derivePublicBucketPolicy(env *Env, t *Technique) error {
	for i := range env.Estate.Buckets {
		b := &env.Estate.Buckets[i]
		if b.Policy == nil || sseKMS(b) {
			continue // anonymous callers cannot use a KMS key
		}
		d, err := env.authz.decideAnonymous("s3:GetObject", b.ARN+"/*", bucketSide(b))
		if err != nil {
			return fmt.Errorf("bucket %s: %w", b.Name, err)
		}
		if d.Outcome == iam.Denied {
			continue
		}
		bpa, restricted := env.publicAccessBlock(b)
		if restricted {
			continue
		}
		ev := append(env.authz.policyEvidence(d), bpa...)
		err = env.emit(t, graph.Edge{From: graph.InternetID, To: b.ARN,
			Techniques: []string{idPublicBucketPolicy, idS3Read}, Evidence: ev, Conditions: d.Conditions,
			Explanation: fmt.Sprintf("Anyone can download the objects of %s without credentials: its bucket policy allows s3:GetObject to everyone.", b.Name),
			Remediation: fmt.Sprintf("aws s3api put-public-access-block --bucket %s --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; then remove the public statement.", b.Name)})
		if err != nil {
			return err
		}
	}
	return nil
}

func sseKMS(b *ingest.Bucket) bool {
	return b.Encryption != nil && strings.HasPrefix(b.Encryption.Algorithm, "aws:kms")
}

// publicAccessBlock returns evidence of the bucket's and the account's Block
// Public Access settings, and whether RestrictPublicBuckets cuts public
// policy access.
func (env *Env) publicAccessBlock(b *ingest.Bucket) ([]graph.Evidence, bool) {
	var acct *ingest.PublicAccessBlock
	if a, ok := env.ix.accounts[b.Account]; ok {
		acct = a.BlockPublicAccess
	}
	if (b.BlockPublicAccess != nil && b.BlockPublicAccess.RestrictPublicBuckets) || (acct != nil && acct.RestrictPublicBuckets) {
		return nil, true
	}
	return []graph.Evidence{
		{Kind: "block-public-access", Source: b.ARN, Detail: "bucket-level Block Public Access: " + describeBPA(b.BlockPublicAccess)},
		{Kind: "block-public-access", Source: "account " + b.Account, Detail: "account-level Block Public Access: " + describeBPA(acct)},
	}, false
}

func describeBPA(c *ingest.PublicAccessBlock) string {
	if c == nil {
		return "not configured"
	}
	return fmt.Sprintf("BlockPublicAcls=%t IgnorePublicAcls=%t BlockPublicPolicy=%t RestrictPublicBuckets=%t",
		c.BlockPublicAcls, c.IgnorePublicAcls, c.BlockPublicPolicy, c.RestrictPublicBuckets)
}

// anyoneReadsEverything reports whether anonymous callers read every object
// of the bucket: an unconditional Allow of s3:GetObject to Principal "*"
// on all its objects, no Block Public Access restriction, and no KMS key
// (which anonymous callers cannot use). A principal's read of such a bucket
// is no gain over having no credentials at all, so s3-read emits no edge
// for it: every attacker already holds the internet → bucket edge.
func (env *Env) anyoneReadsEverything(b *ingest.Bucket) bool {
	if b.Policy == nil || sseKMS(b) {
		return false
	}
	if _, restricted := env.publicAccessBlock(b); restricted {
		return false
	}
	for _, s := range b.Policy.Statements {
		if s.Effect == iam.Deny && statementMayMatch(s, "s3:getobject") && !requiresInsecureTransport(s.Conditions) {
			return false // a deny may carve objects or callers out
		}
	}
	for _, s := range b.Policy.Statements {
		if s.Effect == iam.Allow && len(s.Conditions) == 0 && s.Principal != nil && s.Principal.Wildcard &&
			statementMayMatch(s, "s3:getobject") && slices.ContainsFunc(s.Resource, func(r string) bool {
			return r == b.ARN+"/*" || coversAllOfS3(r)
		}) {
			return true
		}
	}
	return false
}

// coversAllOfS3 reports whether a resource pattern plainly matches every
// object of every bucket.
func coversAllOfS3(pattern string) bool {
	return pattern == "*" || pattern == "arn:aws:s3:::*" || pattern == "arn:aws:s3:::*/*"
}
