package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
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

// Parse parses a policy document given as JSON. It also accepts a
// URL-encoded document, as the IAM API returns them, and a JSON string that
// holds the document, as the CLI prints bucket and key policies.
func Parse(data []byte) (*Policy, error) {
	doc, err := unwrapDocument(data)
	if err != nil {
		return nil, err
	}
	var wire wirePolicy
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&wire); err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
	}
	p := &Policy{Version: wire.Version, ID: wire.ID, raw: append(json.RawMessage(nil), doc...),
		cache: &compileCache{}}
	if p.Version != "" && p.Version != "2012-10-17" && p.Version != "2008-10-17" {
		return nil, fmt.Errorf("policy document: Version %q is not 2012-10-17 or 2008-10-17", p.Version)
	}
	stmts, err := oneOrMany[json.RawMessage](wire.Statement)
	if err != nil {
		return nil, fmt.Errorf("policy document: Statement: %w", err)
	}
	if stmts == nil {
		return nil, fmt.Errorf("policy document: Statement is missing")
	}
	for i, raw := range stmts {
		s, err := parseStatement(raw)
		if err != nil {
			return nil, fmt.Errorf("policy document: Statement[%d]: %w", i, err)
		}
		s.Index = i
		p.Statements = append(p.Statements, s)
	}
	return p, nil
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

type wirePolicy struct {
	Version   string          `json:"Version"`
	ID        string          `json:"Id"`
	Statement json.RawMessage `json:"Statement"`
}

type wireStatement struct {
	Sid          json.RawMessage `json:"Sid"`
	Effect       string          `json:"Effect"`
	Principal    json.RawMessage `json:"Principal"`
	NotPrincipal json.RawMessage `json:"NotPrincipal"`
	Action       json.RawMessage `json:"Action"`
	NotAction    json.RawMessage `json:"NotAction"`
	Resource     json.RawMessage `json:"Resource"`
	NotResource  json.RawMessage `json:"NotResource"`
	Condition    json.RawMessage `json:"Condition"`
}

var statementKeys = map[string]bool{
	"Sid": true, "Effect": true, "Principal": true, "NotPrincipal": true, "Action": true,
	"NotAction": true, "Resource": true, "NotResource": true, "Condition": true,
}

func parseStatement(raw json.RawMessage) (Statement, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return Statement{}, fmt.Errorf("not an object: %w", err)
	}
	for k := range keys {
		if !statementKeys[k] {
			return Statement{}, fmt.Errorf("unknown element %q", k)
		}
	}
	var w wireStatement
	if err := json.Unmarshal(raw, &w); err != nil {
		return Statement{}, err
	}
	var s Statement
	var err error
	if s.Sid, err = parseSid(w.Sid); err != nil {
		return s, err
	}
	switch Effect(w.Effect) {
	case Allow, Deny:
		s.Effect = Effect(w.Effect)
	default:
		return s, fmt.Errorf("Effect %q is not Allow or Deny", w.Effect)
	}
	if err := parseElements(&s, w); err != nil {
		return s, err
	}
	return s, validateStatement(s)
}

