package iam

import "testing"

func bucketPolicyFor(t testing.TB, principal string) *Attached {
	return resourcePol(t, stmts(`{"Effect":"Allow","Principal":{"AWS":"`+principal+`"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}`))
}

func TestEvaluateBoundariesAndSessions(t *testing.T) {
	fedUser := "arn:aws:sts::111111111111:federated-user/dana"
	runEvalCases(t, []evalCase{
		{name: "boundary allows too", doc: "IAM UG permissions boundaries: effective permissions are the intersection of identity policies and the boundary",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Boundary: boundaryPol(t, stmts(`{"Effect":"Allow","Action":"s3:*","Resource":"*"}`))},
			want: Allowed, stmts: []string{"id0#0", "boundary#0"}},
		{name: "boundary withholds", doc: "IAM UG permissions boundaries: an action the boundary does not allow is implicitly denied",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Boundary: boundaryPol(t, stmts(allowListAll))},
			want: Denied, reason: "denied by permissions boundary boundary: no statement allows s3:GetObject"},
		{name: "boundary grants nothing", doc: "IAM UG permissions boundaries: a boundary does not grant permissions on its own",
			req: get(user(alice), object), set: PolicySet{Boundary: boundaryPol(t, stmts(allowGetAll))}, want: Denied},
		{name: "boundary explicit deny", doc: "IAM UG permissions boundaries: an explicit deny in either policy overrides the allow",
			req: get(user(alice), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Boundary: boundaryPol(t, stmts(allowAllAll, denyGetAll))},
			want: Denied, reason: "explicitly denied by boundary statement 1"},
		{name: "user named in resource policy ignores boundary", doc: "IAM UG policy evaluation logic: resource-based policies that grant to an IAM user ARN are not limited by an implicit deny in a permissions boundary",
			req: get(user(alice), object), set: PolicySet{Resource: bucketPolicyFor(t, alice), Boundary: boundaryPol(t, stmts(allowListAll))}, want: Allowed},
		{name: "role named in resource policy limited by boundary", doc: "IAM UG policy evaluation logic: resource-based policies that grant to an IAM role ARN are limited by an implicit deny in a permissions boundary",
			req: get(user(devSess), object), set: PolicySet{Resource: bucketPolicyFor(t, devRole), Boundary: boundaryPol(t, stmts(allowListAll))},
			want: Denied, reason: "permissions boundary"},
		{name: "role named, boundary allows", doc: "IAM UG policy evaluation logic: a grant to the role ARN needs no identity policy within the account",
			req: get(user(devSess), object), set: PolicySet{Resource: bucketPolicyFor(t, devRole), Boundary: boundaryPol(t, stmts(allowGetAll))}, want: Allowed},
		{name: "session named ignores boundary", doc: "IAM UG policy evaluation logic: grants to a role session ARN are not limited by identity policies, boundaries or session policies",
			req: get(user(devSess), object), set: PolicySet{Resource: bucketPolicyFor(t, devSess), Boundary: boundaryPol(t, stmts(allowListAll)), Session: sessionPol(t, stmts(allowListAll))},
			want: Allowed},
		{name: "session policy withholds", doc: "IAM UG policy evaluation logic: a session policy that does not allow the action implicitly denies it",
			req: get(user(devSess), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Session: sessionPol(t, stmts(allowListAll))},
			want: Denied, reason: "denied by session policy session"},
		{name: "session policy allows", doc: "IAM UG session policies: session permissions are the intersection of identity policies and the session policy",
			req: get(user(devSess), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Session: sessionPol(t, stmts(allowGetAll))}, want: Allowed},
		{name: "session policy grants nothing", doc: "IAM UG session policies: a session policy cannot grant more than the identity policies",
			req: get(user(devSess), object), set: PolicySet{Session: sessionPol(t, stmts(allowGetAll))}, want: Denied},
		{name: "role named limited by session policy", doc: "IAM UG session policies: a resource policy naming the role ARN is limited by the session policy",
			req: get(user(devSess), object), set: PolicySet{Resource: bucketPolicyFor(t, devRole), Session: sessionPol(t, stmts(allowListAll))}, want: Denied, reason: "session policy"},
		{name: "session policy explicit deny", doc: "IAM UG policy evaluation logic: an explicit deny in a session policy overrides allows",
			req: get(user(devSess), object), set: PolicySet{Resource: bucketPolicyFor(t, devSess), Session: sessionPol(t, stmts(denyGetAll))}, want: Denied},
		{name: "federated user needs session policy", doc: "IAM UG policy evaluation logic: a federated user session without a session policy is implicitly denied",
			req: get(user(fedUser), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll))}, want: Denied, reason: "federated user session"},
		{name: "federated user with session policy", doc: "IAM UG policy evaluation logic: a federated user session is allowed when identity and session policy allow",
			req: get(user(fedUser), object), set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Session: sessionPol(t, stmts(allowGetAll))}, want: Allowed},
		{name: "federated user named directly", doc: "IAM UG policy evaluation logic: grants to a federated user session ARN are not limited by an implicit deny in a session policy",
			req: get(user(fedUser), object), set: PolicySet{Resource: bucketPolicyFor(t, fedUser)}, want: Allowed},
		{name: "wildcard grant limited by boundary", doc: "IAM UG policy evaluation logic: only a grant naming the user or session directly escapes the boundary",
			req: get(user(alice), object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}`)), Boundary: boundaryPol(t, stmts(allowListAll))},
			want: Denied, reason: "permissions boundary"},
	})
}

func TestEvaluateOrganizationPolicies(t *testing.T) {
	full := func(name string) Attached {
		return attached(name, SCPPolicy, pol(t, stmts(allowAllAll)))
	}
	scp := func(name, doc string) Attached { return attached(name, SCPPolicy, pol(t, doc)) }
	rcp := func(name, doc string) Attached { return attached(name, RCPPolicy, pol(t, doc)) }
	rcpFull := `{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}`
	idAllow := identity(t, stmts(allowGetAll))
	runEvalCases(t, []evalCase{
		{name: "every level allows", doc: "AWS Organizations SCP evaluation: an action must be allowed at every level from the root to the account",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{full("root")}, {full("ou")}, {full("acct")}}}, want: Allowed},
		{name: "OU level withholds", doc: "AWS Organizations SCP evaluation: a level whose SCPs do not allow the action denies it",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{full("root")}, {scp("ou", stmts(`{"Effect":"Allow","Action":"ec2:*","Resource":"*"}`))}, {full("acct")}}},
			want: Denied, reason: "denied by SCP level 1: no statement allows s3:GetObject"},
		{name: "any policy of a level suffices", doc: "AWS Organizations SCP evaluation: within a level, an allow in any attached SCP suffices",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{scp("a", stmts(`{"Effect":"Allow","Action":"ec2:*","Resource":"*"}`)), full("b")}}}, want: Allowed},
		{name: "SCP deny", doc: "AWS Organizations SCP evaluation: an explicit deny at any level denies",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{full("root"), scp("deny-s3", stmts(`{"Effect":"Deny","Action":"s3:*","Resource":"*"}`))}}},
			want: Denied, reason: "explicitly denied by deny-s3 statement 0"},
		{name: "SCPs grant nothing", doc: "AWS Organizations SCPs: SCPs never grant permissions",
			req: get(user(alice), object), set: PolicySet{SCPs: [][]Attached{{full("root")}}}, want: Denied},
		{name: "SCP limits resource-policy grants", doc: "IAM UG policy evaluation logic: SCPs limit permissions granted by resource-based policies to principals of member accounts",
			req: get(user(alice), object), set: PolicySet{Resource: bucketPolicyFor(t, alice), SCPs: [][]Attached{{scp("ec2only", stmts(`{"Effect":"Allow","Action":"ec2:*","Resource":"*"}`))}}},
			want: Denied, reason: "SCP level 0"},
		{name: "SCPs skip service principals", doc: "AWS Organizations SCPs: SCPs affect only IAM principals of member accounts, not service principals",
			req: assume(Principal{Service: "ec2.amazonaws.com"}, adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"Service":"ec2.amazonaws.com"}`),
				SCPs: [][]Attached{{scp("none", stmts(`{"Effect":"Allow","Action":"ec2:*","Resource":"*"}`))}}}, want: Allowed},
		{name: "empty SCP level", doc: "AWS Organizations SCP evaluation: every level must allow; a level with no policy allows nothing",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{full("root")}, {}}}, want: Denied, reason: "no policy is attached"},
		{name: "RCP full access", doc: "AWS Organizations RCPs: RCPFullAWSAccess allows every action, so identity and resource policies decide",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, RCPs: [][]Attached{{rcp("RCPFullAWSAccess", stmts(rcpFull))}}}, want: Allowed},
		{name: "RCP level without allow", doc: "AWS Organizations RCPs: a level whose RCPs do not allow the action denies it",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, RCPs: [][]Attached{{rcp("full", stmts(rcpFull))}, {rcp("kms-only", stmts(`{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}`))}}},
			want: Denied, reason: "denied by RCP level 1"},
		{name: "RCP deny outside org", doc: "AWS Organizations RCPs: an explicit deny in an RCP applies to every principal accessing the resource",
			req: func() Request { r := get(user(carol), object); r.ResourceOwner = acctA; return r }(),
			set: PolicySet{Identity: identity(t, stmts(allowGetAll)), Resource: resourcePol(t, stmts(carolBucketPolicy)), RCPs: [][]Attached{{rcp("full", stmts(rcpFull)),
				rcp("perimeter", stmts(`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalAccount":"111111111111"}}}`))}}},
			want: Denied, reason: "explicitly denied by perimeter statement 0"},
		{name: "RCP perimeter spares own account", doc: "AWS Organizations RCPs: conditions decide which principals an RCP deny covers",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, RCPs: [][]Attached{{rcp("full", stmts(rcpFull)),
				rcp("perimeter", stmts(`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalAccount":"111111111111"}}}`))}}},
			want: Allowed},
		{name: "RCP applies to service principals", doc: "AWS Organizations RCPs: RCPs restrict access to resources whoever the principal is; data-perimeter RCPs exempt services with aws:PrincipalIsAWSService",
			req: assume(Principal{Service: "ec2.amazonaws.com"}, adminRole), set: PolicySet{ResourceKind: RoleTrust, Resource: trust(t, `{"Service":"ec2.amazonaws.com"}`),
				RCPs: [][]Attached{{rcp("kms-only", stmts(`{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}`))}}}, want: Denied},
		{name: "SCP and RCP together", doc: "IAM UG policy evaluation logic: SCPs of the principal's account and RCPs of the resource's account must both allow",
			req: get(user(alice), object), set: PolicySet{Identity: idAllow, SCPs: [][]Attached{{full("root")}}, RCPs: [][]Attached{{rcp("full", stmts(rcpFull))}}},
			want: Allowed, stmts: []string{"id0#0", "root#0", "full#0"}},
	})
}

