package technique

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// instanceSpec is a take-over of an existing EC2 instance: calls on the
// instance that get the attacker's code run on it, where the metadata
// service hands out the instance profile role's credentials.
type instanceSpec struct {
	actions  []string // decided on the instance's ARN
	document string   // the SSM document ssm:SendCommand also needs, if any
	running  bool     // the instance must be running (not merely stopped)
	explain  func(attacker string, in *ingest.Instance, r *ingest.Role) string
	latent   func(attacker string, r *ingest.Role) string
	presumes []string
}

func deriveInstanceTakeover(env *Env, t *Technique, spec instanceSpec) error {
	held := instanceAccounts(env.Estate)
	byAccount := map[string][]*ingest.Instance{}
	for i := range env.Estate.Instances {
		in := &env.Estate.Instances[i]
		if usableInstance(in, spec.running) && env.ix.roleByProf[in.InstanceProfile] != nil {
			byAccount[in.Account] = append(byAccount[in.Account], in)
		}
	}
	for _, p := range env.escalators(spec.actions...) {
		if err := env.takeInstances(t, spec, p, byAccount[accountOf(p)]); err != nil {
			return err
		}
	}
	return deriveLatent(env, t, spec.latentSpec(), func(account string) bool { return !held[account] })
}

// takeInstances emits one edge per role, through the first instance that
// works (unconditionally, if one does).
func (env *Env) takeInstances(t *Technique, spec instanceSpec, p string, instances []*ingest.Instance) error {
	scope, err := env.authz.scopeOf(p, spec.actions[0])
	if err != nil {
		return err
	}
	byRole := map[string]*best{}
	documents := map[string]*iam.Decision{} // by region: the same document for every instance
	for _, in := range instances {
		r := env.ix.roleByProf[in.InstanceProfile]
		if r.ARN == p || !scope.mayName(in.ARN) {
			continue
		}
		if byRole[r.ARN] == nil {
			byRole[r.ARN] = &best{}
		}
		if byRole[r.ARN].e != nil && !byRole[r.ARN].e.conditional() {
			continue
		}
		e, err := env.instanceStep(spec, p, in, r, documents)
		if err != nil {
			return err
		}
		byRole[r.ARN].offer(e)
	}
	roles := make([]string, 0, len(byRole))
	for arn := range byRole {
		roles = append(roles, arn)
	}
	slices.Sort(roles)
	for _, arn := range roles {
		if err := byRole[arn].emit(env, t); err != nil {
			return err
		}
	}
	return nil
}

func (env *Env) instanceStep(spec instanceSpec, p string, in *ingest.Instance, r *ingest.Role, documents map[string]*iam.Decision) (*escalation, error) {
	var allowed []iam.Decision
	res := resourceSide{owner: in.Account, tags: in.Tags}
	for _, action := range spec.actions {
		d, ok, err := env.permit(p, action, in.ARN, res)
		if err != nil || !ok {
			return nil, err
		}
		allowed = append(allowed, d)
	}
	if spec.document != "" {
		d, ok := documents[in.Region]
		if !ok {
			doc := fmt.Sprintf("arn:aws:ssm:%s::document/%s", in.Region, spec.document)
			dec, permitted, err := env.permit(p, spec.actions[0], doc, resourceSide{})
			if err != nil {
				return nil, err
			}
			if permitted {
				d = &dec
			}
			documents[in.Region] = d
		}
		if d == nil {
			return nil, nil
		}
		allowed = append(allowed, *d)
	}
	e := newEscalation(p, r.ARN, "%s", spec.explain(nameOf(p), in, r))
	for _, d := range allowed {
		e.allow(env, d)
	}
	e.fact("instance-profile", in.InstanceProfile, "%s (state %s) runs with instance profile %s, which carries role %s",
		in.ID, stateOr(in.State), nameOf(in.InstanceProfile), r.Name)
	e.edge.Preconditions = spec.presumes
	e.edge.Remediation = fmt.Sprintf("Remove %s on %s from %s's policies (or scope them by instance tag), or detach the privileged role from the instance.",
		strings.Join(spec.actions, ", "), in.ID, nameOf(p))
	return e, nil
}

func (spec instanceSpec) latentSpec() latentSpec {
	var reqs []serviceRequest
	for _, a := range spec.actions {
		reqs = append(reqs, serviceRequest{action: a, pattern: "arn:aws:ec2:*:%s:instance/*"})
	}
	if spec.document != "" {
		reqs = append(reqs, serviceRequest{action: spec.actions[0], pattern: "arn:aws:ssm:*::document/" + spec.document})
	}
	return latentSpec{service: "ec2.amazonaws.com", kind: "EC2 instance", requests: reqs, profile: true, explain: spec.latent}
}

// usableInstance: a terminated instance runs nothing; some steps need the
// instance running, others (user data) work on a stopped one.
func usableInstance(in *ingest.Instance, running bool) bool {
	switch in.State {
	case "terminated", "shutting-down":
		return false
	case "stopped", "stopping":
		return !running
	}
	return true
}

func stateOr(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
