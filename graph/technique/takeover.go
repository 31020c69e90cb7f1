package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// Take-over techniques get code run by an existing resource that already
// runs with a role. Their edges go from the attacker straight to that role,
// naming the resource in the evidence: the resource is no position of its
// own (owning a function means acting as its role), and a resource → role
// hop would be one the attacker can only use through this step. One edge
// per role keeps answers short when many resources share it.
//
// Where the estate holds no resource of the kind for the account (an
// IAM-only snapshot, or a service pathfinder does not collect), the step
// may still exist: the edge then goes to every role the service may assume,
// marked latent, and queries include it only with --assume latent.

// latentSpec is a take-over of a kind of resource the estate cannot show.
type latentSpec struct {
	service  string           // the service principal the resource's role trusts
	kind     string           // "Glue development endpoint"
	requests []serviceRequest // the calls, on a pattern of the resource's ARN
	profile  bool             // the role must sit in an instance profile
	explain  func(attacker string, r *ingest.Role) string
}

// deriveLatent emits latent take-over edges from every principal that may
// make the calls, in the accounts the filter keeps (all when nil).
func deriveLatent(env *Env, t *Technique, spec latentSpec, inAccount func(string) bool) error {
	targets, err := env.rolesTrusting(spec.service)
	if err != nil || len(targets) == 0 {
		return err
	}
	for _, p := range env.escalators(actionsOf(spec.requests)...) {
		if inAccount != nil && !inAccount(accountOf(p)) {
			continue
		}
		calls, ok, err := env.permitAll(p, spec.requests)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		for _, tr := range targets[accountOf(p)] {
			if tr.role.ARN == p || (spec.profile && len(tr.role.InstanceProfiles) == 0) {
				continue
			}
			if err := env.emitLatent(t, spec, p, tr, calls); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) emitLatent(t *Technique, spec latentSpec, p string, tr trustedRole, calls []iam.Decision) error {
	r := tr.role
	e := newEscalation(p, r.ARN, "%s", spec.explain(nameOf(p), r))
	e.edge.Assumes = []graph.Assumption{graph.AssumeLatent}
	for _, d := range calls {
		e.allow(env, d)
	}
	e.edge.Evidence = append(e.edge.Evidence, env.statementEvidence(tr.trust)...)
	e.fact("latent-resource", r.ARN, "the estate shows no %s of account %s; %s trusts %s, so one may run with it",
		spec.kind, r.Account, r.Name, spec.service)
	e.edge.Preconditions = []string{fmt.Sprintf("a %s that runs with role %s exists", spec.kind, r.Name)}
	e.edge.Remediation = fmt.Sprintf("Remove %s from %s's policies, or keep %s out of every %s.",
		strings.Join(actionsOf(spec.requests), " and "), nameOf(p), r.Name, spec.kind)
	return env.emitEscalation(t, e)
}

// accountsHolding returns the accounts for which the estate holds at least
// one resource of a kind: for those, take-over edges are concrete.
func accountsHolding(accounts []string) map[string]bool {
	out := map[string]bool{}
	for _, a := range accounts {
		out[a] = true
	}
	return out
}

func instanceAccounts(e *ingest.Estate) map[string]bool {
	var accts []string
	for _, in := range e.Instances {
		accts = append(accts, in.Account)
	}
	return accountsHolding(accts)
}

func functionAccounts(e *ingest.Estate) map[string]bool {
	var accts []string
	for _, f := range e.Functions {
		accts = append(accts, f.Account)
	}
	return accountsHolding(accts)
}
