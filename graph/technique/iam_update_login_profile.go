package technique

import "github.com/pathfinder-sec/pathfinder/ingest"

// IAMUpdateLoginProfile: a principal that may change another user's console
// password signs in to the console as that user.
var IAMUpdateLoginProfile = &Technique{
	ID:     "iam:UpdateLoginProfile",
	Title:  "Reset another user's console password",
	Attack: "T1098.001",
	Why: "iam:UpdateLoginProfile replaces the console password of a user that has one with a password " +
		"the caller chooses, without knowing the old one. The caller then signs in to the AWS console " +
		"as that user and holds all its permissions.",
	Remediation: "Grant iam:UpdateLoginProfile only on the caller's own user (users change their own " +
		"password with iam:ChangePassword), and require MFA for console sign-in.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:UpdateLoginProfile"},
	Yields:      "the other user's console session",
	Steps: []string{
		"aws iam update-login-profile --user-name TARGET --password 'Attacker-chosen-1!' --no-password-reset-required",
		"sign in at https://ACCOUNT.signin.aws.amazon.com/console as TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud iam-006", "Rhino 6", "iam-vulnerable privesc6"},
	References: []string{pathfinding("iam-006"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		return env.derivePeers(t, "iam:UpdateLoginProfile", func(p string, u *ingest.User) (*escalation, error) {
			return env.loginProfile(p, u, "iam:UpdateLoginProfile", "update-login-profile",
				"the user already has a console password (the call fails otherwise)")
		})
	},
}
