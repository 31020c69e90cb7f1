package iam

// tri is a three-valued truth: a statement applies, does not, or depends
// on context values that are unknown.
type tri uint8

const (
	no tri = iota
	yes
	maybe
)

// verdict is a tri with its evidence: the statements that make it yes,
// and, when maybe, the conditions it depends on.
type verdict struct {
	t     tri
	refs  []StatementRef
	deps  []ConditionRef
	maybe []StatementRef // statements whose applicability is unknown
}

var (
	vYes = verdict{t: yes}
	vNo  = verdict{t: no}
)

// anyOf is "some statement applies" over statement hits.
func anyOf(hits []hit) verdict {
	v := verdict{}
	for _, h := range hits {
		switch h.t {
		case yes:
			v.t = yes
			v.refs = append(v.refs, h.ref)
		case maybe:
			v.deps = append(v.deps, h.deps...)
			v.maybe = append(v.maybe, h.ref)
		}
	}
	if v.t != yes && len(v.maybe) > 0 {
		v.t = maybe
	}
	if v.t == yes {
		v.deps, v.maybe = nil, nil
	}
	return v
}

// and is yes when every part is, no when one is; otherwise maybe.
func and(parts ...verdict) verdict {
	var nRefs, nDeps, nMaybe int
	for _, p := range parts {
		if p.t == no {
			return vNo
		}
		nRefs, nDeps, nMaybe = nRefs+len(p.refs), nDeps+len(p.deps), nMaybe+len(p.maybe)
	}
	out := verdict{t: yes, refs: make([]StatementRef, 0, nRefs)}
	if nMaybe > 0 {
		out.deps, out.maybe = make([]ConditionRef, 0, nDeps), make([]StatementRef, 0, nMaybe)
	}
	for _, p := range parts {
		if p.t == maybe {
			out.t = maybe
			out.deps = append(out.deps, p.deps...)
			out.maybe = append(out.maybe, p.maybe...)
		}
		out.refs = append(out.refs, p.refs...)
	}
	return out
}

// or is yes when some part is (citing every part that is: to cut the
// access, each must go), no when all are no; otherwise maybe, keeping the
// evidence of the parts that may hold.
func or(parts ...verdict) verdict {
	out := verdict{}
	for _, p := range parts {
		if p.t == yes {
			out.t = yes
			out.refs = append(out.refs, p.refs...)
		}
	}
	if out.t == yes {
		return out
	}
	for _, p := range parts {
		if p.t == maybe {
			out.t = maybe
			out.refs = append(out.refs, p.refs...)
			out.deps = append(out.deps, p.deps...)
			out.maybe = append(out.maybe, p.maybe...)
		}
	}
	return out
}

// hit is one statement's applicability to the request.
type hit struct {
	ref  StatementRef
	t    tri
	kind grantKind // for resource-based Allow statements
	deps []ConditionRef
}
