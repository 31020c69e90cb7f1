package scenario

import (
	"fmt"
	"github.com/pathfinder-sec/pathfinder/internal/yamlerr"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// object is a YAML mapping whose keys have been checked: no duplicates, and
// (for schema objects) none outside the known set. Merge keys (<<) are
// applied: explicit keys win over merged ones.
type object struct {
	v      value
	keys   []string
	fields map[string]value
}

// object reads a mapping that may hold only the given keys, and keys that
// start with "x-", which a scenario may use to hold YAML anchors.
func (v value) object(known ...string) object {
	o, ok := v.mapping()
	if !ok {
		return o
	}
	for _, k := range o.keys {
		if !slices.Contains(known, k) && !strings.HasPrefix(k, "x-") {
			msg := fmt.Sprintf("unknown field %q%s", k, yamlerr.Suggest(k, known))
			v.d.fail(&Error{File: v.d.file, Line: o.fields[k].keyLine, Path: v.path, Msg: msg})
			break
		}
	}
	return o
}

// mapping reads any mapping; the keys are free (tags, environment, routes).
func (v value) mapping() (object, bool) {
	o := object{v: v, fields: map[string]value{}}
	if v.absent() || !v.visit() {
		return o, false
	}
	if v.n.Kind != yaml.MappingNode {
		v.failf("expected a mapping, got %s", kindName(v.n))
		return o, false
	}
	o.collect(v.n, 0)
	return o, v.d.err == nil
}

// collect adds the keys of n that o does not hold yet; merged mappings are
// collected after the explicit keys, so explicit keys win.
func (o *object) collect(n *yaml.Node, depth int) {
	if depth > 20 {
		o.v.failf("merge keys nested too deeply")
		return
	}
	var merges []*yaml.Node
	explicit := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := o.v.d.resolve(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			o.v.at(n.Content[i], o.v.path).failf("mapping keys must be plain strings")
			return
		}
		if k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0) {
			merges = append(merges, val)
			continue
		}
		if first, dup := explicit[k.Value]; dup {
			o.v.d.fail(&Error{File: o.v.d.file, Line: k.Line, Path: o.v.path,
				Msg: fmt.Sprintf("duplicate field %q (first on line %d)", k.Value, first)})
			return
		}
		explicit[k.Value] = k.Line
		if _, seen := o.fields[k.Value]; seen {
			continue // set by the mapping that merged this one
		}
		child := o.v.at(val, keyPath(o.v.path, k.Value))
		if child.absent() {
			child.line = k.Line
		}
		child.keyLine = k.Line
		o.keys = append(o.keys, k.Value)
		o.fields[k.Value] = child
	}
	for _, m := range merges {
		o.merge(m, depth)
	}
}

func (o *object) merge(n *yaml.Node, depth int) {
	n = o.v.d.resolve(n)
	if n == nil || !o.v.visit() {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		o.collect(n, depth+1)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			o.merge(c, depth+1)
		}
	default:
		o.v.at(n, o.v.path).failf("a merge key (<<) must name a mapping")
	}
}

// get returns a field; absent when the key is missing or null.
func (o object) get(key string) value {
	if f, ok := o.fields[key]; ok {
		return f
	}
	return value{d: o.v.d, path: keyPath(o.v.path, key), line: o.v.line}
}

func (o object) has(key string) bool { return !o.get(key).absent() }

// need returns a field that must be present.
func (o object) need(key string) value {
	f := o.get(key)
	if f.absent() && o.v.d.err == nil && !o.v.absent() {
		o.v.failf("missing required field %q", key)
	}
	return f
}

// exclusive fails when more than one of the keys is present, at the one
// written last.
func (o object) exclusive(keys ...string) {
	var set []string
	for _, k := range o.keys {
		if slices.Contains(keys, k) && o.has(k) {
			set = append(set, k)
		}
	}
	if len(set) > 1 {
		o.get(set[1]).failf("%q and %q cannot both be set", set[0], set[1])
	}
}
