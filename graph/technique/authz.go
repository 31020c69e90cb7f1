package technique

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// authorizer assembles, for a principal and a resource, every policy that
// takes part in a request, and asks the iam engine. It caches each
// principal's identity side, which is the same for every resource.
//
// Its caches are safe for the goroutines of one build (see memo); the
// estate and index it reads are never written during a build.
type authorizer struct {
	ix    *index
	org   *ingest.Organization
	sides memo[string, *identitySide]
	docs  memo[string, *iam.Policy] // every cited policy by name, for evidence

	warnMu   sync.Mutex
	missing  map[string]bool // attached policies without a document
	warnList []string

	principalsOnce sync.Once
	principals     []string            // every user and role, sorted
	byAccount      map[string][]string // principals by account

	byAction     memo[string, []string]      // principals whose identity may allow an action
	grantIndexes memo[string, *grantIndex]   // who may be granted an action, by resource prefix
	details      memo[string, string]        // rendered statements, by policy and index
	admitted     memo[*iam.Policy, admitted] // accounts a resource policy admits
	// See anybucket.go.
	wholeBucketStatements memo[bucketStatements, []wholeBuckets]
	bucketDecisions       memo[bucketDecisionKey, sharedDecision]
	candidateSets         memo[string, map[string]bool] // see mayBeGranted
}

// identitySide is what a principal brings to every request.
type identitySide struct {
	principal iam.Principal
	identity  []iam.Attached
	boundary  *iam.Attached
	scps      [][]iam.Attached
}

// resourceSide is what a resource brings to a request.
type resourceSide struct {
	name    string // the policy's citation name
	policy  *iam.Policy
	kind    iam.ResourceKind
	owner   string
	tags    map[string]string
	pattern bool // the resource is a pattern: "some object in the bucket"
	// context holds request context the technique knows, such as
	// kms:ViaService when S3 calls KMS on the caller's behalf.
	context map[string][]string
}

func newAuthorizer(ix *index, org *ingest.Organization) *authorizer {
	return &authorizer{ix: ix, org: org, missing: map[string]bool{}}
}

// decide answers whether the principal (a user or role ARN) may perform
// action on resource. Request-time context (source IP, MFA, time) is never
// known in advance, so a condition on it makes the answer conditional.
func (a *authorizer) decide(principalARN, action, resource string, res resourceSide) (iam.Decision, error) {
	req, set, err := a.request(principalARN, action, resource, res)
	if err != nil {
		return iam.Decision{}, err
	}
	req.UnknownByDefault = true
	req.Context = attackerChosen(req.Context)
	return a.evaluate(req, set)
}

var overTLS = map[string][]string{"aws:SecureTransport": {"true"}}

// attackerChosen adds the request context an attacker decides for himself:
// he calls AWS over TLS, so a bucket policy's usual "deny unless
// aws:SecureTransport" is no obstacle and makes no edge conditional. Keys
// the request already knows are kept.
func attackerChosen(ctx map[string][]string) map[string][]string {
	if _, ok := ctx["aws:SecureTransport"]; ok {
		return ctx
	}
	if len(ctx) == 0 {
		return overTLS // shared and never written: the engine only reads context
	}
	out := make(map[string][]string, len(ctx)+1)
	for k, v := range ctx {
		out[k] = v
	}
	out["aws:SecureTransport"] = []string{"true"}
	return out
}

// request assembles the request and every policy that takes part in it.
func (a *authorizer) request(principalARN, action, resource string, res resourceSide) (iam.Request, iam.PolicySet, error) {
	side, err := a.side(principalARN)
	if err != nil {
		return iam.Request{}, iam.PolicySet{}, err
	}
	set := iam.PolicySet{Identity: side.identity, Boundary: side.boundary, SCPs: side.scps,
		ResourceKind: res.kind, RCPs: a.levels(res.owner, ingest.RCP)}
	if res.policy != nil {
		set.Resource = a.cite(res.name, iam.ResourcePolicy, res.policy)
	}
	req := iam.Request{Principal: side.principal, Action: action, Resource: resource,
		ResourceOwner: res.owner, ResourceTags: res.tags, ResourceIsPattern: res.pattern,
		Context: res.context}
	return req, set, nil
}

func (a *authorizer) evaluate(req iam.Request, set iam.PolicySet) (iam.Decision, error) {
	d, err := iam.Evaluate(req, set)
	if err != nil {
		return d, fmt.Errorf("%s %s on %s: %w", req.Principal.ARN, req.Action, req.Resource, err)
	}
	return d, nil
}

// decideAnonymous answers whether an anonymous caller (anyone on the
// internet) may perform action on resource: only a resource policy can
// allow it.
func (a *authorizer) decideAnonymous(action, resource string, res resourceSide) (iam.Decision, error) {
	set := iam.PolicySet{ResourceKind: res.kind, RCPs: a.levels(res.owner, ingest.RCP)}
	if res.policy != nil {
		set.Resource = a.cite(res.name, iam.ResourcePolicy, res.policy)
	}
	req := iam.Request{Principal: iam.Principal{Type: "Anonymous"}, Action: action, Resource: resource,
		ResourceOwner: res.owner, ResourceTags: res.tags, ResourceIsPattern: res.pattern, UnknownByDefault: true,
		Context: attackerChosen(res.context)}
	return iam.Evaluate(req, set)
}

