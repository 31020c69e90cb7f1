package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// maxAccessKeys is how many access keys IAM lets a user hold, active or not.
const maxAccessKeys = 2

// IAMCreateAccessKey: a principal that may create access keys for another
// user gets that user's long-term credentials.
var IAMCreateAccessKey = &Technique{
	ID:     "iam:CreateAccessKey",
	Title:  "Mint an access key for another user",
	Attack: "T1098.001",
	Why: "iam:CreateAccessKey returns a new access key id and secret for the user named in the call, " +
		"so the caller acts as that user from then on. IAM allows two keys per user: a user that " +
		"already holds two can only be given a new one by a caller that may also delete one of them.",
	Remediation: "Grant iam:CreateAccessKey only on the caller's own user (Resource " +
		"arn:aws:iam::ACCOUNT:user/${aws:username}); prefer roles to long-term keys.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:CreateAccessKey", "iam:DeleteAccessKey (only when the user holds two keys)"},
	Yields:      "the other user's credentials",
	Steps: []string{
		"aws iam list-access-keys --user-name TARGET",
		"aws iam delete-access-key --user-name TARGET --access-key-id AKIA...   # only when TARGET has two keys",
		"aws iam create-access-key --user-name TARGET",
	},
	Catalogue:  []string{"pathfinding.cloud iam-002", "pathfinding.cloud iam-003", "Rhino 4", "iam-vulnerable privesc4"},
	References: []string{pathfinding("iam-002"), pathfinding("iam-003"), refRhino, refBishopFox},
	Derive:     deriveCreateAccessKey,
}

func deriveCreateAccessKey(env *Env, t *Technique) error {
	keys := map[string]int{}
	for _, k := range env.Estate.AccessKeys {
		keys[k.User]++
	}
	return env.derivePeers(t, "iam:CreateAccessKey", func(p string, u *ingest.User) (*escalation, error) {
		return env.createAccessKey(p, u, keys[u.ARN])
	})
}

func (env *Env) createAccessKey(p string, u *ingest.User, held int) (*escalation, error) {
	res := env.principalResource(u.ARN)
	create, ok, err := env.permit(p, "iam:CreateAccessKey", u.ARN, res)
	if err != nil || !ok {
		return nil, err
	}
	e := newEscalation(p, u.ARN, "%s creates an access key for %s and signs in as it: aws iam create-access-key --user-name %s.",
		nameOf(p), u.Name, u.Name)
	e.allow(env, create)
	e.fact("access-keys", u.ARN, "%s holds %d access keys in the estate; IAM allows %d", u.Name, held, maxAccessKeys)
	if held >= maxAccessKeys {
		del, ok, err := env.permit(p, "iam:DeleteAccessKey", u.ARN, res)
		if err != nil || !ok {
			return nil, err
		}
		e.allow(env, del)
		e.edge.Explanation += fmt.Sprintf(" %s already holds two keys, so it first deletes one (aws iam delete-access-key).", u.Name)
	}
	e.edge.Remediation = fmt.Sprintf("Remove iam:CreateAccessKey on %s from %s's policies (scope it to ${aws:username}).", u.ARN, nameOf(p))
	return e, nil
}
