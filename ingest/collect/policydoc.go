package collect

import (
	"encoding/json"
	"net/url"
	"strings"
)

// policyDocumentMembers are the members of IAM's responses that hold a
// policy document. The IAM API returns documents URL-encoded (RFC 3986);
// the CLI decodes them into JSON objects, and the snapshot holds objects.
var policyDocumentMembers = map[string]bool{
	"PolicyDocument":           true,
	"AssumeRolePolicyDocument": true,
	"Document":                 true,
}

// decodePolicyDocuments replaces, anywhere in an encoded tree, the string
// value of a policy document member with the JSON document it encodes. A
// value that does not decode to JSON stays a string, as the CLI leaves it.
func decodePolicyDocuments(v any) any {
	switch v := v.(type) {
	case *object:
		for _, k := range v.keys {
			val := v.vals[k]
			if s, ok := val.(string); ok && policyDocumentMembers[k] {
				v.vals[k] = decodePolicyDocument(s)
				continue
			}
			v.vals[k] = decodePolicyDocuments(val)
		}
	case []any:
		for i, e := range v {
			v[i] = decodePolicyDocuments(e)
		}
	}
	return v
}

func decodePolicyDocument(s string) any {
	// PathUnescape, not QueryUnescape: a "+" in a document is a plus sign.
	decoded, err := url.PathUnescape(s)
	if err != nil || !strings.HasPrefix(strings.TrimSpace(decoded), "{") || !json.Valid([]byte(decoded)) {
		return s
	}
	return json.RawMessage(decoded)
}