// serviceMayAssume answers whether an AWS service (ec2.amazonaws.com) may
// assume a role: only the role's trust policy decides.
func (a *authorizer) serviceMayAssume(service, roleARN string, trust *iam.Policy) (iam.Decision, error) {
	set := iam.PolicySet{ResourceKind: iam.RoleTrust}
	if trust != nil {
		set.Resource = a.cite(roleARN+" trust policy", iam.ResourcePolicy, trust)
	}
	req := iam.Request{Principal: iam.Principal{Service: service}, Action: "sts:AssumeRole",
		Resource: roleARN, ResourceOwner: accountOf(roleARN), UnknownByDefault: true}
	return iam.Evaluate(req, set)
}

func (a *authorizer) side(arn string) (*identitySide, error) {
	if s, ok := a.sides.get(arn); ok {
		return s, nil
	}
	var s *identitySide
	if u, ok := a.ix.users[arn]; ok {
		s = a.userSide(u)
	} else if r, ok := a.ix.roles[arn]; ok {
		s = a.roleSide(r)
	} else {
		return nil, fmt.Errorf("principal %s is not a user or role of the estate", arn)
	}
	s.scps = a.levels(s.principal.Account, ingest.SCP)
	return a.sides.put(arn, s), nil
}

func (a *authorizer) userSide(u *ingest.User) *identitySide {
	s := &identitySide{principal: iam.Principal{ARN: u.ARN, Account: u.Account, Type: "User", Name: u.Name, Tags: u.Tags}}
	s.identity = a.attachedPolicies(u.ARN, u.InlinePolicies, u.AttachedPolicies)
	for _, g := range u.Groups {
		if group, ok := a.ix.iamGroups[g]; ok {
			s.identity = append(s.identity, a.attachedPolicies(group.ARN, group.InlinePolicies, group.AttachedPolicies)...)
		}
	}
	s.boundary = a.boundary(u.ARN, u.PermissionsBoundary)
	return s
}

// roleSide describes a session of the role. Its principal ARN is the role's
// own ARN, which is what aws:PrincipalArn holds for a role session and what
// resource policies name.
func (a *authorizer) roleSide(r *ingest.Role) *identitySide {
	s := &identitySide{principal: iam.Principal{ARN: r.ARN, Account: r.Account, Type: "AssumedRole", Tags: r.Tags}}
	s.identity = a.attachedPolicies(r.ARN, r.InlinePolicies, r.AttachedPolicies)
	s.boundary = a.boundary(r.ARN, r.PermissionsBoundary)
	return s
}

func (a *authorizer) attachedPolicies(owner string, inline []ingest.InlinePolicy, attached []string) []iam.Attached {
	var out []iam.Attached
	for _, p := range inline {
		out = append(out, *a.cite(inlineName(owner, p.Name), iam.IdentityPolicy, p.Document))
	}
	for _, arn := range attached {
		if doc := a.managed(owner, arn); doc != nil {
			out = append(out, *a.cite(arn, iam.IdentityPolicy, doc))
		}
	}
	return out
}

func (a *authorizer) boundary(owner, arn string) *iam.Attached {
	if arn == "" {
		return nil
	}
	doc := a.managed(owner, arn)
	if doc == nil {
		// An unknown boundary still limits the principal: with no document
		// we cannot tell what it allows, so it allows nothing.
		doc = iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}`)
	}
	return a.cite(arn, iam.BoundaryPolicy, doc)
}

func (a *authorizer) managed(owner, arn string) *iam.Policy {
	if p, ok := a.ix.policies[arn]; ok {
		if doc := p.Document(); doc != nil {
			return doc
		}
	}
	a.warnMu.Lock()
	defer a.warnMu.Unlock()
	if !a.missing[arn] {
		a.missing[arn] = true
		a.warnList = append(a.warnList, fmt.Sprintf("policy %s (used by %s) has no document in the estate: its permissions are not analysed", arn, owner))
	}
	return nil
}

func (a *authorizer) levels(account string, typ ingest.OrgPolicyType) [][]iam.Attached {
	if a.org == nil || account == "" || (typ == ingest.SCP && account == a.org.ManagementAccount) {
		return nil // SCPs never restrict the management account
	}
	kind := iam.SCPPolicy
	if typ == ingest.RCP {
		kind = iam.RCPPolicy
	}
	var out [][]iam.Attached
	for _, level := range a.org.Levels(account, typ) {
		var attached []iam.Attached
		for _, p := range level {
			attached = append(attached, *a.cite(orgPolicyName(p), kind, p.Document))
		}
		out = append(out, attached)
	}
	return out
}

func (a *authorizer) cite(name string, typ iam.PolicyType, doc *iam.Policy) *iam.Attached {
	a.docs.put(name, doc)
	return &iam.Attached{Name: name, Type: typ, Policy: doc}
}

func (a *authorizer) warnings() []string {
	a.warnMu.Lock()
	defer a.warnMu.Unlock()
	return slices.Clone(a.warnList)
}

func inlineName(owner, policy string) string { return owner + " inline policy " + policy }

func orgPolicyName(p ingest.OrgPolicy) string {
	if p.ARN != "" {
		return p.ARN
	}
	return p.ID
}

// accountOf returns the account id in an ARN, or "".
func accountOf(arn string) string {
	// arn:partition:service:region:account:resource — the fifth field. It
	// runs for every candidate pair of a build, so it does not allocate.
	rest := arn
	for i := 0; i < 4; i++ {
		colon := strings.IndexByte(rest, ':')
		if colon < 0 {
			return ""
		}
		rest = rest[colon+1:]
	}
	colon := strings.IndexByte(rest, ':')
	if colon < 0 {
		return ""
	}
	return rest[:colon]
}
