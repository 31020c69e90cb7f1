package iam

import "strings"

// Quick answers for the set operations, so that the automata run only for
// the few patterns that overlap the request: in an estate most resource
// patterns name other buckets, tables or keys and differ in their literal
// prefix or suffix.

func (g glob) literalPrefix() string {
	if len(g.elems) > 0 && g.elems[0].kind == elemLit {
		return g.elems[0].lit
	}
	return ""
}

func (g glob) literalSuffix() string {
	if n := len(g.elems); n > 0 && g.elems[n-1].kind == elemLit {
		return g.elems[n-1].lit
	}
	return ""
}

// mayIntersect is false when two patterns certainly share no string: their
// fixed prefixes (or suffixes) disagree.
func mayIntersect(a, b glob) bool {
	pa, pb := a.literalPrefix(), b.literalPrefix()
	if !strings.HasPrefix(pa, pb) && !strings.HasPrefix(pb, pa) {
		return false
	}
	sa, sb := a.literalSuffix(), b.literalSuffix()
	return strings.HasSuffix(sa, sb) || strings.HasSuffix(sb, sa)
}

// quickCover answers coveredBy when a pattern plainly covers the request
// (it is "*", or a prefix followed by "*" that the request's own prefix
// starts with), or the request is a single string.
func quickCover(req glob, patterns []glob) (covered, known bool) {
	if !req.hasWildcard() {
		for _, p := range patterns {
			if p.match(req.lit) {
				return true, true
			}
		}
		return false, true
	}
	for _, p := range patterns {
		switch p.kind {
		case globAny:
			return true, true
		case globPrefix:
			if strings.HasPrefix(req.literalPrefix(), p.lit) {
				return true, true
			}
		}
	}
	return false, false
}
