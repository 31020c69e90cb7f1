package collect

import (
	"encoding/base64"
	"reflect"
	"sort"
	"time"
)

// encode turns an SDK value into the JSON tree the AWS CLI prints for it.
// The SDK's structures carry the API model's member names, so the tree is
// built by reflection:
//   - a nil pointer, slice or map is a member the response did not hold and
//     is left out; an empty but non-nil list is printed as [] (the SDK's
//     deserializers keep that difference);
//   - enums are plain string types, so an empty one is absent too;
//   - timestamps are ISO 8601 in UTC with the CLI's "+00:00" suffix;
//   - ResultMetadata and unexported fields are not part of the model.
//
// A value that is wholly absent encodes as nil (JSON null).
func encode(v any) any {
	out, _ := encodeValue(reflect.ValueOf(v))
	return out
}

// encodeList encodes the elements of a slice; the result is never nil, so
// an empty list prints as [].
func encodeList[T any](items []T) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, encode(it))
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()

// encodeValue returns the encoded value and whether it is present.
func encodeValue(v reflect.Value) (any, bool) {
	if !v.IsValid() {
		return nil, false
	}
	if v.Type() == timeType {
		return formatTime(v.Interface().(time.Time)), true
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, false
		}
		return encodeValue(v.Elem())
	case reflect.Struct:
		return encodeStruct(v), true
	case reflect.Slice:
		if v.IsNil() {
			return nil, false
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes()), true
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i], _ = encodeValue(v.Index(i))
		}
		return out, true
	case reflect.Map:
		if v.IsNil() {
			return nil, false
		}
		return encodeMap(v), true
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint(), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	}
	return nil, false
}

func encodeStruct(v reflect.Value) *object {
	o := newObject()
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		field := v.Field(i)
		if field.Kind() == reflect.String && field.Len() == 0 {
			continue // an enum member the response did not hold
		}
		if val, ok := encodeValue(field); ok {
			o.set(f.Name, val)
		}
	}
	return o
}

func encodeMap(v reflect.Value) *object {
	keys := make([]string, 0, v.Len())
	vals := make(map[string]any, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		k := iter.Key().String()
		keys = append(keys, k)
		vals[k], _ = encodeValue(iter.Value())
	}
	sort.Strings(keys)
	return keyed(keys, vals)
}

// formatTime prints a timestamp as the CLI does (Python's isoformat of a
// UTC datetime): seconds, microseconds only when there are any, "+00:00".
// JSON protocols send epoch seconds as floats, so the value is rounded to
// the microsecond first.
func formatTime(t time.Time) string {
	t = t.UTC().Round(time.Microsecond)
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05+00:00")
	}
	return t.Format("2006-01-02T15:04:05.000000+00:00")
}
