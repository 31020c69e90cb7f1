package awsfake

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// scalarText is a scalar snapshot value as XML text: strings, enums and
// base64 blobs as they are, numbers as written, booleans as true/false.
func scalarText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return "", fmt.Errorf("%v is not a scalar", v)
}

// timestampText is a snapshot timestamp in the given Smithy format.
func timestampText(v any, format string) (string, error) {
	t, err := parseTimestamp(v)
	if err != nil {
		return "", err
	}
	return formatTimestamp(t, format), nil
}

// positive reads a request's limit or offset.
func positive(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}
