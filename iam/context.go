package iam

import (
	"strings"
)

// keyState is what the request knows about a context key.
type keyState uint8

const (
	keyPresent keyState = iota
	keyAbsent
	keyUnknown
)

// env answers context-key look-ups for one evaluation: the request's
// context first, then the keys that follow from the principal and the
// resource, then the request's rule for everything else (absent, or
// unknown under UnknownByDefault). Look-ups allocate nothing.
type env struct {
	context          map[string][]string
	unknown          []string
	unknownByDefault bool
	principalTags    map[string]string // nil when not known
	resourceTags     map[string]string // nil when not known
	caller           caller            // a copy: a pointer into the evaluator would force it onto the heap
	owner            string
	// scratch holds a derived value, so look-ups need not allocate; the
	// slice a look-up returns is valid until the next look-up.
	scratch [1]string
}

func (e *env) lookup(key string) ([]string, keyState) {
	if e.isUnknown(key) {
		return nil, keyUnknown
	}
	if vals, ok := e.fromContext(key); ok {
		if len(vals) == 0 {
			return nil, keyAbsent
		}
		return vals, keyPresent
	}
	if vals, state, ok := e.derived(key); ok {
		return vals, state
	}
	if e.unknownByDefault {
		return nil, keyUnknown
	}
	return nil, keyAbsent
}

func (e *env) isUnknown(key string) bool {
	for _, k := range e.unknown {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

func (e *env) fromContext(key string) ([]string, bool) {
	if vals, ok := e.context[key]; ok {
		return vals, true
	}
	for k, vals := range e.context {
		if strings.EqualFold(k, key) {
			return vals, true
		}
	}
	return nil, false
}

const (
	principalTagPrefix = "aws:principaltag/"
	resourceTagPrefix  = "aws:resourcetag/"
)

// derived fills the keys that follow from the principal and the resource;
// ok is false for keys that do not.
func (e *env) derived(key string) ([]string, keyState, bool) {
	c := &e.caller
	switch key {
	case "aws:username":
		return e.one(c.userName())
	case "aws:principalarn":
		return e.one(c.principalARN())
	case "aws:principalaccount":
		return e.one(c.account)
	case "aws:principaltype":
		return e.one(c.typ)
	case "aws:principalisawsservice":
		return e.one(boolText(c.kind == callerService))
	case "aws:principalservicename":
		return e.one(c.service)
	case "aws:resourceaccount":
		return e.one(e.owner)
	}
	if tag, ok := strings.CutPrefix(key, principalTagPrefix); ok && e.principalTags != nil {
		return e.tagValue(e.principalTags, tag)
	}
	if tag, ok := strings.CutPrefix(key, resourceTagPrefix); ok && e.resourceTags != nil {
		return e.tagValue(e.resourceTags, tag)
	}
	return nil, keyAbsent, false
}

// one wraps a derived value; an empty value means the key is absent.
func (e *env) one(v string) ([]string, keyState, bool) {
	if v == "" {
		return nil, keyAbsent, true
	}
	e.scratch[0] = v
	return e.scratch[:], keyPresent, true
}

// tagValue looks a tag up; tag keys in condition keys are case-insensitive.
func (e *env) tagValue(tags map[string]string, key string) ([]string, keyState, bool) {
	for k, v := range tags {
		if strings.EqualFold(k, key) {
			return e.one(v)
		}
	}
	return nil, keyAbsent, true
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// variable resolves one policy variable. A key with several values cannot
// stand in a single string, so it does not resolve.
func (e *env) variable(p tmplPart) (string, resolution) {
	vals, state := e.lookup(p.key)
	switch {
	case state == keyUnknown:
		return "", unknownValue
	case state == keyPresent && len(vals) == 1:
		return vals[0], resolved
	case p.hasDefault:
		return p.def, resolved
	}
	return "", unresolvable
}
