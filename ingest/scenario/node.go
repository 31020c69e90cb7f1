package scenario

import (
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// maxVisits bounds the YAML nodes a decode may look at, so that aliases
// that expand exponentially (or refer to themselves) end in an error.
const maxVisits = 2_000_000

// value is one YAML node and the path that leads to it. A value whose node
// is nil is absent (or null); its line is that of the enclosing mapping, so
// that "missing field" errors point somewhere useful.
type value struct {
	d    *decoder
	n    *yaml.Node
	path string
	line int
	// keyLine is the line of the mapping key that holds this value.
	keyLine int
}

func (v value) absent() bool { return v.n == nil }

func (v value) failf(format string, args ...any) {
	v.d.fail(&Error{File: v.d.file, Line: v.line, Path: v.path, Msg: fmt.Sprintf(format, args...)})
}

// at builds the value of a child node, following aliases and treating an
// explicit null like an absent field.
func (v value) at(n *yaml.Node, path string) value {
	n = v.d.resolve(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null") {
		return value{d: v.d, path: path, line: v.line}
	}
	return value{d: v.d, n: n, path: path, line: n.Line}
}

// resolve follows alias nodes to what they name.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if hops > 100 {
			return nil
		}
		n = n.Alias
	}
	return n
}

// visit counts a node against maxVisits and reports whether decoding may go on.
func (v value) visit() bool {
	v.d.visits++
	if v.d.visits > maxVisits {
		v.failf("document too large or too deeply aliased")
		return false
	}
	return v.d.err == nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", abbreviate(n.Value))
}

// abbreviate shortens a value quoted in a message.
func abbreviate(s string) string {
	const max = 60
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

const yamlMapping = yaml.MappingNode

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// keyPath appends a mapping key to a path, quoting keys such as CIDRs.
func keyPath(path, key string) string {
	if !identifier.MatchString(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string { return path + "[" + itoa(i) + "]" }

func itoa(i int) string { return strconv.Itoa(i) }

// each calls fn for every item of a list. An absent value is an empty list.
func (v value) each(fn func(item value)) {
	if v.absent() || !v.visit() {
		return
	}
	if v.n.Kind != yaml.SequenceNode {
		v.failf("expected a list, got %s", kindName(v.n))
		return
	}
	for i, c := range v.n.Content {
		if v.d.err != nil {
			return
		}
		fn(v.at(c, indexPath(v.path, i)))
	}
}

// entries calls fn for every key of a mapping in the order written.
func (v value) entries(fn func(key string, val value)) {
	obj, ok := v.mapping()
	if !ok {
		return
	}
	for _, k := range obj.keys {
		if v.d.err != nil {
			return
		}
		fn(k, obj.fields[k])
	}
}
