package iam

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Readers for the elements of a statement, from the generic tree Parse
// decodes a document into.

func parsePrincipals(v any) (*Principals, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		if v != "*" {
			return nil, fmt.Errorf("a string principal must be \"*\", got %q", v)
		}
		return &Principals{Wildcard: true}, nil
	case map[string]any:
		p := &Principals{ByType: map[string][]string{}}
		for typ, vals := range v {
			switch typ {
			case "AWS", "Service", "Federated", "CanonicalUser":
			default:
				return nil, fmt.Errorf("unknown principal type %q", typ)
			}
			list, err := stringList(vals)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", typ, err)
			}
			if list == nil {
				list = []string{}
			}
			sort.Strings(list)
			p.ByType[typ] = list
		}
		return p, nil
	}
	return nil, fmt.Errorf("must be \"*\" or an object of principal types")
}

func parseConditions(v any) ([]Condition, error) {
	if v == nil {
		return nil, nil
	}
	block, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("must be an object of operators, each an object of keys")
	}
	var out []Condition
	for op, keysValue := range block {
		if keysValue == nil {
			continue
		}
		keys, ok := keysValue.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("must be an object of operators, each an object of keys")
		}
		for key, vals := range keys {
			list, err := scalarList(vals)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", op, key, err)
			}
			out = append(out, Condition{Operator: op, Key: key, Values: list})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Operator != out[j].Operator {
			return out[i].Operator < out[j].Operator
		}
		return strings.ToLower(out[i].Key) < strings.ToLower(out[j].Key)
	})
	return out, nil
}

// stringList decodes a string-or-list element; nil (absent or null) means
// absent, an empty list is present and empty.
func stringList(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, it := range v {
			s, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("expected a string or a list of strings, got %s", abbreviateValue(it))
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a string or a list of strings, got %s", abbreviateValue(v))
}

// scalarList decodes condition values, where AWS accepts numbers and
// booleans as well as strings.
func scalarList(v any) ([]string, error) {
	items, ok := v.([]any)
	if !ok {
		if v == nil {
			return []string{}, nil
		}
		items = []any{v}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		switch it := it.(type) {
		case string:
			out = append(out, it)
		case json.Number:
			out = append(out, it.String())
		case bool:
			out = append(out, fmt.Sprint(it))
		default:
			return nil, fmt.Errorf("expected a string or a list of strings, got %s", abbreviateValue(it))
		}
	}
	return out, nil
}

func abbreviateValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return abbreviate(b)
}

// notAnObject is the decoding error for a statement that is not a JSON
// object, worded as encoding/json words it.
func notAnObject(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	return fmt.Errorf("got %s", abbreviate(b))
}
