// Package iam implements the AWS IAM policy language: parsing policy documents
// (where every element may be a single value or a list), IAM wildcard matching,
// condition operators, and the documented AWS policy evaluation logic.
//
// The package knows nothing about graphs or AWS APIs: Evaluate decides one
// Request against the PolicySet that takes part in it. When a condition
// depends on a context key whose value is unknown at analysis time, the
// decision is Conditional and carries that condition instead of guessing.
//
// # Evaluation
//
// An explicit Deny in any applicable policy wins. Otherwise every SCP level
// of the principal's account and every RCP level of the resource owner must
// allow (a level with no applicable Allow denies), and the grant depends on
// who calls and where the resource lives:
//
//   - Same account: an allow in the identity policies (with the permissions
//     boundary and session policy) or in the resource-based policy
//     suffices. A resource policy naming the user, the role session or the
//     federated user session ARN directly is not limited by identity
//     policies, boundaries or session policies; naming the role ARN or "*"
//     is limited by the boundary and the session policy; naming the account
//     (root ARN or id) delegates to the account's identity policies.
//   - Cross account: the identity side and the resource policy must both
//     allow.
//   - RoleTrust: the trust policy must allow; the identity side must too,
//     unless the trust policy names the caller or its role.
//   - KMSKey: the key policy must allow the caller directly, or allow the
//     account principal and so enable IAM policies, which must then allow.
//   - Service principals, web identities and anonymous callers have no
//     identity policies and are not bound by SCPs: the resource policy
//     decides, within the RCPs.
//
// Evaluate applies the organisation levels it is given: leaving out SCPs
// where AWS does not apply them (the management account, service-linked
// roles) is the caller's part.
//
// A federated user session (GetFederationToken) without a session policy
// has no permissions of its own; the account root user needs no identity
// policy in its own account. A Deny with NotPrincipal excludes a caller
// only when its account, its role (for a session) and itself are all
// listed, and never excludes a principal that has a permissions boundary.
//
// # Conditions and context
//
// Every documented operator is supported, with ...IfExists, ForAllValues:
// and ForAnyValue:; an unknown operator is an error. A key missing from the
// context does not match, a negated operator then holds; ForAllValues holds
// and ForAnyValue fails on a missing or empty key. A plain operator on a
// multivalued key holds when some value matches, its negation when none
// does. Keys that follow from the principal and the resource
// (aws:username, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType,
// aws:PrincipalIsAWSService, aws:PrincipalTag/*, aws:ResourceTag/*,
// aws:ResourceAccount) are filled in when the context lacks them.
//
// Policy variables (Version 2012-10-17 only) resolve in Resource and in
// string, ARN and Bool condition values; a variable that cannot be
// resolved makes its statement inapplicable, one whose key is unknown
// makes it conditional.
//
// # Speed
//
// A parsed Policy compiles once, on first use: patterns pre-split,
// condition values parsed, statements indexed by the service prefix of
// their actions. MayAllow and ActionPrefixes let a caller skip policies
// that cannot grant an action. A Policy must not be changed once parsed.
package iam
