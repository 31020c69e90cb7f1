package technique

import (
	"maps"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// Condition manipulation: an Allow that depends on the caller's own tags
// or on MFA is only as strong as the caller's inability to change them.
// These helpers find what a principal's policies ask of it.

// tagRequirement is the set of principal tags that one Allow statement (or,
// for the union, several) requires.
type tagRequirement map[string]string

func (r tagRequirement) String() string {
	keys := slices.Sorted(maps.Keys(r))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + r[k]
	}
	return strings.Join(parts, ", ")
}

// tagRequirements lists the principal tags the Allow statements of a
// principal's identity policies and boundary ask for, one set per
// statement, then all of them at once (one tagging call sets many tags).
func tagRequirements(side *identitySide) []tagRequirement {
	policies := slices.Clone(side.identity)
	if side.boundary != nil {
		policies = append(policies, *side.boundary)
	}
	var out []tagRequirement
	union := tagRequirement{}
	seen := map[string]bool{}
	for _, p := range policies {
		for _, s := range p.Policy.Statements {
			req := statementTags(s)
			if len(req) == 0 || seen[req.String()] {
				continue
			}
			seen[req.String()] = true
			out = append(out, req)
			for k, v := range req {
				if old, ok := union[k]; ok && old != v {
					union = nil
				}
				if union != nil {
					union[k] = v
				}
			}
		}
	}
	if len(out) > 1 && union != nil && !seen[union.String()] {
		out = append(out, union)
	}
	return out
}

// statementTags reads the tag values an Allow statement requires with a
// string equality on aws:PrincipalTag/KEY; values with wildcards or policy
// variables are skipped, since no single tag is known to satisfy them.
func statementTags(s iam.Statement) tagRequirement {
	if s.Effect != iam.Allow {
		return nil
	}
	req := tagRequirement{}
	for _, c := range s.Conditions {
		key, ok := cutFold(c.Key, "aws:PrincipalTag/")
		if !ok || len(c.Values) == 0 || !equalityOperator(c.Operator) {
			continue
		}
		v := c.Values[0]
		if strings.ContainsAny(v, "*?") || strings.Contains(v, "${") {
			continue
		}
		req[key] = v
	}
	return req
}

func equalityOperator(op string) bool {
	op = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(op, "ForAnyValue:"), "ForAllValues:"), "IfExists")
	switch op {
	case "StringEquals", "StringEqualsIgnoreCase", "StringLike":
		return true
	}
	return false
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

// tagContext is the request context of a tagging call that sets tags.
func tagContext(tags tagRequirement) map[string][]string {
	keys := slices.Sorted(maps.Keys(tags))
	ctx := map[string][]string{"aws:TagKeys": keys}
	for _, k := range keys {
		ctx["aws:RequestTag/"+k] = []string{tags[k]}
	}
	return ctx
}

// hasTags reports whether the principal already carries every tag.
func hasTags(current map[string]string, tags tagRequirement) bool {
	for k, v := range tags {
		if current[k] != v {
			return false
		}
	}
	return true
}
