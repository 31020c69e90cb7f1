package iam

import "strings"

// callerKind is what sort of principal makes a request; the evaluation
// logic differs for each.
type callerKind uint8

const (
	callerAnonymous callerKind = iota
	callerUser
	callerRole // a role named by its ARN, standing for its sessions
	callerSession
	callerFederatedUser // a GetFederationToken session
	callerRoot
	callerService
	callerWebIdentity // a SAML or OIDC identity, known by its provider
	callerCanonical
	callerOther // an ARN of no kind above: matched only by that ARN
)

type caller struct {
	kind      callerKind
	arn       string
	partition string
	account   string
	name      string // user name, role name, or session name
	roleName  string
	roleARN   string // given or derived role ARN of a session
	roleGiven bool   // roleARN came with the request and carries the path
	service   string
	federated string
	canonical string
	typ       string // aws:PrincipalType
}

func newCaller(p Principal) caller {
	c := caller{arn: p.ARN, service: p.Service, federated: p.Federated, canonical: p.CanonicalUser}
	switch {
	case p.Service != "":
		c.kind = callerService
	case p.ARN == "" && p.Federated != "":
		c.kind = callerWebIdentity
	case p.ARN == "" && p.CanonicalUser != "":
		c.kind = callerCanonical
	case p.ARN == "":
		c.kind, c.typ = callerAnonymous, "Anonymous"
	default:
		c.classifyARN(p)
	}
	if p.Account != "" {
		c.account = p.Account
	}
	if p.Type != "" {
		c.typ = p.Type
	}
	if p.Name != "" && c.kind == callerUser {
		c.name = p.Name
	}
	return c
}

func (c *caller) classifyARN(p Principal) {
	c.kind = callerOther
	a, ok := parseARN(p.ARN)
	if !ok {
		return
	}
	c.partition, c.account = a.partition, a.account
	kind, rest, _ := strings.Cut(a.resource, "/")
	switch {
	case a.service == "iam" && a.resource == "root":
		c.kind, c.typ = callerRoot, "Account"
	case a.service == "iam" && kind == "user":
		c.kind, c.typ, c.name = callerUser, "User", lastSegment(rest)
	case a.service == "iam" && kind == "role":
		c.kind, c.typ, c.roleName, c.roleARN = callerRole, "AssumedRole", lastSegment(rest), p.ARN
		c.roleGiven = true
	case a.service == "sts" && kind == "assumed-role":
		role, session, _ := strings.Cut(rest, "/")
		c.kind, c.typ, c.roleName, c.name = callerSession, "AssumedRole", role, session
		c.roleARN = "arn:" + a.partition + ":iam::" + a.account + ":role/" + role
		if p.RoleARN != "" {
			c.roleARN, c.roleGiven = p.RoleARN, true
		}
	case a.service == "sts" && kind == "federated-user":
		c.kind, c.typ, c.name = callerFederatedUser, "FederatedUser", rest
	}
}

// isIAM reports whether the caller is an IAM identity of an account, to
// which identity policies, boundaries and SCPs apply.
func (c *caller) isIAM() bool {
	switch c.kind {
	case callerUser, callerRole, callerSession, callerFederatedUser, callerRoot, callerOther:
		return c.account != ""
	}
	return false
}

func (c *caller) userName() string {
	if c.kind == callerUser {
		return c.name
	}
	return ""
}

// principalARN is aws:PrincipalArn: for a role session, the role's ARN.
func (c *caller) principalARN() string {
	if c.kind == callerSession {
		return c.roleARN
	}
	return c.arn
}

// isRoleARN reports whether a policy value names the caller's role: the
// exact ARN when the request gave it, otherwise the same account and role
// name under any path.
func (c *caller) isRoleARN(v string) bool {
	if c.roleName == "" {
		return false
	}
	if c.roleGiven {
		return v == c.roleARN
	}
	a, ok := parseARN(v)
	if !ok || a.service != "iam" || a.account != c.account || !strings.HasPrefix(a.resource, "role/") {
		return false
	}
	return lastSegment(a.resource) == c.roleName
}

// isAccount reports whether a policy value names the caller's account, as
// a bare id or as the account root ARN.
func (c *caller) isAccount(v string) bool {
	if c.account == "" || !c.isIAM() {
		return false
	}
	if v == c.account {
		return true
	}
	a, ok := parseARN(v)
	return ok && a.service == "iam" && a.account == c.account && a.resource == "root"
}
