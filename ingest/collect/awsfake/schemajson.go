package awsfake

import (
	"encoding/json"
	"fmt"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
)

// The JSON protocols write an output as the snapshot holds it, shaped by
// the output's Smithy schema: members the schema does not have are left
// out, and timestamps, which the CLI prints as ISO 8601, go on the wire as
// epoch seconds (or as the member's @timestampFormat says). restJson1
// names members by their @jsonName.

func schemaJSON(s *smithy.Schema, v any, useJSONName bool) (any, error) {
	switch s.Type() {
	case smithy.ShapeTypeStructure, smithy.ShapeTypeUnion:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%v is not an object", v)
		}
		out := map[string]any{}
		for _, name := range sortedKeys(obj) {
			m := s.Member(name)
			if m == nil || obj[name] == nil {
				continue
			}
			key := name
			if jn, ok := smithy.SchemaTrait[*traits.JSONName](m); ok && useJSONName {
				key = jn.Name
			}
			val, err := schemaJSON(m, obj[name], useJSONName)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			out[key] = val
		}
		return out, nil
	case smithy.ShapeTypeList, smithy.ShapeTypeSet:
		items, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%v is not a list", v)
		}
		out := make([]any, 0, len(items))
		for i, it := range items {
			val, err := schemaJSON(s.ListMember(), it, useJSONName)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out = append(out, val)
		}
		return out, nil
	case smithy.ShapeTypeMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%v is not an object", v)
		}
		out := map[string]any{}
		for k, it := range obj {
			val, err := schemaJSON(s.MapValue(), it, useJSONName)
			if err != nil {
				return nil, fmt.Errorf("[%q]: %w", k, err)
			}
			out[k] = val
		}
		return out, nil
	case smithy.ShapeTypeTimestamp:
		format := timestampFormat(s, "epoch-seconds")
		t, err := timestampText(v, format)
		if format == "epoch-seconds" {
			return json.Number(t), err
		}
		return t, err
	}
	return v, nil
}
