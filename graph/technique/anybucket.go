package technique

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// A principal that may read "every object of every bucket" asks the engine
// nearly the same question for each of thousands of buckets. When every
// statement that can take part in the decision (identity, boundary, SCP,
// RCP) is unconditional and names either all of S3 or whole buckets by a
// plain name or name prefix, the decision for a bucket depends only on
// which of those statements name it — its signature — and on its owner, so
// long as the bucket's own policy cannot take part (see inertFor).
// bucketDecision asks the engine once per principal, owner and signature,
// and reuses the answer; the statements it cites are the same for every
// bucket of a signature, and none of them names another bucket.

// anyBucketShortcut switches the shortcut; a test turns it off to check
// that it changes no edge.
var anyBucketShortcut = true

type bucketStatements struct{ principal, owner, action string }

type bucketDecisionKey struct {
	bucketStatements
	signature string
}

// wholeBuckets is a statement that applies to every object of the buckets
// its patterns name, and to no other object.
type wholeBuckets struct {
	all      bool     // "*", "arn:aws:s3:::*", "arn:aws:s3:::*/*"
	names    []string // "arn:aws:s3:::name/*"
	prefixes []string // "arn:aws:s3:::name-*/*"
}

// covers reports whether the statement names every object of the bucket.
func (w wholeBuckets) covers(bucket string) bool {
	if w.all {
		return true
	}
	for _, n := range w.names {
		if n == bucket {
			return true
		}
	}
	for _, p := range w.prefixes {
		if strings.HasPrefix(bucket, p) {
			return true
		}
	}
	return false
}

// sharedDecision is a decision with its evidence, which every edge of the
// same signature cites. The evidence slice is clipped, so an edge that
// appends to it gets a copy.
type sharedDecision struct {
	decision iam.Decision
	evidence []graph.Evidence
}

// bucketDecision returns the decision of reader on the objects of bucket b,
// with its evidence, from the cache, and whether the shortcut applies.
func (a *authorizer) bucketDecision(reader string, b *ingest.Bucket, action string, res resourceSide) (sharedDecision, bool, error) {
	if !anyBucketShortcut || !inertFor(b.Policy, strings.ToLower(action), accountOf(reader)) {
		return sharedDecision{}, false, nil
	}
	key := bucketStatements{reader, b.Account, action}
	stmts := a.wholeBucketStatements.do(key, func() []wholeBuckets {
		return a.bucketStatementsOf(reader, b.Account, action)
	})
	if stmts == nil {
		return sharedDecision{}, false, nil
	}
	dk := bucketDecisionKey{key, signature(stmts, b.Name)}
	if d, ok := a.bucketDecisions.get(dk); ok {
		return d, true, nil
	}
	d, err := a.decide(reader, action, b.ARN+"/*", res)
	if err != nil {
		return sharedDecision{}, false, err
	}
	shared := sharedDecision{decision: d, evidence: slices.Clip(a.policyEvidence(d))}
	return a.bucketDecisions.put(dk, shared), true, nil
}

// signature lists which statements name the bucket.
func signature(stmts []wholeBuckets, bucket string) string {
	var sb strings.Builder
	for i, s := range stmts {
		if s.covers(bucket) {
			sb.WriteString(strconv.Itoa(i))
			sb.WriteByte(',')
		}
	}
	return sb.String()
}

// bucketStatementsOf returns the statements that can decide action for
// reader on a bucket of owner, each as the whole buckets it names, or nil
// when one of them is conditional or names objects more finely.
func (a *authorizer) bucketStatementsOf(reader, owner, action string) []wholeBuckets {
	side, err := a.side(reader)
	if err != nil {
		return nil
	}
	lower := strings.ToLower(action)
	sets := [][]iam.Attached{side.identity}
	if side.boundary != nil {
		sets = append(sets, []iam.Attached{*side.boundary})
	}
	sets = append(sets, side.scps...)
	sets = append(sets, a.levels(owner, ingest.RCP)...)
	out := []wholeBuckets{}
	for _, set := range sets {
		for _, p := range set {
			for _, s := range p.Policy.Statements {
				if !statementMayMatch(s, lower) {
					continue
				}
				w, ok := asWholeBuckets(s)
				if !ok {
					return nil
				}
				out = append(out, w)
			}
		}
	}
	return out
}

func asWholeBuckets(s iam.Statement) (wholeBuckets, bool) {
	var w wholeBuckets
	if len(s.Conditions) > 0 || s.NotResource != nil || s.Principal != nil || s.NotPrincipal != nil {
		return w, false
	}
	for _, r := range s.Resource {
		if !w.add(r) {
			return w, false
		}
	}
	return w, true
}

// add records one resource pattern, reporting false for any pattern but
// all of S3, a whole bucket, or whole buckets by name prefix. A bucket
// pattern without "/*" names the bucket, not its objects: it takes no part
// in reading objects and is skipped.
func (w *wholeBuckets) add(pattern string) bool {
	if coversAllOfS3(pattern) {
		w.all = true
		return true
	}
	rest, ok := strings.CutPrefix(pattern, "arn:aws:s3:::")
	if !ok {
		return !strings.ContainsAny(pattern, "*?") // another service's ARN names no object
	}
	name, objects := strings.CutSuffix(rest, "/*")
	if strings.ContainsAny(name, "/?$") {
		return false
	}
	if !objects {
		return !strings.Contains(name, "*") // the bucket itself
	}
	if stem, wild := strings.CutSuffix(name, "*"); wild {
		if strings.Contains(stem, "*") {
			return false
		}
		w.prefixes = append(w.prefixes, stem)
		return true
	}
	if strings.Contains(name, "*") {
		return false
	}
	w.names = append(w.names, name)
	return true
}

// inertFor reports whether a bucket policy can take no part in a request
// for action by a principal of account: it has none, or every statement
// that could match is either a Deny whose conditions include
// aws:SecureTransport false, which an attacker using TLS never meets (see
// attackerChosen) — the ubiquitous "deny insecure transport" policy — or an
// Allow that names only principals of other accounts (a partner's role).
func inertFor(p *iam.Policy, action, account string) bool {
	if p == nil {
		return true
	}
	for _, s := range p.Statements {
		if !statementMayMatch(s, action) {
			continue
		}
		switch {
		case s.Effect == iam.Deny && requiresInsecureTransport(s.Conditions):
		case s.Effect == iam.Allow && namesOnlyOtherAccounts(s, account):
		default:
			return false
		}
	}
	return true
}

// namesOnlyOtherAccounts reports whether an Allow statement's principals
// are all AWS principals (ARNs or account ids) outside account, so that it
// can grant nothing to a principal of account.
func namesOnlyOtherAccounts(s iam.Statement, account string) bool {
	if s.Principal == nil || s.Principal.Wildcard || len(s.Principal.ByType) != 1 {
		return false
	}
	values, ok := s.Principal.ByType["AWS"]
	if !ok {
		return false
	}
	for _, v := range values {
		if v == "*" || v == account || accountOf(v) == account || (accountOf(v) == "" && !isAccountID(v)) {
			return false
		}
	}
	return true
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
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
