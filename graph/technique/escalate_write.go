package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// The Attach*Policy and Put*Policy techniques share one shape: the
// attacker writes a policy onto itself, one of its groups, or a role it can
// then assume, and is admin when the engine says the result allows "*" on
// "*".

// policyWrite is one of those API calls.
type policyWrite struct {
	action string // iam:AttachGroupPolicy
	cli    string // aws iam attach-group-policy --group-name %s
	attach bool   // attaches a managed policy; otherwise writes an inline one
}

// policyTarget is what a write acts on, and whose permissions it changes.
type policyTarget struct {
	arn     string // the user, group or role written to
	name    string
	res     resourceSide
	subject string       // who becomes admin: the attacker, or the role it assumes
	role    *ingest.Role // the role assumed afterwards, when subject is not the attacker
	assume  iam.Decision // the decision that lets the attacker assume it
	via     string       // "itself", "its group dev", "role ops, which it can assume"
}

func (env *Env) selfUserTarget(p string) policyTarget {
	return policyTarget{arn: p, name: nameOf(p), res: env.principalResource(p), subject: p, via: "itself"}
}

func (env *Env) groupTargets(p string) []policyTarget {
	u, ok := env.ix.users[p]
	if !ok {
		return nil
	}
	var out []policyTarget
	for _, g := range u.Groups {
		if group, ok := env.ix.iamGroups[g]; ok {
			out = append(out, policyTarget{arn: group.ARN, name: group.Name, res: resourceSide{owner: group.Account},
				subject: p, via: "its group " + group.Name})
		}
	}
	return out
}

// roleTargets are the attacker itself when it is a role, then every other
// role of its account it could change and then assume (not admin already:
// assuming one of those needs no escalation).
func (env *Env) roleTargets(p string, roles []*ingest.Role) []policyTarget {
	var out []policyTarget
	if r, ok := env.ix.roles[p]; ok && modifiableRole(r) {
		out = append(out, policyTarget{arn: p, name: r.Name, res: env.principalResource(p), subject: p, via: "itself"})
	}
	for _, r := range roles {
		if r.ARN == p || r.TrustPolicy == nil || !modifiableRole(r) || env.isAdmin(r.ARN) {
			continue
		}
		out = append(out, policyTarget{arn: r.ARN, name: r.Name, res: env.principalResource(r.ARN), subject: r.ARN, role: r,
			via: "role " + r.Name + ", which it can assume"})
	}
	return out
}

// writeAdminPolicy emits at most one edge: the first target and policy
// that make the attacker admin.
func (env *Env) writeAdminPolicy(t *Technique, w policyWrite, p string, targets []policyTarget, grants []grantPolicy) error {
	scope, err := env.authz.scopeOf(p, w.action)
	if err != nil {
		return err
	}
	var b best
	for _, tg := range targets {
		if !scope.mayName(tg.arn) {
			continue
		}
		if tg.role != nil {
			assume, ok, err := env.permit(p, "sts:AssumeRole", tg.arn, trustSide(tg.role))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			tg.assume = assume
		}
		if !w.attach {
			e, err := env.policyWriteStep(w, p, tg, nil)
			if err != nil {
				return err
			}
			if b.offer(e) {
				break
			}
			continue
		}
		done := false
		for i := range grants {
			e, err := env.policyWriteStep(w, p, tg, &grants[i])
			if err != nil {
				return err
			}
			if done = b.offer(e); done {
				break
			}
		}
		if done {
			break
		}
	}
	return b.emit(env, t)
}

func (env *Env) policyWriteStep(w policyWrite, p string, tg policyTarget, grant *grantPolicy) (*escalation, error) {
	res := tg.res
	policy := env.newInlineAdmin(tg.arn)
	what := "an inline policy that allows * on *"
	if grant != nil {
		res.context = map[string][]string{"iam:PolicyARN": {grant.arn}}
		policy = *env.authz.cite(grant.arn, iam.IdentityPolicy, grant.doc)
		what = grant.name
	}
	write, ok, err := env.permit(p, w.action, tg.arn, res)
	if err != nil || !ok {
		return nil, err
	}
	admin, err := env.adminAfter(tg.subject, identityChange{add: []iam.Attached{policy}})
	if err != nil || !admin.ok {
		return nil, err
	}
	to, err := env.accountAdmin(accountOf(p))
	if err != nil {
		return nil, err
	}
	cmd := fmt.Sprintf(w.cli, tg.name)
	if grant != nil {
		cmd += " --policy-arn " + grant.arn
	} else {
		cmd += " --policy-name escalate --policy-document file://admin.json"
	}
	e := newEscalation(p, to, "%s puts %s on %s: %s.", nameOf(p), what, tg.via, cmd)
	e.allow(env, write)
	if grant != nil {
		e.fact("managed-policy", grant.arn, "%s: %s", grant.name, summarizeDocument(grant.doc.Statements))
	}
	if tg.role != nil {
		e.edge.Techniques = []string{w.action, AssumeRole.ID}
		e.edge.Explanation += fmt.Sprintf(" It then assumes %s, which its trust policy allows.", tg.name)
		e.allow(env, tg.assume)
	}
	e.admin(admin)
	e.edge.Explanation += thenClause(tg.subject, admin)
	e.edge.Remediation = fmt.Sprintf("Remove %s on %s from %s's policies, or deny it with a boundary or SCP.", w.action, tg.arn, nameOf(p))
	return e, nil
}

// trustSide is a role's trust policy as the resource side of sts:AssumeRole.
func trustSide(r *ingest.Role) resourceSide {
	return resourceSide{name: r.ARN + " trust policy", policy: r.TrustPolicy, kind: iam.RoleTrust, owner: r.Account, tags: r.Tags}
}
