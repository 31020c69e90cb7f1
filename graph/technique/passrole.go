package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// The iam:PassRole techniques share one shape: the attacker creates a
// service resource (an instance, a function, a stack, a job) that runs with
// an existing role the service may assume, and gets the role's
// credentials or its actions. Each permission is decided on its real
// resource: iam:PassRole on the role with iam:PassedToService set to the
// service, the service calls on a pattern of the new resource's ARN.

// passRoleSpec describes one such technique.
type passRoleSpec struct {
	service  string           // the service principal the role must trust
	requests []serviceRequest // the service calls beside iam:PassRole
	profile  bool             // the role must sit in an instance profile (EC2)
	// explain says what the attacker does with role r, in one sentence
	// ending with the command.
	explain  func(attacker string, r *ingest.Role) string
	presumes []string
}

// trustedRole is a role whose trust policy lets a service assume it.
type trustedRole struct {
	role  *ingest.Role
	trust iam.Decision
}

// rolesTrusting lists, by account, the roles a service principal may
// assume according to their trust policies. Several techniques ask about
// the same service, so the answer is kept for the build.
func (env *Env) rolesTrusting(service string) (map[string][]trustedRole, error) {
	if got, ok := env.esc.trusting[service]; ok {
		return got, nil
	}
	if env.esc.trusting == nil {
		env.esc.trusting = map[string]map[string][]trustedRole{}
	}
	out := map[string][]trustedRole{}
	for i := range env.Estate.Roles {
		r := &env.Estate.Roles[i]
		if r.TrustPolicy == nil {
			continue
		}
		d, err := env.authz.serviceMayAssume(service, r.ARN, r.TrustPolicy)
		if err != nil {
			return nil, fmt.Errorf("trust policy of %s: %w", r.ARN, err)
		}
		if d.Outcome != iam.Denied {
			out[r.Account] = append(out[r.Account], trustedRole{role: r, trust: d})
		}
	}
	env.esc.trusting[service] = out
	return out, nil
}

func derivePassRole(env *Env, t *Technique, spec passRoleSpec) error {
	targets, err := env.rolesTrusting(spec.service)
	if err != nil || len(targets) == 0 {
		return err
	}
	for _, p := range env.escalators(append([]string{"iam:PassRole"}, actionsOf(spec.requests)...)...) {
		calls, ok, err := env.permitAll(p, spec.requests)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		scope, err := env.authz.scopeOf(p, "iam:PassRole")
		if err != nil {
			return err
		}
		for _, tr := range targets[accountOf(p)] {
			if !scope.mayName(tr.role.ARN) {
				continue
			}
			if err := env.passRole(t, spec, p, tr, calls); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) passRole(t *Technique, spec passRoleSpec, p string, tr trustedRole, calls []iam.Decision) error {
	r := tr.role
	if r.ARN == p || (spec.profile && len(r.InstanceProfiles) == 0) {
		return nil
	}
	res := env.principalResource(r.ARN)
	res.context = map[string][]string{"iam:PassedToService": {spec.service}}
	pass, ok, err := env.permit(p, "iam:PassRole", r.ARN, res)
	if err != nil || !ok {
		return err
	}
	e := newEscalation(p, r.ARN, "%s", spec.explain(nameOf(p), r))
	e.allow(env, pass)
	for _, d := range calls {
		e.allow(env, d)
	}
	e.edge.Evidence = append(e.edge.Evidence, env.statementEvidence(tr.trust)...)
	e.edge.Conditions = append(e.edge.Conditions, tr.trust.Conditions...)
	if spec.profile {
		e.fact("instance-profile", r.InstanceProfiles[0].ARN, "instance profile %s carries role %s", r.InstanceProfiles[0].Name, r.Name)
	}
	e.edge.Preconditions = spec.presumes
	e.edge.Remediation = fmt.Sprintf("Scope iam:PassRole in %s's policies to the roles it must pass, with an "+
		"iam:PassedToService condition, so that it cannot pass %s to %s.", nameOf(p), r.Name, spec.service)
	return env.emitEscalation(t, e)
}
