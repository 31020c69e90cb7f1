package technique

// IAMAttachGroupPolicy: a user that may attach managed policies to one of
// its groups attaches AdministratorAccess to it.
var IAMAttachGroupPolicy = &Technique{
	ID:     "iam:AttachGroupPolicy",
	Title:  "Attach an admin managed policy to one's own group",
	Attack: "T1098.003",
	Why: "A user has the permissions of every group it belongs to. iam:AttachGroupPolicy on one of " +
		"those groups attaches AdministratorAccess (or any admin policy) to the group, and so to the " +
		"caller, in one call.",
	Remediation: "Do not grant iam:AttachGroupPolicy on groups the caller belongs to; restrict iam:PolicyARN " +
		"with a condition where group administration is delegated.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:AttachGroupPolicy"},
	Yields:      "admin: AdministratorAccess attached to a group of the caller",
	Steps: []string{
		"aws iam list-groups-for-user --user-name USER",
		"aws iam attach-group-policy --group-name GROUP --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
	},
	Catalogue:  []string{"pathfinding.cloud iam-010", "Rhino 8", "iam-vulnerable privesc8"},
	References: []string{pathfinding("iam-010"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:AttachGroupPolicy", cli: "aws iam attach-group-policy --group-name %s", attach: true}
		grants := env.adminGrants()
		for _, p := range env.escalators(w.action) {
			if err := env.writeAdminPolicy(t, w, p, env.groupTargets(p), grants); err != nil {
				return err
			}
		}
		return nil
	},
}
