package technique

// IAMPutGroupPolicy: a user that may write inline policies on one of its
// groups writes one that allows everything.
var IAMPutGroupPolicy = &Technique{
	ID:     "iam:PutGroupPolicy",
	Title:  "Write an admin inline policy on one's own group",
	Attack: "T1098.003",
	Why: "A user has the permissions of every group it belongs to, and iam:PutGroupPolicy writes any " +
		"inline policy on a group. Called on one of the caller's own groups, it grants the caller " +
		"\"*\" on \"*\" in one call.",
	Remediation: "Do not grant iam:PutGroupPolicy on groups the caller belongs to; manage group policies " +
		"from a separate administration role.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:PutGroupPolicy"},
	Yields:      "admin: an inline policy allowing * on * on a group of the caller",
	Steps: []string{
		"aws iam list-groups-for-user --user-name USER",
		`aws iam put-group-policy --group-name GROUP --policy-name escalate --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`,
	},
	Catalogue:  []string{"pathfinding.cloud iam-011", "Rhino 11", "iam-vulnerable privesc11"},
	References: []string{pathfinding("iam-011"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:PutGroupPolicy", cli: "aws iam put-group-policy --group-name %s"}
		for _, p := range env.escalators(w.action) {
			if err := env.writeAdminPolicy(t, w, p, env.groupTargets(p), nil); err != nil {
				return err
			}
		}
		return nil
	},
}
