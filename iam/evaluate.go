package iam

import "strings"

// evaluator holds what one evaluation needs to know about its request.
type evaluator struct {
	req     Request // held by value: pointers to the arguments would escape
	set     PolicySet
	caller  caller
	env     env
	action  string // lower-cased
	service string
	owner   string
	reqGlob glob // the request pattern, when ResourceIsPattern
}

// component is the applicable Allow and Deny statements of a group of
// policies that play one role in the evaluation.
type component struct {
	present bool // some policy of the role takes part
	name    string
	allows  []hit
	denies  []hit
}

// gathered is every component of one evaluation.
type gathered struct {
	scps, rcps []component // one per organisation level
	resource   component
	identity   component
	boundary   component
	session    component
}

// Evaluate decides a request against the policies that take part in it,
// following the AWS policy evaluation logic (IAM User Guide: policy
// evaluation logic, cross-account policy evaluation logic; AWS
// Organizations: SCP and RCP evaluation; KMS: key policies). It returns an
// error for a policy it cannot evaluate (an unknown condition operator, a
// condition value its operator cannot read, an element that the policy's
// type forbids or requires), never a guess.
func Evaluate(req Request, set PolicySet) (Decision, error) {
	ev := newEvaluator(req, set)
	g, err := ev.gather()
	if err != nil {
		return Decision{}, err
	}
	return ev.decide(g), nil
}

func newEvaluator(req Request, set PolicySet) evaluator {
	ev := evaluator{req: req, set: set, caller: newCaller(req.Principal), action: strings.ToLower(req.Action)}
	c := &ev.caller
	ev.service, _, _ = strings.Cut(ev.action, ":")
	ev.owner = req.ResourceOwner
	if ev.owner == "" {
		ev.owner = accountOf(req.Resource)
	}
	if ev.owner == "" {
		ev.owner = c.account
	}
	if req.ResourceIsPattern {
		ev.reqGlob = compileGlob(req.Resource)
	}
	ev.env = env{context: req.Context, unknown: req.Unknown, unknownByDefault: req.UnknownByDefault,
		principalTags: req.Principal.Tags, resourceTags: req.ResourceTags, caller: ev.caller, owner: ev.owner}
	return ev
}

// crossAccount reports whether the caller's account differs from the
// resource owner's.
func (ev *evaluator) crossAccount() bool {
	return ev.caller.account != "" && ev.owner != ev.caller.account
}

func (ev *evaluator) gather() (gathered, error) {
	var g gathered
	var err error
	iamCaller := ev.caller.isIAM()
	if iamCaller {
		// SCPs bound the principals of member accounts; service
		// principals and anonymous callers belong to no account.
		if g.scps, err = ev.levels(ev.set.SCPs); err != nil {
			return g, err
		}
	}
	if g.rcps, err = ev.levels(ev.set.RCPs); err != nil {
		return g, err
	}
	if g.resource, err = ev.optional(ev.set.Resource); err != nil {
		return g, err
	}
	if iamCaller {
		if g.identity, err = ev.group(ev.set.Identity); err != nil {
			return g, err
		}
		if g.boundary, err = ev.optional(ev.set.Boundary); err != nil {
			return g, err
		}
		if g.session, err = ev.optional(ev.set.Session); err != nil {
			return g, err
		}
	}
	return g, nil
}

func (ev *evaluator) levels(levels [][]Attached) ([]component, error) {
	out := make([]component, 0, len(levels))
	for _, level := range levels {
		c, err := ev.group(level)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (ev *evaluator) optional(a *Attached) (component, error) {
	if a == nil {
		return component{}, nil
	}
	return ev.group([]Attached{*a})
}

func (ev *evaluator) group(policies []Attached) (component, error) {
	c := component{present: len(policies) > 0}
	for i := range policies {
		if i == 0 {
			c.name = policies[i].Name
		}
		if err := ev.policyHits(&policies[i], &c); err != nil {
			return c, err
		}
	}
	return c, nil
}
