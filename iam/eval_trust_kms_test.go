package iam

import "testing"

func assume(p Principal, role string) Request {
	return Request{Principal: p, Action: "sts:AssumeRole", Resource: role}
}

func trust(t testing.TB, principal string) *Attached {
	a := attached("trust", ResourcePolicy, pol(t, stmts(`{"Effect":"Allow","Principal":`+principal+`,"Action":"sts:AssumeRole"}`)))
	return &a
}

const (
	adminRole      = "arn:aws:iam::111111111111:role/admin"
	allowAssumeAll = `{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}`
)

func TestEvaluateRoleTrust(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "trust names user", doc: "IAM UG policy evaluation logic: a role trust policy that names the IAM user grants it without an identity policy (same account)",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"`+alice+`"}`)}, want: Allowed, reason: "allowed by trust statement 0"},
		{name: "trust names account, no identity", doc: "IAM UG roles: trusting the account delegates to its identity policies, which must allow sts:AssumeRole",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"arn:aws:iam::111111111111:root"}`)},
			want: Denied, reason: "does not name"},
		{name: "trust names account, identity allows", doc: "IAM UG roles: trusting the account delegates to its identity policies",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Identity: identity(t, stmts(allowAssumeAll)), Resource: trust(t, `{"AWS":"111111111111"}`)},
			want: Allowed},
		{name: "identity alone cannot assume", doc: "IAM UG policy evaluation logic: role trust policies are an exception: they must explicitly allow the principal",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Identity: identity(t, stmts(allowAssumeAll)), Resource: trust(t, `{"AWS":"`+bob+`"}`)},
			want: Denied, reason: "trust policy trust does not allow"},
		{name: "no trust policy", doc: "IAM UG policy evaluation logic: role trust policies must explicitly allow the principal",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Identity: identity(t, stmts(allowAssumeAll))}, want: Denied, reason: "no trust policy"},
		{name: "trust wildcard needs identity", doc: "IAM UG roles: a trust in \"*\" does not name the caller, so its identity policy must allow",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"*"}`)}, want: Denied},
		{name: "trust wildcard with identity", doc: "IAM UG roles: a trust in \"*\" with an identity allow",
			req: assume(user(alice), adminRole), set: PolicySet{ResourceKind: RoleTrust, Identity: identity(t, stmts(allowAssumeAll)), Resource: trust(t, `{"AWS":"*"}`)}, want: Allowed},
		{name: "cross-account trust needs identity", doc: "IAM UG cross-account policy evaluation logic: both the trust policy and the caller's identity policy must allow",
			req: assume(user(carol), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"`+carol+`"}`)}, want: Denied, reason: "cross-account"},
		{name: "cross-account trust and identity", doc: "IAM UG cross-account policy evaluation logic: both the trust policy and the caller's identity policy must allow",
			req: assume(user(carol), adminRole), set: PolicySet{ResourceKind: RoleTrust, Identity: identity(t, stmts(allowAssumeAll)), Resource: trust(t, `{"AWS":"222222222222"}`)}, want: Allowed},
		{name: "service principal", doc: "IAM UG Principal element: AWS service principals are named with Service",
			req: assume(Principal{Service: "ec2.amazonaws.com"}, adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"Service":"ec2.amazonaws.com"}`)}, want: Allowed},
		{name: "other service", doc: "IAM UG Principal element: a service principal matches only its own name",
			req: assume(Principal{Service: "lambda.amazonaws.com"}, adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"Service":["ec2.amazonaws.com"]}`)}, want: Denied},
		{name: "service with star", doc: "IAM UG Principal element: \"*\" names every principal, services included",
			req: assume(Principal{Service: "lambda.amazonaws.com"}, adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `"*"`)}, want: Allowed},
		{name: "web identity", doc: "IAM UG Principal element: federated web identity principals are named with Federated",
			req: Request{Principal: Principal{Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"}, Action: "sts:AssumeRoleWithWebIdentity", Resource: adminRole},
			set: PolicySet{ResourceKind: RoleTrust, Resource: func() *Attached {
				a := attached("trust", ResourcePolicy, pol(t, stmts(`{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}`)))
				return &a
			}()}, want: Allowed},
		{name: "role trusts role: session assumes", doc: "IAM UG Principal element: a role ARN in a trust policy matches the role's sessions",
			req: assume(user(devSess), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"`+devRole+`"}`)}, want: Allowed},
		{name: "role trust limited by boundary", doc: "IAM UG policy evaluation logic: grants to an IAM role ARN are limited by an implicit deny in a permissions boundary",
			req: assume(user(devSess), adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"AWS":"`+devRole+`"}`), Boundary: boundaryPol(t, stmts(allowListAll))},
			want: Denied, reason: "permissions boundary"},
	})
}

