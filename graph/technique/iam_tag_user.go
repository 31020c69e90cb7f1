package technique

// IAMTagUser: a user whose permissions depend on its own tags, and that may
// tag itself, sets the tags that grant it admin.
var IAMTagUser = &Technique{
	ID:     "iam:TagUser",
	Title:  "Tag oneself to satisfy an aws:PrincipalTag condition",
	Attack: "T1098",
	Why: "Attribute-based access control grants permissions when aws:PrincipalTag/KEY has a value. " +
		"A user's tags are set with iam:TagUser, checked on the user: a user allowed to tag itself " +
		"(on its own ARN, without an aws:TagKeys restriction) sets the value an Allow statement asks " +
		"for and holds what it grants.",
	Remediation: "Deny iam:TagUser and iam:UntagUser on the caller itself, or restrict aws:TagKeys so that " +
		"no principal can set the tag keys that access control relies on.",
	Cost:        costTwoCalls,
	Permissions: []string{"iam:TagUser"},
	Yields:      "admin: the permissions an aws:PrincipalTag condition reserves",
	Steps: []string{
		"aws iam tag-user --user-name USER --tags Key=KEY,Value=VALUE",
	},
	Catalogue:  []string{"– (in neither pathfinding.cloud nor Rhino's lists)"},
	References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html"},
	Derive: func(env *Env, t *Technique) error {
		return deriveTagSelf(env, t, "iam:TagUser", "aws iam tag-user --user-name", env.isUser)
	},
}
