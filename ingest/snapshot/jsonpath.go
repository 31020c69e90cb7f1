package snapshot

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// childPath appends an object key to a JSONPath, in dot form when the key
// is a plain identifier and in bracket form otherwise (ARNs, ids with dashes).
func childPath(parent, key string) string {
	if isPlainKey(key) {
		return parent + "." + key
	}
	return parent + "[" + strconv.Quote(key) + "]"
}

// isPlainKey reports whether a key is an identifier ([A-Za-z_][A-Za-z0-9_]*).
func isPlainKey(key string) bool {
	for i, c := range key {
		letter := c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return key != ""
}

// indexPath appends an array index to a JSONPath.
func indexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// pathFrame is one open container while scanning a document.
type pathFrame struct {
	array     bool
	index     int
	key       string
	expectKey bool
}

// pathAt returns the JSONPath, under root, of the value that ends at or
// spans byte offset off of data: encoding/json reports errors by offset,
// and a person needs the path. It re-scans the document, which only
// happens on the error path.
func pathAt(data []byte, off int64, root string) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []pathFrame
	current := root
	for {
		current = framesPath(root, stack)
		tok, err := dec.Token()
		if err != nil {
			return current
		}
		end := dec.InputOffset()
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if end >= off {
				return current
			}
			stack = append(stack, pathFrame{array: tok == json.Delim('['), expectKey: tok == json.Delim('{')})
			continue
		case json.Delim('}'), json.Delim(']'):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if end >= off {
				return framesPath(root, stack)
			}
			advance(stack)
			continue
		}
		if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].expectKey {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].expectKey = false
			continue
		}
		if end >= off {
			return current
		}
		advance(stack)
	}
}

// advance moves the innermost container past the value just read.
func advance(stack []pathFrame) {
	if n := len(stack); n > 0 {
		if stack[n-1].array {
			stack[n-1].index++
		} else {
			stack[n-1].expectKey = true
		}
	}
}

func framesPath(root string, stack []pathFrame) string {
	p := root
	for _, f := range stack {
		switch {
		case f.array:
			p = indexPath(p, f.index)
		case !f.expectKey:
			p = childPath(p, f.key)
		}
	}
	return p
}
