package technique

import (
	"maps"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// identityChange is what an escalation step does to its principal's
// identity side: policies it adds, managed policy documents it replaces (by
// ARN, attached or as boundary), tags it sets, and request context it makes
// known (MFA once a device is enabled).
type identityChange struct {
	add     []iam.Attached
	replace map[string]replacement
	tags    map[string]string
	context map[string][]string
}

// replacement is a managed policy's new document and the name evidence
// cites it by ("<arn> version v2"), distinct from the policy's own.
type replacement struct {
	name string
	doc  *iam.Policy
}

// with returns a copy of the change that also adds p.
func (c identityChange) with(p iam.Attached) identityChange {
	c.add = append(append([]iam.Attached(nil), c.add...), p)
	return c
}

// sideWith returns the principal's identity side as it would be after the
// change. The cached side is never modified.
func (a *authorizer) sideWith(arn string, c identityChange) (*identitySide, error) {
	base, err := a.side(arn)
	if err != nil {
		return nil, err
	}
	s := *base
	s.identity = make([]iam.Attached, 0, len(base.identity)+len(c.add))
	for _, p := range base.identity {
		if r, ok := c.replace[p.Name]; ok {
			p = *a.cite(r.name, p.Type, r.doc)
		}
		s.identity = append(s.identity, p)
	}
	s.identity = append(s.identity, c.add...)
	if base.boundary != nil {
		if r, ok := c.replace[base.boundary.Name]; ok {
			s.boundary = a.cite(r.name, iam.BoundaryPolicy, r.doc)
		}
	}
	if len(c.tags) > 0 {
		tags := maps.Clone(base.principal.Tags)
		if tags == nil {
			tags = map[string]string{}
		}
		maps.Copy(tags, c.tags)
		s.principal.Tags = tags
	}
	return &s, nil
}

// decideAs decides a request for an identity side that is not (yet) the
// principal's real one, with the same rules as decide.
func (a *authorizer) decideAs(side *identitySide, action, resource string, res resourceSide) (iam.Decision, error) {
	set := iam.PolicySet{Identity: side.identity, Boundary: side.boundary, SCPs: side.scps,
		ResourceKind: res.kind, RCPs: a.levels(res.owner, ingest.RCP)}
	if res.policy != nil {
		set.Resource = a.cite(res.name, iam.ResourcePolicy, res.policy)
	}
	req := iam.Request{Principal: side.principal, Action: action, Resource: resource,
		ResourceOwner: res.owner, ResourceTags: res.tags, ResourceIsPattern: res.pattern,
		Context: res.context, UnknownByDefault: true}
	return a.evaluate(req, set)
}

// principalResource is the resource side of an IAM user or role that a
// request acts on: IAM resources have no resource policy, only tags.
func (env *Env) principalResource(arn string) resourceSide {
	res := resourceSide{owner: accountOf(arn)}
	if u, ok := env.ix.users[arn]; ok {
		res.tags = u.Tags
	} else if r, ok := env.ix.roles[arn]; ok {
		res.tags = r.Tags
	}
	return res
}
