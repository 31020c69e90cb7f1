package awsfake

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// IAM's GetAccountAuthorizationDetails answers policy documents as
// URL-encoded JSON strings; the CLI decodes them into objects, which is how
// a snapshot holds them (a URL-encoded or a JSON string is accepted too).

var policyDocumentKeys = map[string]bool{"PolicyDocument": true, "AssumeRolePolicyDocument": true, "Document": true}

// urlEncodePolicies copies v with every policy document URL-encoded.
func urlEncodePolicies(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			if policyDocumentKeys[k] && val != nil {
				out[k] = urlEncodedDocument(val)
			} else {
				out[k] = urlEncodePolicies(val)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = urlEncodePolicies(val)
		}
		return out
	}
	return v
}

// urlEncodedDocument percent-encodes a document as RFC 3986 does (a space
// is %20), as IAM does.
func urlEncodedDocument(v any) string {
	doc, isString := v.(string)
	if isString && strings.HasPrefix(strings.ToUpper(doc), "%7B") {
		return doc
	}
	if !isString {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v) // a decoded JSON tree always encodes
		doc = strings.TrimSpace(b.String())
	}
	return strings.ReplaceAll(url.QueryEscape(doc), "+", "%20")
}
