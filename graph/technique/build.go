package technique

import (
	"fmt"
	"slices"
	"sync"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// Env is what a technique's derive function works with: the estate, lookups
// into it, the authorizer, and the graph being built.
type Env struct {
	Estate   *ingest.Estate
	ix       *index
	authz    *authorizer
	b        *graph.Builder
	bmu      sync.Mutex // guards b once techniques run (see derive)
	warnMu   sync.Mutex
	warnings []string
	esc      escalationCache // what the escalation techniques share (escalate_cache.go)
}

// Build turns an estate into a frozen attack graph by adding a node for
// everything an attacker can stand on or take and running every technique
// of techs (normally All()). It returns warnings for parts of the estate it
// could not analyse.
func Build(e *ingest.Estate, techs []*Technique) (*graph.Graph, []string, error) {
	env := &Env{Estate: e, ix: newIndex(e), b: graph.NewBuilder()}
	env.authz = newAuthorizer(env.ix, e.Organization)
	if err := env.addNodes(); err != nil {
		return nil, nil, err
	}
	if err := env.markAdmins(); err != nil {
		return nil, nil, err
	}
	if err := env.derive(techs); err != nil {
		return nil, nil, err
	}
	warnings := append(slices.Clone(e.Warnings), env.warnings...)
	warnings = append(warnings, env.authz.warnings()...)
	slices.Sort(warnings)
	return env.b.Freeze(), slices.Compact(warnings), nil
}

// derive runs the techniques in two lanes at once: the core techniques in
// one, the escalations (which share caches of their own, see
// escalationCache) in the other, each lane in list order. The graph does
// not depend on the interleaving: Freeze orders nodes and edges, and the
// builder and the authorizer's caches are safe for both lanes.
func (env *Env) derive(techs []*Technique) error {
	isCore := map[*Technique]bool{}
	for _, t := range core() {
		isCore[t] = true
	}
	var lanes [2][]*Technique
	for _, t := range techs {
		if isCore[t] {
			lanes[0] = append(lanes[0], t)
		} else {
			lanes[1] = append(lanes[1], t)
		}
	}
	return forEach(len(lanes), func(i int) error {
		for _, t := range lanes[i] {
			if err := t.Derive(env, t); err != nil {
				return fmt.Errorf("technique %s: %w", t.ID, err)
			}
		}
		return nil
	})
}

// emit adds an edge of technique t, filling in what the technique defines
// for all its edges: id, cost, assumptions and remediation. An edge that
// depends on unknown request context costs more, so unconditional paths
// rank first.
func (env *Env) emit(t *Technique, e graph.Edge) error {
	if e.Technique == "" {
		e.Technique = t.ID
	}
	if e.Cost == 0 {
		e.Cost = t.Cost
	}
	if e.Conditional() {
		e.Cost += costConditional
	}
	e.Assumes = append(slices.Clone(t.Assumes), e.Assumes...)
	if e.Remediation == "" {
		e.Remediation = t.Remediation
	}
	env.bmu.Lock()
	defer env.bmu.Unlock()
	return env.b.AddEdge(e)
}

// node returns a copy of a node of the graph being built.
func (env *Env) node(id string) (graph.Node, bool) {
	env.bmu.Lock()
	defer env.bmu.Unlock()
	n, ok := env.b.Node(id)
	if !ok {
		return graph.Node{}, false
	}
	return *n, true
}

func (env *Env) warn(format string, args ...any) {
	env.warnMu.Lock()
	defer env.warnMu.Unlock()
	env.warnings = append(env.warnings, fmt.Sprintf(format, args...))
}

// accountAdmin returns the id of the node that stands for full control of
// an account, adding it on first use. Escalation techniques end there when
// the step makes its principal admin-equivalent.
func (env *Env) accountAdmin(account string) (string, error) {
	id := graph.AccountAdminID(account)
	env.bmu.Lock()
	defer env.bmu.Unlock()
	if _, ok := env.b.Node(id); ok {
		return id, nil
	}
	_, err := env.b.AddNode(graph.Node{ID: id, Kind: graph.KindAccountAdmin, Name: "admin of " + account,
		Account: account, Admin: true, AdminReason: "full control of account " + account})
	return id, err
}