const keyARN = "arn:aws:kms:eu-west-1:111111111111:key/1234"

func decrypt(p Principal) Request {
	return Request{Principal: p, Action: "kms:Decrypt", Resource: keyARN}
}

func keyPolicy(t testing.TB, principal string) *Attached {
	a := attached("key", ResourcePolicy, pol(t, stmts(`{"Effect":"Allow","Principal":`+principal+`,"Action":"kms:*","Resource":"*"}`)))
	return &a
}

const allowDecrypt = `{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}`

func TestEvaluateKMSKeyPolicy(t *testing.T) {
	runEvalCases(t, []evalCase{
		{name: "key policy names user", doc: "KMS DG key policies: a key policy that allows the principal grants access on its own",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Resource: keyPolicy(t, `{"AWS":"`+alice+`"}`)}, want: Allowed},
		{name: "identity alone", doc: "KMS DG key policies: IAM policies alone do not give access to a KMS key",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Identity: identity(t, stmts(allowDecrypt)), Resource: keyPolicy(t, `{"AWS":"`+bob+`"}`)},
			want: Denied, reason: "key policy key does not allow"},
		{name: "account principal enables IAM", doc: "KMS DG default key policy: allowing the account principal enables IAM policies",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Identity: identity(t, stmts(allowDecrypt)), Resource: keyPolicy(t, `{"AWS":"arn:aws:iam::111111111111:root"}`)},
			want: Allowed, stmts: []string{"key#0", "id0#0"}},
		{name: "account principal as id", doc: "KMS DG default key policy: the account may be named by its id",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Identity: identity(t, stmts(allowDecrypt)), Resource: keyPolicy(t, `{"AWS":"111111111111"}`)}, want: Allowed},
		{name: "account principal without IAM allow", doc: "KMS DG default key policy: enabling IAM policies grants nothing until an IAM policy allows",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Resource: keyPolicy(t, `{"AWS":"111111111111"}`)}, want: Denied, reason: "enables IAM policies"},
		{name: "no key policy", doc: "KMS DG key policies: every key must have a key policy that allows access",
			req: decrypt(user(alice)), set: PolicySet{ResourceKind: KMSKey, Identity: identity(t, stmts(allowDecrypt))}, want: Denied},
		{name: "cross-account key", doc: "KMS DG cross-account access: the key policy must allow the external account and its IAM policy must allow",
			req: decrypt(user(carol)), set: PolicySet{ResourceKind: KMSKey, Identity: identity(t, stmts(allowDecrypt)), Resource: keyPolicy(t, `{"AWS":"222222222222"}`)}, want: Allowed},
		{name: "cross-account key without IAM", doc: "KMS DG cross-account access: the external principal's IAM policy must allow too",
			req: decrypt(user(carol)), set: PolicySet{ResourceKind: KMSKey, Resource: keyPolicy(t, `{"AWS":"`+carol+`"}`)}, want: Denied},
		{name: "root locked out", doc: "KMS DG key policies: even the root user needs the key policy to allow it",
			req: decrypt(user("arn:aws:iam::111111111111:root")), set: PolicySet{ResourceKind: KMSKey, Resource: keyPolicy(t, `{"AWS":"`+alice+`"}`)}, want: Denied},
	})
}
