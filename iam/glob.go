package iam

import (
	"strings"
	"unicode/utf8"
)

// globKind selects a matcher's fast path; most patterns in real policies
// are exact strings, "*", or a literal prefix followed by "*".
type globKind uint8

const (
	globExact globKind = iota
	globAny
	globPrefix
	globGeneral
)

type elemKind uint8

const (
	elemLit  elemKind = iota // literal text
	elemOne                  // '?': exactly one character
	elemStar                 // '*': any run of characters, '/' and ':' included
)

type globElem struct {
	kind elemKind
	lit  string
}

// glob is a compiled IAM wildcard pattern. Matching never builds a regexp:
// it walks the elements with single-star backtracking, which is linear for
// the patterns policies use.
type glob struct {
	kind  globKind
	lit   string // the exact text or the prefix, for the fast paths
	elems []globElem
}

// MatchWildcard reports whether s matches the IAM wildcard pattern, in
// which '*' matches any run of characters and '?' any single character,
// both crossing '/' and ':'. Matching is case-sensitive; callers fold case
// for actions.
func MatchWildcard(pattern, s string) bool {
	// Walk the pattern text directly: no compiled form, no allocation.
	pi, si := 0, 0
	starP, starS := -1, 0
	for {
		if pi < len(pattern) {
			switch c := pattern[pi]; {
			case c == '*':
				starP, starS = pi, si
				pi++
				continue
			case c == '?' && si < len(s):
				_, w := utf8.DecodeRuneInString(s[si:])
				pi, si = pi+1, si+w
				continue
			case c != '?' && si < len(s) && s[si] == c:
				pi, si = pi+1, si+1
				continue
			}
		} else if si == len(s) {
			return true
		}
		if starP < 0 || starS >= len(s) {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[starS:])
		starS += w
		pi, si = starP+1, starS
	}
}

func compileGlob(pattern string) glob {
	var elems []globElem
	for pattern != "" {
		i := strings.IndexAny(pattern, "*?")
		if i < 0 {
			elems = appendLit(elems, pattern)
			break
		}
		elems = appendLit(elems, pattern[:i])
		if pattern[i] == '*' {
			elems = appendStar(elems)
		} else {
			elems = append(elems, globElem{kind: elemOne})
		}
		pattern = pattern[i+1:]
	}
	return newGlob(elems)
}

func appendLit(elems []globElem, text string) []globElem {
	if text == "" {
		return elems
	}
	if n := len(elems); n > 0 && elems[n-1].kind == elemLit {
		elems[n-1].lit += text
		return elems
	}
	return append(elems, globElem{kind: elemLit, lit: text})
}

func appendStar(elems []globElem) []globElem {
	if n := len(elems); n > 0 && elems[n-1].kind == elemStar {
		return elems
	}
	return append(elems, globElem{kind: elemStar})
}

// newGlob picks the fast path that fits the elements.
func newGlob(elems []globElem) glob {
	g := glob{kind: globGeneral, elems: elems}
	switch {
	case len(elems) == 0:
		g.kind = globExact
	case len(elems) == 1 && elems[0].kind == elemLit:
		g.kind, g.lit = globExact, elems[0].lit
	case len(elems) == 1 && elems[0].kind == elemStar:
		g.kind = globAny
	case len(elems) == 2 && elems[0].kind == elemLit && elems[1].kind == elemStar:
		g.kind, g.lit = globPrefix, elems[0].lit
	}
	return g
}

func (g glob) match(s string) bool {
	switch g.kind {
	case globExact:
		return s == g.lit
	case globAny:
		return true
	case globPrefix:
		return strings.HasPrefix(s, g.lit)
	}
	return matchElems(g.elems, s)
}

// matchElems is the classic wildcard walk: on a mismatch it retries from
// the most recent star, letting that star swallow one more character.
func matchElems(elems []globElem, s string) bool {
	ei, si := 0, 0
	starElem, starPos := -1, 0
	for {
		if ei < len(elems) {
			e := elems[ei]
			switch e.kind {
			case elemStar:
				starElem, starPos = ei, si
				ei++
				continue
			case elemOne:
				if si < len(s) {
					_, w := utf8.DecodeRuneInString(s[si:])
					si += w
					ei++
					continue
				}
			case elemLit:
				if strings.HasPrefix(s[si:], e.lit) {
					si += len(e.lit)
					ei++
					continue
				}
			}
		} else if si == len(s) {
			return true
		}
		if starElem < 0 || starPos >= len(s) {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[starPos:])
		starPos += w
		si, ei = starPos, starElem+1
	}
}

// hasWildcard reports whether the glob matches more than one string.
func (g glob) hasWildcard() bool {
	for _, e := range g.elems {
		if e.kind != elemLit {
			return true
		}
	}
	return false
}
