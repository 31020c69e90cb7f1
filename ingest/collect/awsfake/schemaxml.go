package awsfake

import (
	"fmt"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
)

// The query protocols (awsQuery) write an output as XML shaped by the
// output's Smithy schema, which the SDK clients of IAM, STS, ELBv2 and RDS
// carry: an element per member named by the member (or its @xmlName),
// lists wrapped with an element per item named "member" (or the item's
// @xmlName) unless @xmlFlattened, maps as entry/key/value.

// writeSchemaStruct writes the members of v that the schema has as child
// elements, in name order. Keys the schema does not have are left out: the
// SDK would not read them, so AWS does not send them either.
func writeSchemaStruct(b *xmlWriter, schema *smithy.Schema, v map[string]any) error {
	for _, name := range sortedKeys(v) {
		m := schema.Member(name)
		if m == nil || v[name] == nil {
			continue
		}
		if _, attr := smithy.SchemaTrait[*traits.XMLAttribute](m); attr {
			continue
		}
		if err := writeSchemaValue(b, m, xmlName(m, name), v[name]); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func xmlName(s *smithy.Schema, otherwise string) string {
	if t, ok := smithy.SchemaDirectTrait[*traits.XMLName](s); ok {
		return t.Name
	}
	return otherwise
}

func writeSchemaValue(b *xmlWriter, s *smithy.Schema, name string, v any) error {
	_, flat := smithy.SchemaTrait[*traits.XMLFlattened](s)
	switch s.Type() {
	case smithy.ShapeTypeList, smithy.ShapeTypeSet:
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%v is not a list", v)
		}
		return writeSchemaList(b, s.ListMember(), name, items, flat)
	case smithy.ShapeTypeMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%v is not an object", v)
		}
		return writeSchemaMap(b, s, name, obj, flat)
	case smithy.ShapeTypeStructure, smithy.ShapeTypeUnion:
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%v is not an object", v)
		}
		b.open(name)
		err := writeSchemaStruct(b, s, obj)
		b.close(name)
		return err
	case smithy.ShapeTypeTimestamp:
		t, err := timestampText(v, timestampFormat(s, "date-time"))
		b.leaf(name, t)
		return err
	}
	t, err := scalarText(v)
	b.leaf(name, t)
	return err
}

func writeSchemaList(b *xmlWriter, item *smithy.Schema, name string, items []any, flat bool) error {
	itemName := xmlName(item, "member")
	if flat {
		itemName = name
	} else {
		b.open(name)
		defer b.close(name)
	}
	for i, it := range items {
		if it == nil {
			continue
		}
		if err := writeSchemaValue(b, item, itemName, it); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

func writeSchemaMap(b *xmlWriter, s *smithy.Schema, name string, obj map[string]any, flat bool) error {
	entry, keyName, valueName := "entry", xmlName(s.MapKey(), "key"), xmlName(s.MapValue(), "value")
	if flat {
		entry = name
	} else {
		b.open(name)
		defer b.close(name)
	}
	for _, k := range sortedKeys(obj) {
		b.open(entry)
		b.leaf(keyName, k)
		if err := writeSchemaValue(b, s.MapValue(), valueName, obj[k]); err != nil {
			return fmt.Errorf("[%q]: %w", k, err)
		}
		b.close(entry)
	}
	return nil
}

func timestampFormat(s *smithy.Schema, otherwise string) string {
	if t, ok := smithy.SchemaTrait[*traits.TimestampFormat](s); ok {
		return t.Format
	}
	return otherwise
}
