package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
)

// Effect is a statement's Effect element.
type Effect string

// The two effects a statement may have.
const (
	Allow Effect = "Allow"
	Deny  Effect = "Deny"
)

// Policy is a parsed policy document. It keeps the document it was parsed
// from, so an Estate that holds policies serialises them unchanged.
type Policy struct {
	Version    string
	ID         string
	Statements []Statement
	raw        json.RawMessage
	// cache holds the compiled form, built once on first evaluation. A
	// Policy is immutable once parsed, so sharing it between goroutines
	// is safe.
	cache *compileCache
}

// Statement is one element of a policy's Statement list. A nil slice or
// pointer means the element is absent, which differs from an empty one.
type Statement struct {
	Index        int
	Sid          string
	Effect       Effect
	Principal    *Principals
	NotPrincipal *Principals
	Action       []string
	NotAction    []string
	Resource     []string
	NotResource  []string
	Conditions   []Condition
}

// Principals is a Principal or NotPrincipal element. Wildcard is set for
// "Principal": "*", which matches every principal, including anonymous ones.
type Principals struct {
	Wildcard bool
	// ByType maps a principal type (AWS, Service, Federated, CanonicalUser)
	// to its values, sorted.
	ByType map[string][]string
}

// Condition is one operator/key pair of a Condition block with its values.
type Condition struct {
	Operator string
	Key      string
	Values   []string
}

// MustParse parses a document known to be valid, such as an embedded one,
// and panics otherwise.
func MustParse(doc string) *Policy {
	p, err := Parse([]byte(doc))
	if err != nil {
		panic(err)
	}
	return p
}

// Raw returns the document the policy was parsed from.
func (p *Policy) Raw() json.RawMessage { return p.raw }

// MarshalJSON writes the document the policy was parsed from.
func (p *Policy) MarshalJSON() ([]byte, error) {
	if p == nil || p.raw == nil {
		return []byte("null"), nil
	}
	return p.raw, nil
}

// UnmarshalJSON parses a document, so that a Policy can sit in any JSON type.
func (p *Policy) UnmarshalJSON(b []byte) error {
	parsed, err := Parse(b)
	if err != nil {
		return err
	}
	*p = *parsed
	return nil
}

// unwrapDocument turns the forms a policy document arrives in into its JSON
// object: a JSON string that holds the document, or URL-encoded JSON.
func unwrapDocument(data []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("policy document is empty")
	}
	if trimmed[0] == '"' {
		var inner string
		if err := json.Unmarshal(trimmed, &inner); err != nil {
			return nil, fmt.Errorf("policy document string: %w", err)
		}
		return unwrapDocument([]byte(inner))
	}
	if trimmed[0] == '%' {
		decoded, err := url.QueryUnescape(string(trimmed))
		if err != nil {
			return nil, fmt.Errorf("URL-encoded policy document: %w", err)
		}
		return []byte(decoded), nil
	}
	if trimmed[0] != '{' {
		return nil, fmt.Errorf("policy document must be a JSON object, got %s", abbreviate(trimmed))
	}
	return trimmed, nil
}

func abbreviate(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}
