package iam

import (
	"fmt"
	"strings"
	"sync"
)

// compileCache builds a policy's compiled form once, on first use.
type compileCache struct {
	once     sync.Once
	compiled *compiledPolicy
	err      error
}

// compiledPolicy is a policy ready for fast evaluation: patterns are
// pre-split, condition values parsed, and statements indexed by the
// service prefix of their actions so a request only visits statements
// that can match its action.
type compiledPolicy struct {
	stmts      []compiledStatement
	byService  map[string][]int32
	anyService []int32 // NotAction statements and wildcard service prefixes
}

type compiledStatement struct {
	src         *Statement
	effect      Effect
	actions     []glob // lower-cased
	notAction   bool
	resources   []template
	notResource bool
	hasResource bool
	// staticResources are the resource patterns when none has a policy
	// variable, so matching them allocates nothing.
	staticResources []glob
	resourcesStatic bool
	conds           []compiledCondition
}

// Compile checks and compiles the policy ahead of its first evaluation,
// returning the error Evaluate would report: an unknown condition
// operator or a condition value its operator cannot read.
func (p *Policy) Compile() error {
	_, err := p.compiled()
	return err
}

func (p *Policy) compiled() (*compiledPolicy, error) {
	if p.cache == nil {
		// A Policy built by hand rather than parsed has no cache; it is
		// compiled on every use.
		return compilePolicy(p)
	}
	p.cache.once.Do(func() { p.cache.compiled, p.cache.err = compilePolicy(p) })
	return p.cache.compiled, p.cache.err
}

func compilePolicy(p *Policy) (*compiledPolicy, error) {
	variables := p.Version == "2012-10-17"
	cp := &compiledPolicy{byService: map[string][]int32{}}
	for i := range p.Statements {
		s := &p.Statements[i]
		cs, err := compileStatement(s, variables)
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", s.Index, err)
		}
		cp.stmts = append(cp.stmts, cs)
		cp.index(int32(i), cs)
	}
	return cp, nil
}

func compileStatement(s *Statement, variables bool) (compiledStatement, error) {
	cs := compiledStatement{src: s, effect: s.Effect, notAction: s.NotAction != nil}
	actions := s.Action
	if cs.notAction {
		actions = s.NotAction
	}
	for _, a := range actions {
		cs.actions = append(cs.actions, compileGlob(strings.ToLower(a)))
	}
	resources := s.Resource
	cs.notResource = s.NotResource != nil
	if cs.notResource {
		resources = s.NotResource
	}
	cs.hasResource = resources != nil
	cs.resourcesStatic = true
	for _, r := range resources {
		t := newTemplate(r, variables)
		cs.resources = append(cs.resources, t)
		cs.staticResources = append(cs.staticResources, t.glob)
		cs.resourcesStatic = cs.resourcesStatic && !t.vars
	}
	for _, c := range s.Conditions {
		cc, err := compileCondition(c, variables)
		if err != nil {
			return cs, err
		}
		cs.conds = append(cs.conds, cc)
	}
	return cs, nil
}

// index files a statement under the service prefixes its actions name.
func (cp *compiledPolicy) index(i int32, cs compiledStatement) {
	if cs.notAction {
		cp.anyService = append(cp.anyService, i)
		return
	}
	var services []string
	for _, a := range cs.actions {
		svc, ok := literalService(a)
		if !ok {
			cp.anyService = append(cp.anyService, i)
			return
		}
		services = append(services, svc)
	}
	seen := map[string]bool{}
	for _, svc := range services {
		if !seen[svc] {
			seen[svc] = true
			cp.byService[svc] = append(cp.byService[svc], i)
		}
	}
}

// literalService is the service prefix of an action pattern when it has no
// wildcard ("s3" for "s3:Get*").
func literalService(g glob) (string, bool) {
	if len(g.elems) == 0 || g.elems[0].kind != elemLit {
		return "", false
	}
	svc, _, found := strings.Cut(g.elems[0].lit, ":")
	return svc, found
}

// candidates calls visit for each statement that may match an action of
// the service, in statement order.
func (cp *compiledPolicy) candidates(service string, visit func(*compiledStatement)) {
	a, b := cp.byService[service], cp.anyService
	for len(a) > 0 || len(b) > 0 {
		var i int32
		if len(b) == 0 || (len(a) > 0 && a[0] < b[0]) {
			i, a = a[0], a[1:]
		} else {
			i, b = b[0], b[1:]
		}
		visit(&cp.stmts[i])
	}
}

func (cs *compiledStatement) matchesAction(action string) bool {
	for _, g := range cs.actions {
		if g.match(action) {
			return !cs.notAction
		}
	}
	return cs.notAction
}
