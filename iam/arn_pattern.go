package iam

import "strings"

// arnPattern is an ARN condition value: six patterns, one per
// colon-delimited ARN field, each matched on its own (so a wildcard in the
// region field never swallows the account).
type arnPattern struct {
	fields [6]glob
	ok     bool
}

// splitARNPattern cuts pattern elements at the first five literal colons.
func splitARNPattern(elems []globElem) arnPattern {
	var fields [6][]globElem
	f := 0
	for _, el := range elems {
		if el.kind != elemLit || f == 5 {
			fields[f] = append(fields[f], el)
			continue
		}
		text := el.lit
		for f < 5 {
			i := strings.IndexByte(text, ':')
			if i < 0 {
				break
			}
			fields[f] = appendLit(fields[f], text[:i])
			text = text[i+1:]
			f++
		}
		fields[f] = appendLit(fields[f], text)
	}
	p := arnPattern{ok: f == 5}
	for i := range fields {
		p.fields[i] = newGlob(fields[i])
	}
	return p
}

func (p arnPattern) match(v string) bool {
	if !p.ok {
		return false
	}
	parts := strings.SplitN(v, ":", 6)
	if len(parts) != 6 {
		return false
	}
	for i, part := range parts {
		if !p.fields[i].match(part) {
			return false
		}
	}
	return true
}
