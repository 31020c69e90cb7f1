package awsfake

import (
	"fmt"
	"reflect"
	"time"
	"unicode"
	"unicode/utf8"
)

// The SDK clients of EC2 and S3 carry no schemas, so their outputs are
// written following the SDK's Go types, with the element names that the
// API models give members where they differ from the field names
// (wirenames.go, generated from the SDK's deserialisers).

//go:generate go run gen_wirenames.go

// wireNames are the element names of one API's output shapes, keyed by
// Go type and field ("Reservation.Instances").
type wireNames struct {
	elements  map[string]string
	items     map[string]string
	flattened map[string]bool
}

// reflectXML writes snapshot values as the XML of one API.
type reflectXML struct {
	names wireNames
	// item names a list's items where names do not: EC2's "item".
	item string
	// lowerFirst: EC2 names elements in lowerCamelCase.
	lowerFirst bool
}

var (
	ec2XML = reflectXML{names: ec2WireNames, item: "item", lowerFirst: true}
	s3XML  = reflectXML{names: s3WireNames, item: "member"}
	timeT  = reflect.TypeOf(time.Time{})
)

// writeStruct writes the fields of v that the Go struct type t has as
// child elements, in name order; keys t does not have are left out.
func (x reflectXML) writeStruct(b *xmlWriter, t reflect.Type, v map[string]any) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, key := range sortedKeys(v) {
		f, ok := t.FieldByName(key)
		if !ok || !f.IsExported() || v[key] == nil {
			continue
		}
		qualified := t.Name() + "." + key
		if err := x.writeValue(b, qualified, x.elementName(qualified, key), f.Type, v[key]); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return nil
}

func (x reflectXML) elementName(qualified, field string) string {
	if name, ok := x.names.elements[qualified]; ok {
		return name
	}
	if x.lowerFirst {
		r, size := utf8.DecodeRuneInString(field)
		return string(unicode.ToLower(r)) + field[size:]
	}
	return field
}

func (x reflectXML) writeValue(b *xmlWriter, qualified, name string, t reflect.Type, v any) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeT:
		s, err := timestampText(v, "date-time")
		b.leaf(name, s)
		return err
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%v is not a list", v)
		}
		return x.writeList(b, qualified, name, t.Elem(), items)
	case t.Kind() == reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%v is not an object", v)
		}
		b.open(name)
		err := x.writeStruct(b, t, obj)
		b.close(name)
		return err
	case t.Kind() == reflect.Map:
		return fmt.Errorf("%s is a map, which these outputs do not hold", t)
	}
	s, err := scalarText(v)
	b.leaf(name, s)
	return err
}

func (x reflectXML) writeList(b *xmlWriter, qualified, name string, elem reflect.Type, items []any) error {
	itemName := x.item
	if n, ok := x.names.items[qualified]; ok {
		itemName = n
	}
	if x.names.flattened[qualified] {
		itemName = name
	} else {
		b.open(name)
		defer b.close(name)
	}
	for i, it := range items {
		if it == nil {
			continue
		}
		if err := x.writeValue(b, "", itemName, elem, it); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}
