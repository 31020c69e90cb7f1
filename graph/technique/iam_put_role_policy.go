package technique

// IAMPutRolePolicy: a role that may write inline policies on itself, or a
// principal that may write them on a role it can assume, writes one that
// allows everything.
var IAMPutRolePolicy = &Technique{
	ID:     "iam:PutRolePolicy",
	Title:  "Write an admin inline policy on oneself or an assumable role",
	Attack: "T1098.003",
	Why: "iam:PutRolePolicy writes any inline policy on a role. A role session allowed to call it on its " +
		"own role grants itself \"*\" on \"*\"; a principal allowed to call it on a role whose trust policy " +
		"lets it in does the same to that role and then assumes it.",
	Remediation: "Never grant iam:PutRolePolicy on the caller's own role or on roles it can assume; keep role " +
		"administration in a separate role protected by a boundary or SCP.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:PutRolePolicy", "sts:AssumeRole (for another role)"},
	Yields:      "admin: an inline policy allowing * on * on the caller's role, or on a role it then assumes",
	Steps: []string{
		`aws iam put-role-policy --role-name ROLE --policy-name escalate --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'`,
		"aws sts assume-role --role-arn ROLE_ARN --role-session-name escalate   # for another role",
	},
	Catalogue:  []string{"pathfinding.cloud iam-005", "pathfinding.cloud iam-017", "Rhino 12", "iam-vulnerable privesc12"},
	References: []string{pathfinding("iam-005"), pathfinding("iam-017"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:PutRolePolicy", cli: "aws iam put-role-policy --role-name %s"}
		roles := rolesByAccount(env.Estate)
		for _, p := range env.escalators(w.action) {
			if err := env.writeAdminPolicy(t, w, p, env.roleTargets(p, roles[accountOf(p)]), nil); err != nil {
				return err
			}
		}
		return nil
	},
}