func parseSid(raw json.RawMessage) (string, error) {
	if raw == nil {
		return "", nil
	}
	var sid string
	if err := json.Unmarshal(raw, &sid); err == nil {
		return sid, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("Sid must be a string")
}

func parseElements(s *Statement, w wireStatement) error {
	lists := []struct {
		name string
		raw  json.RawMessage
		dst  *[]string
	}{
		{"Action", w.Action, &s.Action}, {"NotAction", w.NotAction, &s.NotAction},
		{"Resource", w.Resource, &s.Resource}, {"NotResource", w.NotResource, &s.NotResource},
	}
	for _, l := range lists {
		v, err := stringList(l.raw)
		if err != nil {
			return fmt.Errorf("%s: %w", l.name, err)
		}
		*l.dst = v
	}
	var err error
	if s.Principal, err = parsePrincipals(w.Principal); err != nil {
		return fmt.Errorf("Principal: %w", err)
	}
	if s.NotPrincipal, err = parsePrincipals(w.NotPrincipal); err != nil {
		return fmt.Errorf("NotPrincipal: %w", err)
	}
	if s.Conditions, err = parseConditions(w.Condition); err != nil {
		return fmt.Errorf("Condition: %w", err)
	}
	return nil
}

func validateStatement(s Statement) error {
	switch {
	case s.Action == nil && s.NotAction == nil:
		return fmt.Errorf("one of Action or NotAction is required")
	case s.Action != nil && s.NotAction != nil:
		return fmt.Errorf("Action and NotAction cannot both be present")
	case s.Resource != nil && s.NotResource != nil:
		return fmt.Errorf("Resource and NotResource cannot both be present")
	case s.Principal != nil && s.NotPrincipal != nil:
		return fmt.Errorf("Principal and NotPrincipal cannot both be present")
	}
	return nil
}

func parsePrincipals(raw json.RawMessage) (*Principals, error) {
	if raw == nil {
		return nil, nil
	}
	var star string
	if err := json.Unmarshal(raw, &star); err == nil {
		if star != "*" {
			return nil, fmt.Errorf("a string principal must be \"*\", got %q", star)
		}
		return &Principals{Wildcard: true}, nil
	}
	var byType map[string]json.RawMessage
	if err := json.Unmarshal(raw, &byType); err != nil {
		return nil, fmt.Errorf("must be \"*\" or an object of principal types")
	}
	p := &Principals{ByType: map[string][]string{}}
	for typ, vals := range byType {
		switch typ {
		case "AWS", "Service", "Federated", "CanonicalUser":
		default:
			return nil, fmt.Errorf("unknown principal type %q", typ)
		}
		list, err := stringList(vals)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", typ, err)
		}
		sort.Strings(list)
		p.ByType[typ] = list
	}
	return p, nil
}

func parseConditions(raw json.RawMessage) ([]Condition, error) {
	if raw == nil {
		return nil, nil
	}
	var block map[string]map[string]json.RawMessage
	if err := json.Unmarshal(raw, &block); err != nil {
		return nil, fmt.Errorf("must be an object of operators, each an object of keys")
	}
	var out []Condition
	for op, keys := range block {
		for key, vals := range keys {
			list, err := scalarList(vals)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", op, key, err)
			}
			out = append(out, Condition{Operator: op, Key: key, Values: list})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Operator != out[j].Operator {
			return out[i].Operator < out[j].Operator
		}
		return strings.ToLower(out[i].Key) < strings.ToLower(out[j].Key)
	})
	return out, nil
}

// stringList decodes a string-or-list element; nil input means absent.
func stringList(raw json.RawMessage) ([]string, error) {
	if raw == nil {
		return nil, nil
	}
	return oneOrManyStrings(raw, false)
}

// scalarList decodes condition values, where AWS accepts numbers and
// booleans as well as strings.
func scalarList(raw json.RawMessage) ([]string, error) {
	return oneOrManyStrings(raw, true)
}

func oneOrManyStrings(raw json.RawMessage, scalars bool) ([]string, error) {
	items, err := oneOrMany[json.RawMessage](raw)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, err := scalarString(it, scalars)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func scalarString(raw json.RawMessage, scalars bool) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	if scalars {
		var n json.Number
		if err := json.Unmarshal(raw, &n); err == nil {
			return n.String(), nil
		}
		var b bool
		if err := json.Unmarshal(raw, &b); err == nil {
			return fmt.Sprint(b), nil
		}
	}
	return "", fmt.Errorf("expected a string or a list of strings, got %s", abbreviate(raw))
}

func oneOrMany[T any](raw json.RawMessage) ([]T, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil, nil
	}
	if trimmed[0] == '[' {
		var list []T
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return nil, err
		}
		if list == nil {
			list = []T{}
		}
		return list, nil
	}
	var one T
	if err := json.Unmarshal(trimmed, &one); err != nil {
		return nil, err
	}
	return []T{one}, nil
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
