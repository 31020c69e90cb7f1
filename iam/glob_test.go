package iam

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatchWildcard(t *testing.T) {
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"", "a", false},
		{"*", "", true},
		{"*", "arn:aws:s3:::b/k", true},
		{"abc", "abc", true},
		{"abc", "abd", false},
		{"a*", "a", true},
		{"a*", "ba", false},
		{"*c", "abc", true},
		{"*c", "abd", false},
		{"a*c", "ac", true},
		{"a*c", "a/b:c", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"a?c", "a/c", true},
		{"?", "é", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"*a*a*a*", "aaa", true},
		{"*a*a*a*", "aa", false},
		{"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false},
		{"arn:aws:s3:::bucket*", "arn:aws:s3:::bucket", true},
		{"arn:aws:iam::*:role/*", "arn:aws:iam::111111111111:role/a/b", true},
		{"s3:Get*", "s3:getobject", false},
		{"**", "x", true},
		{"a**?", "ab", true},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, MatchWildcard(tc.pattern, tc.s), "%q vs %q", tc.pattern, tc.s)
	}
}

func TestGlobIntersects(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"arn:aws:s3:::x/*", "*", true},
		{"arn:aws:s3:::x/*", "arn:aws:s3:::x/secret/*", true},
		{"arn:aws:s3:::x/*", "arn:aws:s3:::y/*", false},
		{"arn:aws:s3:::x/*", "arn:aws:s3:::x", false},
		{"arn:aws:s3:::x/*", "arn:aws:s3:::*/public", true},
		{"a?c", "*b*", true},
		{"a?c", "abd", false},
		{"abc", "abc", true},
		{"*x", "y*", true},
		{"ab", "a", false},
		{"a*", "*b", true},
		{"", "*", true},
		{"", "?", false},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, intersects(compileGlob(tc.a), compileGlob(tc.b)), "%q ∩ %q", tc.a, tc.b)
		assert.Equal(t, tc.want, intersects(compileGlob(tc.b), compileGlob(tc.a)), "%q ∩ %q", tc.b, tc.a)
	}
}

func TestGlobCoveredBy(t *testing.T) {
	cases := []struct {
		req      string
		patterns []string
		want     bool
	}{
		{"arn:aws:s3:::x/*", []string{"*"}, true},
		{"arn:aws:s3:::x/*", []string{"arn:aws:s3:::x/*"}, true},
		{"arn:aws:s3:::x/*", []string{"arn:aws:s3:::*"}, true},
		{"arn:aws:s3:::x/*", []string{"arn:aws:s3:::x/secret/*"}, false},
		{"arn:aws:s3:::x/*", []string{"arn:aws:s3:::x/?*"}, false}, // the empty key
		{"arn:aws:s3:::x/*", []string{"arn:aws:s3:::x/?*", "arn:aws:s3:::x/"}, true},
		{"arn:aws:s3:::x/a?", []string{"arn:aws:s3:::x/a*"}, true},
		{"arn:aws:s3:::x/a?", []string{"arn:aws:s3:::x/ab"}, false},
		{"a*", []string{"a*b", "a*c"}, false},
		{"a*b", []string{"a*"}, true},
		{"abc", []string{"a?c"}, true},
		{"abc", nil, false},
		{"*", []string{"a*", "*"}, true},
		{"x*y", []string{"x*", "*z"}, true},
		{"*", []string{"?*", ""}, true},
		{"*", []string{"?*"}, false},
	}
	for _, tc := range cases {
		var gs []glob
		for _, p := range tc.patterns {
			gs = append(gs, compileGlob(p))
		}
		assert.Equal(t, tc.want, coveredBy(compileGlob(tc.req), gs), "%q ⊆ %q", tc.req, tc.patterns)
	}
}