func TestEvaluateNotPrincipal(t *testing.T) {
	denyAllBut := func(names ...string) *Attached {
		list := `"` + names[0] + `"`
		for _, n := range names[1:] {
			list += `,"` + n + `"`
		}
		return resourcePol(t, stmts(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}`,
			`{"Effect":"Deny","NotPrincipal":{"AWS":[`+list+`]},"Action":"s3:*"}`))
	}
	runEvalCases(t, []evalCase{
		{name: "listed user and account excluded", doc: "IAM UG NotPrincipal: Deny with NotPrincipal denies everyone except the listed principals (with their account)",
			req: get(user(alice), object), set: PolicySet{Resource: denyAllBut(alice, "arn:aws:iam::111111111111:root")}, want: Allowed},
		{name: "other user denied", doc: "IAM UG NotPrincipal: principals not listed are denied",
			req: get(user(bob), object), set: PolicySet{Resource: denyAllBut(alice, "arn:aws:iam::111111111111:root")}, want: Denied, reason: "explicitly denied by res statement 1"},
		{name: "user without account denied", doc: "IAM UG NotPrincipal: the account of the excluded principal must be listed too, or the account is denied",
			req: get(user(alice), object), set: PolicySet{Resource: denyAllBut(alice)}, want: Denied},
		{name: "session needs session, role and account", doc: "IAM UG NotPrincipal: for an assumed role AWS checks the account, the role, then the session",
			req: get(user(devSess), object), set: PolicySet{Resource: denyAllBut(devSess, devRole, acctA)}, want: Allowed},
		{name: "session with role only denied", doc: "IAM UG NotPrincipal: listing the role and account without the session does not exclude the session",
			req: get(user(devSess), object), set: PolicySet{Resource: denyAllBut(devRole, acctA)}, want: Denied},
		{name: "boundary defeats NotPrincipal", doc: "IAM UG permissions boundaries: a Deny with NotPrincipal always denies a principal that has a permissions boundary",
			req: get(user(alice), object), set: PolicySet{Resource: denyAllBut(alice, acctA), Identity: identity(t, stmts(allowGetAll)), Boundary: boundaryPol(t, stmts(allowAllAll))},
			want: Denied},
		{name: "NotPrincipal allow", doc: "IAM UG NotPrincipal: Allow with NotPrincipal allows every principal except those listed",
			req: get(user(bob), object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","NotPrincipal":{"AWS":"`+alice+`"},"Action":"s3:GetObject"}`))}, want: Allowed},
		{name: "anonymous never excluded", doc: "IAM UG NotPrincipal: anonymous callers cannot be listed, so a Deny with NotPrincipal applies to them",
			req: get(Principal{}, object), set: PolicySet{Resource: denyAllBut(alice, acctA)}, want: Denied},
		{name: "anonymous reads public object", doc: "IAM UG Principal element: \"*\" includes anonymous callers",
			req: get(Principal{}, object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}`))}, want: Allowed},
		{name: "anonymous and AWS star", doc: "IAM UG Principal element: {\"AWS\":\"*\"} is the same as \"*\"",
			req: get(Principal{}, object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject"}`))}, want: Allowed},
		{name: "canonical user", doc: "IAM UG Principal element: S3 canonical user ids are named with CanonicalUser",
			req: get(Principal{CanonicalUser: "79a59df900b949e55d96a1e698fbace"}, object), set: PolicySet{Resource: resourcePol(t, stmts(`{"Effect":"Allow","Principal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbace"},"Action":"s3:GetObject"}`))}, want: Allowed},
		{name: "role with path", doc: "IAM UG identifiers: an assumed-role ARN names the role without its path; the role ARN in a policy carries it",
			req: get(Principal{ARN: "arn:aws:sts::111111111111:assumed-role/deploy/s", RoleARN: "arn:aws:iam::111111111111:role/ci/deploy"}, object),
			set: PolicySet{Resource: bucketPolicyFor(t, "arn:aws:iam::111111111111:role/ci/deploy")}, want: Allowed},
	})
}
