package collect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// object is a JSON object that keeps its members in the order they were
// set: the SDK structure's field order, then members merged in by the
// collector (as the jq merges of docs/snapshot.md append them). Files are
// therefore deterministic without sorting the keys of AWS's objects.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object {
	return &object{vals: map[string]any{}}
}

// set adds or replaces a member and returns the object, for chaining.
func (o *object) set(key string, v any) *object {
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
	return o
}

func (o *object) get(key string) (any, bool) {
	v, ok := o.vals[key]
	return v, ok
}

// keyed builds an object from per-item entries, in the order of keys.
func keyed(keys []string, vals map[string]any) *object {
	o := newObject()
	for _, k := range keys {
		if v, ok := vals[k]; ok {
			o.set(k, v)
		}
	}
	return o
}

// byKey builds a per-item file: results[i] under keys[i], leaving out the
// items that have no result (nothing to say, or the call failed).
func byKey(keys []string, results []any) *object {
	o := newObject()
	for i, k := range keys {
		if results[i] != nil {
			o.set(k, results[i])
		}
	}
	return o
}

// marshalFile renders a value as the CLI prints it: indented by four
// spaces, no HTML escaping, a final newline.
func marshalFile(v any) ([]byte, error) {
	var compact bytes.Buffer
	if err := writeJSON(&compact, v); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", "    "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func writeJSON(buf *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case *object:
		buf.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(buf, k)
			buf.WriteByte(':')
			if err := writeJSON(buf, v.vals[k]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case []any:
		buf.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, e); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return writeJSON(buf, keyed(keys, v))
	case string:
		writeString(buf, v)
	case json.RawMessage:
		if err := json.Compact(buf, v); err != nil {
			return fmt.Errorf("embedded document: %w", err)
		}
	default:
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		buf.Write(data)
	}
	return nil
}

// writeString writes a JSON string without escaping <, > and &, as the CLI
// prints policy documents and descriptions.
func writeString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Truncate(buf.Len() - 1)
}
