package iam

// union is several patterns read as one automaton whose states are the
// positions of all of them, numbered one after another.
type union struct {
	toks    [][]tok
	offsets []int // first state number of each pattern
	size    int
	lits    []rune // every literal character of every pattern
}

func newUnion(patterns []glob) *union {
	u := &union{}
	seen := map[rune]bool{}
	for _, p := range patterns {
		ts := tokens(p)
		u.toks = append(u.toks, ts)
		u.offsets = append(u.offsets, u.size)
		u.size += len(ts) + 1
		for _, t := range ts {
			if t.kind == elemLit && !seen[t.r] {
				seen[t.r] = true
				u.lits = append(u.lits, t.r)
			}
		}
	}
	return u
}

func (u *union) starts() []bool {
	set := make([]bool, u.size)
	for _, off := range u.offsets {
		set[off] = true
	}
	return set
}

// closure adds the positions reachable by skipping stars.
func (u *union) closure(set []bool) []bool {
	for p, ts := range u.toks {
		off := u.offsets[p]
		for i := range ts {
			if set[off+i] && ts[i].kind == elemStar {
				set[off+i+1] = true
			}
		}
	}
	return set
}

func (u *union) advance(set []bool, r rune) []bool {
	next := make([]bool, u.size)
	for p, ts := range u.toks {
		off := u.offsets[p]
		for i := 0; i <= len(ts); i++ {
			if !set[off+i] {
				continue
			}
			if ni, ok := step(ts, i, r); ok {
				next[off+ni] = true
			}
		}
	}
	return next
}

func (u *union) accepts(set []bool) bool {
	for p, ts := range u.toks {
		if set[u.offsets[p]+len(ts)] {
			return true
		}
	}
	return false
}

func (u *union) key(set []bool) string {
	b := make([]byte, len(set))
	for i, v := range set {
		if v {
			b[i] = 1
		}
	}
	return string(b)
}

// letters lists the characters worth trying at position i of the request
// pattern: its own literal, or, where it takes any character, each
// character the patterns name plus one they do not.
func (u *union) letters(tr []tok, i int) []rune {
	if i >= len(tr) {
		return nil
	}
	if tr[i].kind == elemLit {
		return []rune{tr[i].r}
	}
	return append(append([]rune(nil), u.lits...), otherRune)
}
