package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// Limits on one policy document written in YAML. AWS's largest documents
// (key policies) are 32 KB, far below these.
const (
	maxDocumentBytes = 1 << 20
	maxDocumentDepth = 64
)

// document reads a policy document written as a YAML mapping (AWS policy
// JSON as YAML) or as a string of JSON, and parses it with iam.Parse.
func (v value) document() *iam.Policy {
	if v.absent() || !v.visit() {
		return nil
	}
	var raw []byte
	if v.n.Kind == yaml.ScalarNode {
		raw = []byte(v.n.Value)
	} else {
		var buf bytes.Buffer
		if err := v.d.writeJSON(&buf, v.n, 0); err != nil {
			v.failf("policy document: %v", err)
			return nil
		}
		raw = buf.Bytes()
	}
	p, err := iam.Parse(raw)
	if err != nil {
		v.failf("invalid policy: %v", err)
		return nil
	}
	// iam.Parse reads the first JSON value and ignores what follows it; the
	// Estate serialises the document as kept, so it must be JSON alone.
	if !json.Valid(p.Raw()) {
		v.failf("invalid policy: the document is not valid JSON (is there text after it?)")
		return nil
	}
	return p
}

// writeJSON writes a YAML node as JSON, keeping the key order. Every
// scalar becomes a JSON string of its text as written (policy values are
// strings; condition numbers and booleans compare as their text), except
// null. This keeps an unquoted account id such as 012345678901 intact.
func (d *decoder) writeJSON(buf *bytes.Buffer, n *yaml.Node, depth int) error {
	n = d.resolve(n)
	d.visits++
	switch {
	case n == nil:
		return fmt.Errorf("broken alias")
	case depth > maxDocumentDepth:
		return fmt.Errorf("nested more than %d levels deep", maxDocumentDepth)
	case buf.Len() > maxDocumentBytes || d.visits > maxVisits:
		return fmt.Errorf("larger than %d bytes", maxDocumentBytes)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return d.writeObject(buf, n, depth)
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := d.writeJSON(buf, c, depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			buf.WriteString("null")
			return nil
		}
		writeString(buf, n.Value)
		return nil
	}
	return fmt.Errorf("unexpected YAML node on line %d", n.Line)
}

func (d *decoder) writeObject(buf *bytes.Buffer, n *yaml.Node, depth int) error {
	buf.WriteByte('{')
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.resolve(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			return fmt.Errorf("keys must be plain strings")
		}
		if k.Tag == "!!merge" {
			return fmt.Errorf("merge keys (<<) are not supported in policy documents (line %d)", k.Line)
		}
		if seen[k.Value] {
			return fmt.Errorf("duplicate key %q on line %d", k.Value, k.Line)
		}
		seen[k.Value] = true
		if i > 0 {
			buf.WriteByte(',')
		}
		writeString(buf, k.Value)
		buf.WriteByte(':')
		if err := d.writeJSON(buf, n.Content[i+1], depth+1); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// writeString writes s as a JSON string without HTML escaping, so that
// documents read as written.
func writeString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Truncate(buf.Len() - 1)
}
