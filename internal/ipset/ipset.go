package ipset

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
)

// u128 is an address as a 128-bit number; IPv4 addresses use the low bits
// and live in their own family, so the two never mix.
type u128 struct{ hi, lo uint64 }

func (a u128) cmp(b u128) int {
	if c := cmp.Compare(a.hi, b.hi); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}

func (a u128) next() u128 {
	if a.lo == ^uint64(0) {
		return u128{a.hi + 1, 0}
	}
	return u128{a.hi, a.lo + 1}
}

func (a u128) prev() u128 {
	if a.lo == 0 {
		return u128{a.hi - 1, ^uint64(0)}
	}
	return u128{a.hi, a.lo - 1}
}

type span struct {
	v6     bool
	lo, hi u128
}

// Set is a set of IP addresses. The zero value is empty.
type Set struct{ spans []span }

// Parse returns the set of one CIDR block ("0.0.0.0/0", "2001:db8::/32").
func Parse(cidr string) (Set, error) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return Set{}, fmt.Errorf("CIDR %q: %w", cidr, err)
	}
	p = p.Masked()
	lo := toU128(p.Addr())
	bits := p.Addr().BitLen()
	hostBits := bits - p.Bits()
	hi := lo
	for i := 0; i < hostBits; i++ {
		if i < 64 {
			hi.lo |= 1 << i
		} else {
			hi.hi |= 1 << (i - 64)
		}
	}
	return Set{spans: []span{{v6: p.Addr().Is6(), lo: lo, hi: hi}}}, nil
}

// MustParse is Parse for constants.
func MustParse(cidr string) Set {
	s, err := Parse(cidr)
	if err != nil {
		panic(err)
	}
	return s
}

func toU128(a netip.Addr) u128 {
	b := a.As16()
	if a.Is4() {
		b4 := a.As4()
		return u128{lo: uint64(b4[0])<<24 | uint64(b4[1])<<16 | uint64(b4[2])<<8 | uint64(b4[3])}
	}
	var v u128
	for i := 0; i < 8; i++ {
		v.hi = v.hi<<8 | uint64(b[i])
		v.lo = v.lo<<8 | uint64(b[8+i])
	}
	return v
}

// Empty reports whether the set holds no address.
func (s Set) Empty() bool { return len(s.spans) == 0 }

// Union returns s ∪ t.
func (s Set) Union(t Set) Set {
	all := append(slices.Clone(s.spans), t.spans...)
	slices.SortFunc(all, compareSpans)
	var out []span
	for _, sp := range all {
		if n := len(out); n > 0 && out[n-1].v6 == sp.v6 && touches(out[n-1], sp) {
			if sp.hi.cmp(out[n-1].hi) > 0 {
				out[n-1].hi = sp.hi
			}
			continue
		}
		out = append(out, sp)
	}
	return Set{spans: out}
}

// touches reports whether b, which starts at or after a, overlaps or
// adjoins a.
func touches(a, b span) bool {
	if a.hi == (u128{^uint64(0), ^uint64(0)}) {
		return true
	}
	return b.lo.cmp(a.hi.next()) <= 0
}

// Intersect returns s ∩ t.
func (s Set) Intersect(t Set) Set {
	var out []span
	for _, a := range s.spans {
		for _, b := range t.spans {
			if a.v6 != b.v6 {
				continue
			}
			lo, hi := maxU(a.lo, b.lo), minU(a.hi, b.hi)
			if lo.cmp(hi) <= 0 {
				out = append(out, span{v6: a.v6, lo: lo, hi: hi})
			}
		}
	}
	return Set{}.Union(Set{spans: out})
}

// Subtract returns s \ t.
func (s Set) Subtract(t Set) Set {
	out := slices.Clone(s.spans)
	for _, b := range t.spans {
		var next []span
		for _, a := range out {
			next = append(next, cut(a, b)...)
		}
		out = next
	}
	return Set{}.Union(Set{spans: out})
}

// cut removes b from a, leaving zero, one or two pieces.
func cut(a, b span) []span {
	if a.v6 != b.v6 || b.hi.cmp(a.lo) < 0 || b.lo.cmp(a.hi) > 0 {
		return []span{a}
	}
	var out []span
	if a.lo.cmp(b.lo) < 0 {
		out = append(out, span{v6: a.v6, lo: a.lo, hi: b.lo.prev()})
	}
	if b.hi.cmp(a.hi) < 0 {
		out = append(out, span{v6: a.v6, lo: b.hi.next(), hi: a.hi})
	}
	return out
}

func compareSpans(a, b span) int {
	if a.v6 != b.v6 {
		if a.v6 {
			return 1
		}
		return -1
	}
	if c := a.lo.cmp(b.lo); c != 0 {
		return c
	}
	return a.hi.cmp(b.hi)
}

func maxU(a, b u128) u128 {
	if a.cmp(b) >= 0 {
		return a
	}
	return b
}

func minU(a, b u128) u128 {
	if a.cmp(b) <= 0 {
		return a
	}
	return b
}
