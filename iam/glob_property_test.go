package iam

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// matchReference is a plain dynamic-programming matcher the fast matcher
// and the automata are checked against: ok[i][j] says whether pattern[i:]
// matches s[j:].
func matchReference(pattern, s []rune) bool {
	ok := make([][]bool, len(pattern)+1)
	for i := range ok {
		ok[i] = make([]bool, len(s)+1)
	}
	ok[len(pattern)][len(s)] = true
	for i := len(pattern) - 1; i >= 0; i-- {
		for j := len(s); j >= 0; j-- {
			switch {
			case pattern[i] == '*':
				ok[i][j] = ok[i+1][j] || (j < len(s) && ok[i][j+1])
			case j == len(s):
				ok[i][j] = false
			case pattern[i] == '?' || pattern[i] == s[j]:
				ok[i][j] = ok[i+1][j+1]
			}
		}
	}
	return ok[0][0]
}

// allStrings lists every string over alphabet up to length n.
func allStrings(alphabet string, n int) []string {
	out := []string{""}
	level := []string{""}
	for i := 0; i < n; i++ {
		var next []string
		for _, s := range level {
			for _, r := range alphabet {
				next = append(next, s+string(r))
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

func randomPattern(r *rand.Rand) string {
	const tokens = "ab*?"
	b := make([]byte, r.Intn(5))
	for i := range b {
		b[i] = tokens[r.Intn(len(tokens))]
	}
	return string(b)
}

// TestGlobSetOperationsAgainstEnumeration checks intersection and cover on
// random small patterns against every string up to a length that bounds
// any shortest witness.
func TestGlobSetOperationsAgainstEnumeration(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	universe := allStrings("abc", 7)
	for i := 0; i < 300; i++ {
		a, b, c := randomPattern(r), randomPattern(r), randomPattern(r)
		ga, gb, gc := compileGlob(a), compileGlob(b), compileGlob(c)
		wantMeet, wantCover := false, true
		for _, s := range universe {
			inA, inB, inC := ga.match(s), gb.match(s), gc.match(s)
			require.Equal(t, matchReference([]rune(a), []rune(s)), inA, "%q vs %q", a, s)
			require.Equal(t, inA, MatchWildcard(a, s), "MatchWildcard(%q, %q)", a, s)
			wantMeet = wantMeet || (inA && inB)
			if inA && !inB && !inC {
				wantCover = false
			}
		}
		require.Equal(t, wantMeet, intersects(ga, gb), "%q ∩ %q", a, b)
		require.Equal(t, wantCover, coveredBy(ga, []glob{gb, gc}), "%q ⊆ %q ∪ %q", a, b, c)
	}
}
