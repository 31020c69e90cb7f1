package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// mfaContext is the context of a session obtained with an MFA code;
// noMFAContext that of the attacker's calls before, made with an access
// key alone, where the MFA keys are absent.
var (
	mfaContext   = map[string][]string{"aws:MultiFactorAuthPresent": {"true"}, "aws:MultiFactorAuthAge": {"60"}}
	noMFAContext = map[string][]string{"aws:MultiFactorAuthPresent": {}, "aws:MultiFactorAuthAge": {}}
)

// IAMEnableMFADevice: a user whose admin permissions require MFA, holding
// only its access key, registers an MFA device of its own and signs in
// with it.
var IAMEnableMFADevice = &Technique{
	ID:     "iam:EnableMFADevice",
	Title:  "Register one's own MFA device to satisfy an MFA condition",
	Attack: "T1556.006",
	Why: "A condition on aws:MultiFactorAuthPresent protects a grant only if the attacker cannot produce " +
		"MFA. A user allowed iam:CreateVirtualMFADevice and iam:EnableMFADevice on itself (the usual " +
		"\"manage your own MFA\" policy) registers a virtual device it controls, calls " +
		"sts:GetSessionToken with a code, and its session then satisfies every MFA condition.",
	Remediation: "Require MFA for iam:CreateVirtualMFADevice and iam:EnableMFADevice too (so only a holder of " +
		"the existing device can add one), and alert on new MFA devices.",
	Cost:        costTwoCalls,
	Permissions: []string{"iam:CreateVirtualMFADevice", "iam:EnableMFADevice"},
	Yields:      "admin: the permissions an MFA condition reserves",
	Steps: []string{
		"aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG",
		"aws iam enable-mfa-device --user-name USER --serial-number MFA_ARN --authentication-code1 CODE1 --authentication-code2 CODE2",
		"aws sts get-session-token --serial-number MFA_ARN --token-code CODE",
	},
	Catalogue:  []string{"– (in neither pathfinding.cloud nor Rhino's lists)"},
	References: []string{"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html"},
	Derive:     deriveEnableMFADevice,
}

func deriveEnableMFADevice(env *Env, t *Technique) error {
	for _, p := range env.escalators("iam:EnableMFADevice", "iam:CreateVirtualMFADevice") {
		u, ok := env.ix.users[p]
		if !ok {
			continue
		}
		side, err := env.authz.side(p)
		if err != nil {
			return err
		}
		if !mentionsMFA(side) {
			continue
		}
		e, err := env.enableMFA(u)
		if err != nil {
			return err
		}
		if e != nil {
			if err := env.emitEscalation(t, e); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) enableMFA(u *ingest.User) (*escalation, error) {
	without, err := env.adminAfter(u.ARN, identityChange{})
	if err != nil || (without.ok && len(without.conditions) == 0) {
		return nil, err // already admin-equivalent without MFA: another edge says how
	}
	with, err := env.adminAfter(u.ARN, identityChange{context: mfaContext})
	if err != nil || !with.ok {
		return nil, err
	}
	create, ok, err := env.permit(u.ARN, "iam:CreateVirtualMFADevice", fmt.Sprintf("arn:aws:iam::%s:mfa/*", u.Account),
		resourceSide{owner: u.Account, pattern: true, context: noMFAContext})
	if err != nil || !ok {
		return nil, err
	}
	res := env.principalResource(u.ARN)
	res.context = noMFAContext
	enable, ok, err := env.permit(u.ARN, "iam:EnableMFADevice", u.ARN, res)
	if err != nil || !ok {
		return nil, err
	}
	to, err := env.accountAdmin(u.Account)
	if err != nil {
		return nil, err
	}
	e := newEscalation(u.ARN, to, "%s registers a virtual MFA device of its own and signs in with it, which the MFA condition in its policies requires: "+
		"aws iam create-virtual-mfa-device ...; aws iam enable-mfa-device --user-name %s ...; aws sts get-session-token --serial-number MFA_ARN --token-code CODE.",
		u.Name, u.Name)
	e.allow(env, create)
	e.allow(env, enable)
	e.admin(with)
	e.edge.Explanation += thenClause(u.ARN, with)
	e.edge.Preconditions = []string{"IAM lets the user register another MFA device (up to eight per user)"}
	e.edge.Remediation = fmt.Sprintf("Require aws:MultiFactorAuthPresent for iam:CreateVirtualMFADevice and iam:EnableMFADevice in %s's policies.", u.Name)
	return e, nil
}

// mentionsMFA: only principals whose policies test MFA can gain by it.
func mentionsMFA(side *identitySide) bool {
	policies := side.identity
	if side.boundary != nil {
		policies = append(policies[:len(policies):len(policies)], *side.boundary)
	}
	for _, p := range policies {
		for _, s := range p.Policy.Statements {
			for _, c := range s.Conditions {
				if strings.HasPrefix(strings.ToLower(c.Key), "aws:multifactorauth") {
					return true
				}
			}
		}
	}
	return false
}
