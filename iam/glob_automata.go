package iam

// Set operations on wildcard patterns, for requests that name "some
// resource matching a pattern". A pattern is read as a small automaton over
// characters: position i waits for token i; a star loops on any character
// and may be skipped.

type tok struct {
	kind elemKind
	r    rune
}

// otherRune stands for every character that no pattern in a comparison
// names literally: the patterns treat all such characters alike.
const otherRune rune = -1

func tokens(g glob) []tok {
	var out []tok
	for _, e := range g.elems {
		if e.kind != elemLit {
			out = append(out, tok{kind: e.kind})
			continue
		}
		for _, r := range e.lit {
			out = append(out, tok{kind: elemLit, r: r})
		}
	}
	return out
}

// step moves one position of a pattern over character r; ok is false when
// the pattern cannot read r there.
func step(ts []tok, i int, r rune) (next int, ok bool) {
	if i >= len(ts) {
		return 0, false
	}
	switch t := ts[i]; t.kind {
	case elemStar:
		return i, true
	case elemOne:
		return i + 1, true
	default:
		return i + 1, t.r == r
	}
}

// intersects reports whether some string matches both patterns.
func intersects(a, b glob) bool {
	if !mayIntersect(a, b) {
		return false
	}
	if !a.hasWildcard() {
		return b.match(a.lit)
	}
	if !b.hasWildcard() {
		return a.match(b.lit)
	}
	if prefixStarMeets(a, b) || prefixStarMeets(b, a) {
		return true
	}
	ta, tb := tokens(a), tokens(b)
	type pair struct{ i, j int }
	seen := make([]bool, (len(ta)+1)*(len(tb)+1))
	queue := []pair{{0, 0}}
	for len(queue) > 0 {
		p := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[p.i*(len(tb)+1)+p.j] {
			continue
		}
		seen[p.i*(len(tb)+1)+p.j] = true
		if p.i == len(ta) && p.j == len(tb) {
			return true
		}
		if p.i < len(ta) && ta[p.i].kind == elemStar {
			queue = append(queue, pair{p.i + 1, p.j})
		}
		if p.j < len(tb) && tb[p.j].kind == elemStar {
			queue = append(queue, pair{p.i, p.j + 1})
		}
		for _, r := range pairLetters(ta, p.i, tb, p.j) {
			ni, okA := step(ta, p.i, r)
			nj, okB := step(tb, p.j, r)
			if okA && okB && (ni != p.i || nj != p.j) {
				queue = append(queue, pair{ni, nj})
			}
		}
	}
	return false
}

// prefixStarMeets is true when a is "*" or "prefix*" and b's fixed prefix
// already extends a's prefix (the caller checked they agree): every string
// of b then matches a.
func prefixStarMeets(a, b glob) bool {
	switch a.kind {
	case globAny:
		return true
	case globPrefix:
		return len(b.literalPrefix()) >= len(a.lit)
	}
	return false
}

// pairLetters lists the characters worth trying from two positions: a
// literal on either side, or any character when both sides take any.
func pairLetters(ta []tok, i int, tb []tok, j int) []rune {
	var out []rune
	if i < len(ta) && ta[i].kind == elemLit {
		out = append(out, ta[i].r)
	}
	if j < len(tb) && tb[j].kind == elemLit {
		out = append(out, tb[j].r)
	}
	if len(out) == 0 {
		out = append(out, otherRune)
	}
	return out
}

// coveredBy reports whether every string matching req matches at least one
// of the patterns. It searches for a counterexample: a string req accepts
// while every pattern rejects it, tracking req's position and the set of
// positions all the patterns can be in (a subset construction done lazily).
func coveredBy(req glob, patterns []glob) bool {
	if covered, known := quickCover(req, patterns); known {
		return covered
	}
	var overlapping []glob
	for _, p := range patterns {
		if mayIntersect(req, p) {
			overlapping = append(overlapping, p)
		}
	}
	if len(overlapping) == 0 {
		return false
	}
	tr := tokens(req)
	u := newUnion(overlapping)
	type node struct {
		i   int
		set []bool
	}
	type key struct {
		i   int
		set string
	}
	seen := map[key]bool{}
	queue := []node{{0, u.closure(u.starts())}}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		k := key{cur.i, u.key(cur.set)}
		if seen[k] {
			continue
		}
		seen[k] = true
		if cur.i == len(tr) && !u.accepts(cur.set) {
			return false
		}
		if cur.i < len(tr) && tr[cur.i].kind == elemStar {
			queue = append(queue, node{cur.i + 1, cur.set})
		}
		for _, r := range u.letters(tr, cur.i) {
			if ni, ok := step(tr, cur.i, r); ok {
				queue = append(queue, node{ni, u.closure(u.advance(cur.set, r))})
			}
		}
	}
	return true
}
