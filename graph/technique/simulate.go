package technique

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// Query is one request to decide against an estate, as `pathfinder simulate
// SOURCE --principal ARN --action A --resource R` asks it.
type Query struct {
	Principal string
	Action    string
	Resource  string
	// Context is the known request context; a key not in it is absent,
	// unless it is listed in Unknown.
	Context map[string][]string
	Unknown []string
}

// Decide answers a query with the same policy assembly the graph build
// uses: the principal's own and group policies, its boundary, the SCPs of
// its account, and the resource's policy (bucket, key, trust, secret,
// function or table policy) found by the resource ARN.
func Decide(e *ingest.Estate, q Query) (iam.Decision, error) {
	a := newAuthorizer(newIndex(e), e.Organization)
	req, set, err := a.request(q.Principal, q.Action, q.Resource, a.resourceOf(e, q.Action, q.Resource))
	if err != nil {
		return iam.Decision{}, err
	}
	req.Context, req.Unknown = q.Context, q.Unknown
	return a.evaluate(req, set)
}

// resourceOf finds the resource-based policy that guards a resource.
func (a *authorizer) resourceOf(e *ingest.Estate, action, resource string) resourceSide {
	side := resourceSide{owner: accountOf(resource)}
	if name, ok := strings.CutPrefix(resource, "arn:aws:s3:::"); ok {
		bucket, _, _ := strings.Cut(name, "/")
		for i := range e.Buckets {
			if e.Buckets[i].Name == bucket {
				return bucketSide(&e.Buckets[i])
			}
		}
		return side
	}
	if role, ok := a.ix.roles[resource]; ok && strings.HasPrefix(strings.ToLower(action), "sts:assumerole") {
		return resourceSide{name: role.ARN + " trust policy", policy: role.TrustPolicy, kind: iam.RoleTrust, owner: role.Account, tags: role.Tags}
	}
	if key, ok := a.ix.key(resource); ok {
		return keySide(key)
	}
	for _, s := range e.Secrets {
		if s.ARN == resource {
			return resourceSide{name: s.ARN + " resource policy", policy: s.Policy, owner: s.Account, tags: s.Tags}
		}
	}
	for _, f := range e.Functions {
		if f.ARN == resource {
			return resourceSide{name: f.ARN + " resource policy", policy: f.ResourcePolicy, owner: f.Account, tags: f.Tags}
		}
	}
	for _, t := range e.Tables {
		if t.ARN == resource {
			return resourceSide{name: t.ARN + " resource policy", policy: t.Policy, owner: t.Account, tags: t.Tags}
		}
	}
	return side
}
