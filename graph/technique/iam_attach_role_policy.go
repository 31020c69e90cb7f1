package technique

// IAMAttachRolePolicy: a role that may attach managed policies to itself,
// or a principal that may attach them to a role it can assume, attaches
// AdministratorAccess.
var IAMAttachRolePolicy = &Technique{
	ID:     "iam:AttachRolePolicy",
	Title:  "Attach an admin managed policy to oneself or an assumable role",
	Attack: "T1098.003",
	Why: "iam:AttachRolePolicy attaches any managed policy to a role. A role session allowed to call it " +
		"on its own role grants itself everything; a principal allowed to call it on a role whose trust " +
		"policy lets it in attaches AdministratorAccess and then assumes that role.",
	Remediation: "Never grant iam:AttachRolePolicy on the caller's own role or on roles it can assume; " +
		"restrict iam:PolicyARN with a condition and require boundaries where role administration is delegated.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:AttachRolePolicy", "sts:AssumeRole (for another role)"},
	Yields:      "admin: AdministratorAccess on the caller's role, or on a role it then assumes",
	Steps: []string{
		"aws iam attach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
		"aws sts assume-role --role-arn ROLE_ARN --role-session-name escalate   # for another role",
	},
	Catalogue:  []string{"pathfinding.cloud iam-009", "pathfinding.cloud iam-014", "Rhino 9", "iam-vulnerable privesc9"},
	References: []string{pathfinding("iam-009"), pathfinding("iam-014"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:AttachRolePolicy", cli: "aws iam attach-role-policy --role-name %s", attach: true}
		grants := env.adminGrants()
		roles := rolesByAccount(env.Estate)
		for _, p := range env.escalators(w.action) {
			if err := env.writeAdminPolicy(t, w, p, env.roleTargets(p, roles[accountOf(p)]), grants); err != nil {
				return err
			}
		}
		return nil
	},
}
