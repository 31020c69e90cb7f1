package awsfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
)

// A snapshot file is held as the tree encoding/json decodes into any, with
// numbers kept as json.Number so that they go back on the wire as written.

// readTree reads one JSON file whose top level is an object.
func readTree(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("read %s: data after the top-level value", path)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("read %s: the top level is not an object", path)
	}
	return obj, nil
}

// object is v as a JSON object, or nil.
func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// list is v as a JSON array, or nil.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// text is v as a JSON string, or "".
func text(v any) string {
	s, _ := v.(string)
	return s
}

// without copies m leaving keys out: the snapshot merges the answers of
// several calls into one object, and each call answers only its part.
func without(m map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

// project maps f over the objects of items.
func project(items []any, f func(map[string]any) map[string]any) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, f(object(it)))
	}
	return out
}

// findItem returns the first object of items whose field key equals one of
// the values.
func findItem(items []any, key string, values ...string) map[string]any {
	for _, it := range items {
		obj := object(it)
		for _, v := range values {
			if v != "" && text(obj[key]) == v {
				return obj
			}
		}
	}
	return nil
}

// sortedKeys returns m's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
