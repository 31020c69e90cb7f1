package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// paginationKeys appear when a command printed one page only.
var paginationKeys = map[string]bool{
	"Marker": true, "IsTruncated": true, "NextToken": true, "NextMarker": true,
	"ContinuationToken": true, "NextContinuationToken": true,
}

// decodeObject decodes the JSON object in data into dst, a pointer to a
// struct whose json tags are the keys the command prints at the top level,
// then runs the validators of everything decoded. Only the top level
// rejects unknown keys: AWS adds fields inside objects over time, and a
// newer CLI must not break loading. root is the JSONPath of data.
func decodeObject(file string, data []byte, root string, dst any) error {
	if err := expectObject(file, data, root); err != nil {
		return err
	}
	target := reflect.ValueOf(dst).Elem()
	fieldIndex := topLevelKeys(target.Type())
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the opening brace
		return syntaxError(file, data, root, err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return syntaxError(file, data, root, err)
		}
		key, _ := tok.(string)
		index, ok := fieldIndex[key]
		if !ok {
			return fileError(file, childPath(root, key), unknownKey(key, fieldIndex))
		}
		// The decoder counts offsets from just after the colon.
		base := int64(bytes.IndexByte(data[dec.InputOffset():], ':')) + dec.InputOffset() + 1
		if err := dec.Decode(target.Field(index).Addr().Interface()); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				te.Offset += base
				return typeError(file, data, root, te)
			}
			return syntaxError(file, data, root, err)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return syntaxError(file, data, root, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return syntaxError(file, data, root, errors.New("unexpected data after the top-level object"))
	}
	return validateDecoded(file, dst, root)
}

// decodeKeyed decodes an object keyed by AWS ids (a target group ARN, an
// instance id), each value one command's output, as merged per-item files
// are. checkKey says whether a key has the right form; each decodes one
// value. Keys are visited in sorted order.
func decodeKeyed(file string, data []byte, checkKey func(string) error, each func(key, path string, raw json.RawMessage) error) error {
	if err := expectObject(file, data, "$"); err != nil {
		return err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return syntaxError(file, data, "$", err)
	}
	for _, key := range sortedKeys(members) {
		path := childPath("$", key)
		if err := checkKey(key); err != nil {
			return fileError(file, path, err)
		}
		if err := each(key, path, members[key]); err != nil {
			return err
		}
	}
	return nil
}

// expectObject checks that data is one JSON object.
func expectObject(file string, data []byte, root string) error {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return fileError(file, root, errors.New("empty file: expected a JSON object"))
	case trimmed[0] == '{':
		return nil
	case !json.Valid(trimmed):
		return syntaxError(file, data, root, errors.New("not JSON"))
	}
	return fileError(file, root, fmt.Errorf("expected a JSON object, got %s", jsonValueKind(trimmed[0])))
}

func jsonValueKind(first byte) string {
	switch first {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func validateDecoded(file string, dst any, root string) error {
	if err := validate(reflect.ValueOf(dst), root); err != nil {
		var ve *validationError
		if errors.As(err, &ve) {
			return fileError(file, ve.path, ve.err)
		}
		return fileError(file, root, err)
	}
	return nil
}

var keyCache sync.Map // reflect.Type → map[string]int

// topLevelKeys maps the json names of a file struct's fields to their
// indexes.
func topLevelKeys(t reflect.Type) map[string]int {
	if keys, ok := keyCache.Load(t); ok {
		return keys.(map[string]int)
	}
	keys := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		keys[jsonName(t.Field(i))] = i
	}
	keyCache.Store(t, keys)
	return keys
}

// typeError turns an encoding/json error into one that names the JSON path.
func typeError(file string, raw []byte, root string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fileError(file, pathAt(raw, te.Offset, root), fmt.Errorf("expected %s, got %s", jsonKind(te.Type), te.Value))
	}
	return syntaxError(file, raw, root, err)
}

// syntaxError locates a syntax error in data, checking the document as a
// whole so that the offset is within data.
func syntaxError(file string, data []byte, root string, err error) error {
	var whole json.RawMessage
	if werr := json.Unmarshal(data, &whole); werr != nil {
		err = werr
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fileError(file, pathAt(data, se.Offset, root), fmt.Errorf("malformed JSON at byte %d: %v", se.Offset, se))
	}
	return fileError(file, root, fmt.Errorf("malformed JSON: %w", err))
}

// jsonKind names a Go type the way a JSON reader thinks of it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return t.String()
}

func unknownKey(key string, allowed map[string]int) error {
	if paginationKeys[key] {
		return fmt.Errorf("unknown key %q: the output holds one page only; let the CLI paginate (no --no-paginate, --max-items) so all pages are merged", key)
	}
	known := make([]string, 0, len(allowed))
	for k := range allowed {
		known = append(known, k)
	}
	sort.Strings(known)
	return fmt.Errorf("unknown key %q (expected %s)", key, strings.Join(known, ", "))
}
