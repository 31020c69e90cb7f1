package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// IAMCreateLoginProfile: a principal that may create a console password
// for another user signs in to the console as that user.
var IAMCreateLoginProfile = &Technique{
	ID:     "iam:CreateLoginProfile",
	Title:  "Give another user a console password",
	Attack: "T1098.001",
	Why: "iam:CreateLoginProfile sets a console password, chosen by the caller, for a user that has " +
		"none (service users usually have none). The caller then signs in to the AWS console as that " +
		"user and holds all its permissions.",
	Remediation: "Grant iam:CreateLoginProfile only on the caller's own user, and require MFA for console " +
		"sign-in of every user.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:CreateLoginProfile"},
	Yields:      "the other user's console session",
	Steps: []string{
		"aws iam create-login-profile --user-name TARGET --password 'Attacker-chosen-1!' --no-password-reset-required",
		"sign in at https://ACCOUNT.signin.aws.amazon.com/console as TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud iam-004", "Rhino 5", "iam-vulnerable privesc5"},
	References: []string{pathfinding("iam-004"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		return env.derivePeers(t, "iam:CreateLoginProfile", func(p string, u *ingest.User) (*escalation, error) {
			return env.loginProfile(p, u, "iam:CreateLoginProfile", "create-login-profile",
				"the user has no console password yet (the call fails otherwise)")
		})
	},
}

// loginProfile is the console-password step both login profile techniques
// take; the estate does not say whether a user has a password, so the
// edge states what the call presumes.
func (env *Env) loginProfile(p string, u *ingest.User, action, cli, presumes string) (*escalation, error) {
	d, ok, err := env.permit(p, action, u.ARN, env.principalResource(u.ARN))
	if err != nil || !ok {
		return nil, err
	}
	e := newEscalation(p, u.ARN, "%s sets a console password for %s and signs in as it: aws iam %s --user-name %s --password ....",
		nameOf(p), u.Name, cli, u.Name)
	e.allow(env, d)
	e.edge.Preconditions = []string{presumes, "the user has no MFA device that console sign-in would ask for"}
	e.edge.Remediation = fmt.Sprintf("Remove %s on %s from %s's policies.", action, u.ARN, nameOf(p))
	return e, nil
}
