package iam

import "strings"

// Policy variables (${aws:username}, ${aws:PrincipalTag/team, 'none'},
// ${*}, ${?}, ${$}) exist only in policies of Version 2012-10-17; in older
// documents the text is literal. A template is a value split into literal
// text and variables, resolved against the request for each evaluation.

type tmplPart struct {
	text       string // literal text (pattern text where wildcards apply)
	isVar      bool
	key        string // lower-cased context key of a variable
	name       string // the key as the policy spells it
	def        string
	hasDefault bool
	// escaped marks ${*}, ${?} and ${$}: a literal character that never
	// acts as a wildcard.
	escaped bool
}

type template struct {
	raw   string
	parts []tmplPart
	vars  bool // some part needs the request to resolve
	glob  glob // the compiled pattern when there are no variables
}

func newTemplate(raw string, variables bool) template {
	t := template{raw: raw}
	if variables {
		t.parts = parseTemplate(raw)
	} else {
		t.parts = []tmplPart{{text: raw}}
	}
	for _, p := range t.parts {
		if p.isVar {
			t.vars = true
		}
	}
	if !t.vars {
		elems, _, _ := t.resolveElems(nil)
		t.glob = newGlob(elems)
	}
	return t
}

func parseTemplate(raw string) []tmplPart {
	var parts []tmplPart
	for {
		i := strings.Index(raw, "${")
		if i < 0 {
			break
		}
		end := strings.IndexByte(raw[i:], '}')
		if end < 0 {
			break
		}
		if i > 0 {
			parts = append(parts, tmplPart{text: raw[:i]})
		}
		parts = append(parts, parseVariable(raw[i+2:i+end]))
		raw = raw[i+end+1:]
	}
	if raw != "" {
		parts = append(parts, tmplPart{text: raw})
	}
	return parts
}

func parseVariable(body string) tmplPart {
	switch body {
	case "*", "?", "$":
		return tmplPart{text: body, escaped: true}
	}
	key, def, hasDefault := strings.Cut(body, ",")
	name := strings.TrimSpace(key)
	p := tmplPart{isVar: true, key: strings.ToLower(name), name: name}
	if hasDefault {
		def = strings.TrimSpace(def)
		if len(def) >= 2 && def[0] == '\'' && def[len(def)-1] == '\'' {
			def = def[1 : len(def)-1]
		}
		p.def, p.hasDefault = def, true
	}
	return p
}

// resolution says whether every variable of a template got a value.
type resolution uint8

const (
	resolved     resolution = iota
	unresolvable            // a variable's key is absent and has no default
	unknownValue            // a variable's key has a value that is not known
)

// resolveElems builds the pattern elements, looking variables up in env
// (nil when the template has none). Substituted values are literal text.
func (t template) resolveElems(e *env) ([]globElem, resolution, string) {
	var elems []globElem
	for _, p := range t.parts {
		switch {
		case p.isVar:
			v, res := e.variable(p)
			if res != resolved {
				return nil, res, p.name
			}
			elems = appendLit(elems, v)
		case p.escaped:
			elems = appendLit(elems, p.text)
		default:
			elems = append(elems, compileGlob(p.text).elems...)
			elems = mergeElems(elems)
		}
	}
	return elems, resolved, ""
}

// resolveString gives the template's text with variables substituted, for
// operators that compare whole strings.
func (t template) resolveString(e *env) (string, resolution, string) {
	if !t.vars {
		if len(t.parts) == 1 && !t.parts[0].escaped {
			return t.parts[0].text, resolved, ""
		}
	}
	var b strings.Builder
	for _, p := range t.parts {
		if !p.isVar {
			b.WriteString(p.text)
			continue
		}
		v, res := e.variable(p)
		if res != resolved {
			return "", res, p.name
		}
		b.WriteString(v)
	}
	return b.String(), resolved, ""
}

// resolveGlob gives the template as a pattern for the current request.
func (t template) resolveGlob(e *env) (glob, resolution, string) {
	if !t.vars {
		return t.glob, resolved, ""
	}
	elems, res, key := t.resolveElems(e)
	return newGlob(elems), res, key
}

// mergeElems joins neighbouring literals and stars left by concatenation.
func mergeElems(elems []globElem) []globElem {
	out := elems[:0]
	for _, el := range elems {
		switch {
		case el.kind == elemLit:
			out = appendLit(out, el.lit)
		case el.kind == elemStar:
			out = appendStar(out)
		default:
			out = append(out, el)
		}
	}
	return out
}
