package technique

// IAMTagRole: a role whose permissions depend on its own tags, and that may
// tag itself, sets the tags that grant it admin.
var IAMTagRole = &Technique{
	ID:     "iam:TagRole",
	Title:  "Tag one's own role to satisfy an aws:PrincipalTag condition",
	Attack: "T1098",
	Why: "A role session's aws:PrincipalTag values come from the role's tags (and session tags). A role " +
		"allowed iam:TagRole on itself sets the value an Allow statement's condition asks for; its next " +
		"session holds what that statement grants.",
	Remediation: "Deny iam:TagRole and iam:UntagRole on the caller's own role, or restrict aws:TagKeys so that " +
		"no principal can set the tag keys that access control relies on.",
	Cost:        costTwoCalls,
	Permissions: []string{"iam:TagRole"},
	Yields:      "admin: the permissions an aws:PrincipalTag condition reserves",
	Steps: []string{
		"aws iam tag-role --role-name ROLE --tags Key=KEY,Value=VALUE",
		"aws sts assume-role --role-arn ROLE_ARN --role-session-name tagged   # a new session carries the tag",
	},
	Catalogue:  []string{"– (in neither pathfinding.cloud nor Rhino's lists)"},
	References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveTagSelf(env, t, "iam:TagRole", "aws iam tag-role --role-name", env.isRole)
	},
}
