package iam

// matchResource decides the Resource/NotResource element. A statement
// without one applies to the resource its policy is attached to. A
// variable that cannot be resolved makes the whole statement inapplicable
// (IAM UG, policy variables); one whose key is unknown makes it maybe.
func (ev *evaluator) matchResource(cs *compiledStatement, ref StatementRef) (tri, []ConditionRef) {
	if !cs.hasResource {
		return yes, nil
	}
	if cs.resourcesStatic {
		return triOf(ev.resourceTest(cs, cs.staticResources)), nil
	}
	known := make([]glob, 0, len(cs.resources))
	var deps []ConditionRef
	for _, t := range cs.resources {
		g, res, key := t.resolveGlob(&ev.env)
		switch res {
		case unresolvable:
			return no, nil
		case unknownValue:
			deps = append(deps, ConditionRef{StatementRef: ref, Effect: cs.effect, Operator: "PolicyVariable",
				Key: key, Values: []string{t.raw}})
			continue
		}
		known = append(known, g)
	}
	holds := ev.resourceTest(cs, known)
	switch {
	case holds && (!cs.notResource || len(deps) == 0):
		return yes, nil
	case !holds && (cs.notResource || len(deps) == 0):
		return no, nil
	}
	// The unknown entries could still change the answer.
	return maybe, deps
}

// resourceTest is the element's test against the known entries. For a
// request that names one resource, Resource holds when an entry matches
// and NotResource when none does. For a request pattern, an Allow needs
// some resource of the pattern to qualify and a Deny needs all of them.
func (ev *evaluator) resourceTest(cs *compiledStatement, entries []glob) bool {
	if !ev.req.ResourceIsPattern {
		for _, g := range entries {
			if g.match(ev.req.Resource) {
				return !cs.notResource
			}
		}
		return cs.notResource
	}
	deny := cs.effect == Deny
	switch {
	case !cs.notResource && !deny:
		return anyIntersects(ev.reqGlob, entries)
	case !cs.notResource && deny:
		return coveredBy(ev.reqGlob, entries)
	case cs.notResource && !deny:
		return !coveredBy(ev.reqGlob, entries)
	default:
		return !anyIntersects(ev.reqGlob, entries)
	}
}

func anyIntersects(req glob, entries []glob) bool {
	for _, g := range entries {
		if intersects(req, g) {
			return true
		}
	}
	return false
}
