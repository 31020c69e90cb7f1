package technique

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// A principal that may read "every object of every bucket" asks the engine
// the same question for each of thousands of buckets and gets the same
// answer: when no statement that can take part names a bucket or carries a
// condition, and the bucket has no policy of its own, the decision cannot
// depend on which bucket of an account it is (nor when its policy only
// denies insecure transport). anyBucketDecision asks once
// per principal and owning account and reuses the answer; the statements it
// cites name no bucket, so the evidence is the same too.

type anyBucketKey struct{ principal, owner, action string }

// anyBucketShortcut switches the shortcut; a test turns it off to check
// that it changes no edge.
var anyBucketShortcut = true

// anyBucketDecision returns the cached decision for reader on any
// policy-less bucket of owner, and whether the shortcut applies.
func (a *authorizer) anyBucketDecision(reader, owner, action, resource string, res resourceSide) (iam.Decision, bool, error) {
	if !anyBucketShortcut || !inertForAttacker(res.policy, strings.ToLower(action)) {
		return iam.Decision{}, false, nil
	}
	key := anyBucketKey{reader, owner, action}
	independent := a.independent.do(key, func() bool { return a.bucketIndependent(reader, owner, action) })
	if !independent {
		return iam.Decision{}, false, nil
	}
	if d, ok := a.anyBucket.get(key); ok {
		return d, true, nil
	}
	d, err := a.decide(reader, action, resource, res)
	if err != nil {
		return d, false, err
	}
	return a.anyBucket.put(key, d), true, nil
}

// inertForAttacker reports whether a bucket policy can take no part in an
// attacker's request for action: it has none, or every statement that could
// match is a Deny whose conditions include aws:SecureTransport false, which
// an attacker using TLS never meets (see attackerChosen). That is the
// ubiquitous "deny insecure transport" policy.
func inertForAttacker(p *iam.Policy, action string) bool {
	if p == nil {
		return true
	}
	for _, s := range p.Statements {
		if !statementMayMatch(s, action) {
			continue
		}
		if s.Effect != iam.Deny || !requiresInsecureTransport(s.Conditions) {
			return false
		}
	}
	return true
}

func requiresInsecureTransport(conds []iam.Condition) bool {
	for _, c := range conds {
		op := strings.TrimSuffix(c.Operator, "IfExists")
		if op == "Bool" && strings.EqualFold(c.Key, "aws:SecureTransport") && len(c.Values) == 1 && strings.EqualFold(c.Values[0], "false") {
			return true
		}
	}
	return false
}

// bucketIndependent reports whether every statement that can decide action
// for reader on a bucket of owner — identity, boundary, SCP and RCP — covers
// all of S3 without a condition.
func (a *authorizer) bucketIndependent(reader, owner, action string) bool {
	side, err := a.side(reader)
	if err != nil {
		return false
	}
	lower := strings.ToLower(action)
	sets := [][]iam.Attached{side.identity}
	if side.boundary != nil {
		sets = append(sets, []iam.Attached{*side.boundary})
	}
	sets = append(sets, side.scps...)
	sets = append(sets, a.levels(owner, ingest.RCP)...)
	for _, set := range sets {
		for _, p := range set {
			if !statementsCoverAllOfS3(p.Policy, lower) {
				return false
			}
		}
	}
	return true
}

func statementsCoverAllOfS3(p *iam.Policy, action string) bool {
	for _, s := range p.Statements {
		if !statementMayMatch(s, action) {
			continue
		}
		if len(s.Conditions) > 0 || s.NotResource != nil || s.Principal != nil || s.NotPrincipal != nil {
			return false
		}
		for _, r := range s.Resource {
			if !coversAllOfS3(r) {
				return false
			}
		}
	}
	return true
}

// coversAllOfS3 reports whether a resource pattern plainly matches every S3
// object ARN ("*", "arn:aws:s3:::*", "arn:aws:s3:::*/*"). Any other pattern
// may single buckets out, and the shortcut is not taken.
func coversAllOfS3(pattern string) bool {
	switch pattern {
	case "*", "arn:aws:s3:::*", "arn:aws:s3:::*/*":
		return true
	}
	return false
}
