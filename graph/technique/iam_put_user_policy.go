package technique

// IAMPutUserPolicy: a user that may write inline policies on itself writes
// one that allows everything.
var IAMPutUserPolicy = &Technique{
	ID:     "iam:PutUserPolicy",
	Title:  "Write an admin inline policy on oneself",
	Attack: "T1098.003",
	Why: "iam:PutUserPolicy creates or replaces an inline policy of a user with any document the caller " +
		"writes. A user allowed to call it on its own ARN (iam:* does) gives itself \"*\" on \"*\", " +
		"limited only by its permissions boundary and the SCPs.",
	Remediation: "Never grant iam:PutUserPolicy (or iam:*) on the caller itself; give users a permissions " +
		"boundary that denies IAM policy writes when they must manage other users.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:PutUserPolicy"},
	Yields:      "admin: an inline policy allowing * on * on the caller",
	Steps: []string{
		`aws iam put-user-policy --user-name USER --policy-name escalate --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`,
	},
	Catalogue:  []string{"pathfinding.cloud iam-007", "Rhino 10", "iam-vulnerable privesc10"},
	References: []string{pathfinding("iam-007"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:PutUserPolicy", cli: "aws iam put-user-policy --user-name %s"}
		for _, p := range env.escalators(w.action) {
			if !env.isUser(p) {
				continue
			}
			if err := env.writeAdminPolicy(t, w, p, []policyTarget{env.selfUserTarget(p)}, nil); err != nil {
				return err
			}
		}
		return nil
	},
}
