package awsfake

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// The fake pages every list: a page holds pageSize items, and the token of
// the next page is opaque to the client, as AWS's are.

const tokenPrefix = "awsfake-page:"

// pageOf returns the page of items that starts where token says (at the
// start when token is "") and the token of the next page, "" after the
// last.
func pageOf(items []any, token string, size int) ([]any, string, *apiError) {
	start := 0
	if token != "" {
		n, ok := decodeToken(token)
		if !ok || n > len(items) {
			return nil, "", newError(400, "InvalidParameterValue", "invalid pagination token %q", token)
		}
		start = n
	}
	end := min(start+size, len(items))
	next := ""
	if end < len(items) {
		next = encodeToken(end)
	}
	return append([]any{}, items[start:end]...), next, nil
}

func encodeToken(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(tokenPrefix + strconv.Itoa(offset)))
}

func decodeToken(token string) (int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(raw), tokenPrefix))
	return n, err == nil && strings.HasPrefix(string(raw), tokenPrefix) && n >= 0
}

// withToken sets the output member that carries the next page's token,
// when there is one.
func withToken(out map[string]any, member, next string) map[string]any {
	if next != "" {
		out[member] = next
	}
	return out
}
