package scenario

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// scalar reports whether v is a plain value, failing otherwise. The text is
// taken as written, so an unquoted 012345678901 keeps its leading zero.
func (v value) scalar() bool {
	if v.absent() {
		return false
	}
	if v.n.Kind != yaml.ScalarNode {
		v.failf("expected a single value, got %s", kindName(v.n))
		return false
	}
	return true
}

// str is the text of a scalar; "" when absent.
func (v value) str() string {
	if !v.scalar() {
		return ""
	}
	return v.n.Value
}

// integer parses a decimal integer; def when absent.
func (v value) integer(def int) int {
	if !v.scalar() {
		return def
	}
	i, err := strconv.Atoi(v.n.Value)
	if err != nil {
		v.failf("expected an integer, got %q", v.n.Value)
		return def
	}
	return i
}

// boolean parses true or false; def when absent.
func (v value) boolean(def bool) bool {
	if !v.scalar() {
		return def
	}
	switch strings.ToLower(v.n.Value) {
	case "true":
		return true
	case "false":
		return false
	}
	v.failf("expected true or false, got %q", v.n.Value)
	return def
}

// oneOf is a scalar that must be one of the allowed values; def when absent.
func (v value) oneOf(def string, allowed ...string) string {
	s := v.str()
	if v.absent() {
		return def
	}
	if !slices.Contains(allowed, s) {
		v.failf("%q is not one of %s", s, strings.Join(allowed, ", "))
		return def
	}
	return s
}

// strs reads a list of scalars; a single scalar is a list of one.
func (v value) strs() []string {
	if v.absent() {
		return nil
	}
	if v.n.Kind == yaml.ScalarNode {
		return []string{v.n.Value}
	}
	var out []string
	v.each(func(item value) {
		if item.absent() {
			item.failf("expected a value, got null")
			return
		}
		out = append(out, item.str())
	})
	return out
}

// list reads a list whose items may be of any kind; a single item that is
// not a list is a list of one.
func (v value) list() []value {
	if v.absent() {
		return nil
	}
	if v.n.Kind != yaml.SequenceNode {
		return []value{v}
	}
	var out []value
	v.each(func(item value) {
		if item.absent() {
			item.failf("expected a value, got null")
			return
		}
		out = append(out, item)
	})
	return out
}

// items is strs with the value of each item, for errors that name one.
func (v value) items() []value {
	if v.absent() {
		return nil
	}
	if v.n.Kind == yaml.ScalarNode {
		return []value{v}
	}
	var out []value
	v.each(func(item value) {
		if item.absent() {
			item.failf("expected a value, got null")
			return
		}
		if item.scalar() {
			out = append(out, item)
		}
	})
	return out
}

// strMap reads a mapping of scalars (tags, environment variables). Null
// values are empty strings.
func (v value) strMap() map[string]string {
	if v.absent() {
		return nil
	}
	out := map[string]string{}
	v.entries(func(key string, val value) {
		out[key] = val.str()
	})
	return out
}
