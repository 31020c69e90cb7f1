package iam

// PolicyType names the role a policy plays in an evaluation.
type PolicyType string

// The policy types of the AWS evaluation logic.
const (
	IdentityPolicy PolicyType = "identity"
	ResourcePolicy PolicyType = "resource"
	BoundaryPolicy PolicyType = "boundary"
	SessionPolicy  PolicyType = "session"
	SCPPolicy      PolicyType = "scp"
	RCPPolicy      PolicyType = "rcp"
)

// ResourceKind selects the documented exceptions to the general rule for
// resource-based policies.
type ResourceKind string

const (
	// GenericResource follows the general rule: within one account an allow
	// in either the identity or the resource policy suffices.
	GenericResource ResourceKind = ""
	// RoleTrust is a role's trust policy: it must allow the caller; the
	// identity side must allow too unless the trust policy names the
	// caller's own ARN (same account).
	RoleTrust ResourceKind = "role-trust"
	// KMSKey is a key policy: it must allow, directly or by enabling IAM
	// policies through the account principal.
	KMSKey ResourceKind = "kms-key"
)

// Attached is a policy with the name that evidence and answers cite (an ARN,
// or "arn:aws:iam::1:role/r inline policy p") and the role it plays.
type Attached struct {
	Name   string
	Type   PolicyType
	Policy *Policy
}

// PolicySet is every policy that takes part in deciding one request.
type PolicySet struct {
	Identity     []Attached
	Resource     *Attached
	ResourceKind ResourceKind
	Boundary     *Attached
	Session      *Attached
	// SCPs and RCPs hold one list per organisation level, root first; every
	// level must allow. SCPs belong to the principal's account, RCPs to the
	// resource owner's.
	SCPs [][]Attached
	RCPs [][]Attached
}

// Principal is who makes the request.
type Principal struct {
	// ARN of the user, role, or assumed-role session; empty for anonymous.
	ARN string
	// Account is the principal's account id; taken from ARN when empty.
	Account string
	// Type is the value of aws:PrincipalType: Account, User, FederatedUser,
	// AssumedRole or Anonymous; derived from ARN when empty.
	Type string
	// Name is the user name (aws:username) for IAM users; taken from the
	// last segment of ARN when empty.
	Name string
	// Tags are the principal's tags (aws:PrincipalTag/<key>). With a
	// non-nil map a tag not in it is absent; a nil map means the tags are
	// not known.
	Tags map[string]string
	// Service is set when a service principal (ec2.amazonaws.com) makes
	// the request, as for role trust policies.
	Service string
	// RoleARN is the ARN (with its path) of the role behind an
	// assumed-role session ARN. When empty it is derived from the session
	// ARN without a path, and policies naming the role match on account
	// and role name.
	RoleARN string
	// Federated is the identity provider of a web-identity or SAML
	// principal (an OIDC/SAML provider ARN or a name such as
	// cognito-identity.amazonaws.com); it matches {"Federated": ...}.
	Federated string
	// CanonicalUser is an S3 canonical user id; it matches
	// {"CanonicalUser": ...}.
	CanonicalUser string
}

// Request is one API request to decide.
type Request struct {
	Principal Principal
	Action    string
	Resource  string
	// ResourceIsPattern makes Resource a pattern ("some resource matching
	// it"): an Allow statement applies when its resource patterns
	// intersect the request pattern, a Deny statement only when they
	// cover it (every string of the request pattern).
	ResourceIsPattern bool
	// ResourceOwner is the account that owns the resource; when empty it
	// is taken from the resource ARN, and failing that the resource is
	// taken to be in the principal's account.
	ResourceOwner string
	// ResourceTags are the resource's tags (aws:ResourceTag/<key>); nil when
	// not known.
	ResourceTags map[string]string
	// Context holds the known request context; a key not in it is absent.
	// Keys are case-insensitive.
	Context map[string][]string
	// Unknown lists keys whose value is not known, even when Context or the
	// principal gives one: a condition on one makes the decision
	// Conditional.
	Unknown []string
	// UnknownByDefault treats every key that is neither in Context nor
	// derivable from the principal or resource as unknown rather than
	// absent. Graph analysis sets it: request-time keys such as source IP,
	// MFA or time are never known in advance.
	UnknownByDefault bool
}

// Outcome is a decision's verdict.
type Outcome string

// The three verdicts.
const (
	Allowed     Outcome = "allow"
	Denied      Outcome = "deny"
	Conditional Outcome = "conditional"
)

// StatementRef cites one statement that took part in a decision.
type StatementRef struct {
	Policy string     `json:"policy"`
	Type   PolicyType `json:"type"`
	Index  int        `json:"index"`
	Sid    string     `json:"sid,omitempty"`
}

// ConditionRef is a condition a Conditional decision depends on.
type ConditionRef struct {
	StatementRef
	// Effect is the statement's: a condition of an Allow must hold for the
	// request to pass, one of a Deny must not.
	Effect   Effect   `json:"effect"`
	Operator string   `json:"operator"`
	Key      string   `json:"key"`
	Values   []string `json:"values"`
}

// Decision is the answer to a Request.
type Decision struct {
	Outcome    Outcome        `json:"decision"`
	Reason     string         `json:"reason"`
	Statements []StatementRef `json:"statements"`
	Conditions []ConditionRef `json:"conditions,omitempty"`
}
