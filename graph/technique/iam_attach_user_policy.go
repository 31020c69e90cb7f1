package technique

// IAMAttachUserPolicy: a user that may attach managed policies to itself
// attaches AdministratorAccess.
var IAMAttachUserPolicy = &Technique{
	ID:     "iam:AttachUserPolicy",
	Title:  "Attach an admin managed policy to oneself",
	Attack: "T1098.003",
	Why: "iam:AttachUserPolicy attaches any managed policy to a user, including the AWS managed " +
		"AdministratorAccess that exists in every account. A user allowed to call it on its own ARN " +
		"grants itself everything, unless a condition on iam:PolicyARN, a boundary or an SCP stops it.",
	Remediation: "Never grant iam:AttachUserPolicy on the caller itself; where delegation is needed, restrict " +
		"iam:PolicyARN with a condition and require a permissions boundary on the users it manages.",
	Cost:        costIAMWrite,
	Permissions: []string{"iam:AttachUserPolicy"},
	Yields:      "admin: AdministratorAccess (or an admin customer policy) attached to the caller",
	Steps: []string{
		"aws iam attach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
	},
	Catalogue:  []string{"pathfinding.cloud iam-008", "Rhino 7", "iam-vulnerable privesc7"},
	References: []string{pathfinding("iam-008"), refRhino, refBishopFox},
	Derive: func(env *Env, t *Technique) error {
		w := policyWrite{action: "iam:AttachUserPolicy", cli: "aws iam attach-user-policy --user-name %s", attach: true}
		grants := env.adminGrants()
		for _, p := range env.escalators(w.action) {
			if !env.isUser(p) {
				continue
			}
			if err := env.writeAdminPolicy(t, w, p, []policyTarget{env.selfUserTarget(p)}, grants); err != nil {
				return err
			}
		}
		return nil
	},
}
