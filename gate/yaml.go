package gate

import (
	"fmt"
	"github.com/pathfinder-sec/pathfinder/internal/yamlerr"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// maxVisits bounds the YAML nodes one policy may make the reader visit, so
// that no arrangement of aliases can make reading a small file a long job.
const maxVisits = 100_000

// reader walks a policy's YAML nodes. Its error is sticky: the first one
// is kept and later reads return zero values, so that the readers stay
// short and the error reported is the first one met.
type reader struct {
	file   string
	err    error
	visits int
}

// field is one value of a YAML mapping, with where it is written.
type field struct {
	key  *yaml.Node
	val  *yaml.Node
	path string
}

func (r *reader) failAt(line int, path, format string, args ...any) {
	if r.err == nil {
		r.err = &PolicyError{File: r.file, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)}
	}
}

// resolve follows aliases and counts the visit.
func (r *reader) resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode; depth++ {
		if depth > 100 {
			r.failAt(n.Line, "", "aliases nested too deeply")
			return nil
		}
		n = n.Alias
	}
	r.visits++
	if r.visits > maxVisits && r.err == nil {
		r.failAt(0, "", "the policy expands to more than %d YAML nodes (aliases?)", maxVisits)
	}
	return n
}

// isNull reports whether a value is missing: no node, or `~`, `null` or an
// empty value.
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// fields are the values of a mapping by key. A key written without a value
// (`to:` or `to: ~`) is held with a nil val, so that need can tell "no
// value" from "no key".
type fields map[string]field

// opt returns a field that may be missing; ok only when it has a value. A
// key written without a value is an error: an empty `expires:` must not
// read as "never expires".
func (r *reader) opt(m fields, key string) (field, bool) {
	f, ok := m[key]
	if ok && f.val == nil {
		r.failAt(f.key.Line, f.path, "no value given")
	}
	return f, ok && f.val != nil && r.err == nil
}

// get returns a field, with a nil val when it is missing or empty.
func (m fields) get(key string) field { return m[key] }

// mapping reads a mapping that may hold only the known keys.
func (r *reader) mapping(n *yaml.Node, path string, known ...string) fields {
	n = r.resolve(n)
	if r.err != nil || n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.failAt(n.Line, path, "want a mapping, got %s", describe(n))
		return nil
	}
	out := make(fields, len(n.Content)/2)
	firstLine := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := r.resolve(n.Content[i])
		if r.err != nil {
			return nil
		}
		if k.Kind != yaml.ScalarNode {
			r.failAt(k.Line, path, "mapping keys must be plain strings")
			return nil
		}
		if k.Tag == "!!merge" {
			r.failAt(k.Line, path, "merge keys (<<) are not supported in policy files")
			return nil
		}
		if !slices.Contains(known, k.Value) {
			r.failAt(k.Line, path, "unknown field %q%s", k.Value, yamlerr.Suggest(k.Value, known))
			return nil
		}
		if first, dup := firstLine[k.Value]; dup {
			r.failAt(k.Line, path, "duplicate field %q (first on line %d)", k.Value, first)
			return nil
		}
		firstLine[k.Value] = k.Line
		f := field{key: k, path: join(path, k.Value)}
		if v := r.resolve(n.Content[i+1]); !isNull(v) {
			f.val = v
		}
		out[k.Value] = f
	}
	return out
}

// need returns a field that must be present; line and path are those of
// the mapping that should hold it.
func (r *reader) need(m fields, key string, line int, path string) (field, bool) {
	f, ok := m[key]
	switch {
	case r.err != nil || m == nil:
		return field{}, false
	case !ok:
		r.failAt(line, path, "missing required field %q", key)
	case f.val == nil:
		r.failAt(f.key.Line, f.path, "no value given")
	}
	return f, ok && f.val != nil
}

// sequence reads a list; a missing value is an empty list.
func (r *reader) sequence(f field) []*yaml.Node {
	if r.err != nil || f.val == nil {
		return nil
	}
	if f.val.Kind != yaml.SequenceNode {
		r.failAt(f.val.Line, f.path, "want a list, got %s", describe(f.val))
		return nil
	}
	return f.val.Content
}

// str reads a scalar as text; YAML numbers and dates keep their spelling.
func (r *reader) str(f field) string {
	if r.err != nil || f.val == nil {
		return ""
	}
	if f.val.Kind != yaml.ScalarNode {
		r.failAt(f.val.Line, f.path, "want a string, got %s", describe(f.val))
		return ""
	}
	return f.val.Value
}

// intIn reads a whole number from lo to hi.
func (r *reader) intIn(f field, lo, hi int) int {
	s := r.str(f)
	if r.err != nil || f.val == nil {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || f.val.Tag != "!!int" || n < lo || n > hi {
		r.failAt(f.val.Line, f.path, "want a whole number from %d to %d, got %q", lo, hi, s)
		return 0
	}
	return n
}

// stringList reads a list of strings, or one string (a list of one).
func (r *reader) stringList(f field) []string {
	if r.err != nil || f.val == nil {
		return nil
	}
	if f.val.Kind == yaml.ScalarNode {
		return []string{f.val.Value}
	}
	var out []string
	for i, n := range r.sequence(f) {
		item := field{val: r.resolve(n), path: fmt.Sprintf("%s[%d]", f.path, i)}
		out = append(out, r.str(item))
	}
	return out
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
