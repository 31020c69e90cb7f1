package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Parse parses a policy document given as JSON. It also accepts a
// URL-encoded document, as the IAM API returns them, and a JSON string that
// holds the document, as the CLI prints bucket and key policies.
//
// The document is decoded once into a generic tree and the elements are
// read from it: decoding each element again from raw JSON costs several
// passes over the text, and estates hold tens of thousands of policies.
func Parse(data []byte) (*Policy, error) {
	doc, err := unwrapDocument(data)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("policy document: unexpected text after the JSON object")
	}
	obj, ok := tree.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("policy document must be a JSON object, got %s", abbreviate(doc))
	}
	p := &Policy{raw: append(json.RawMessage(nil), doc...), cache: &compileCache{}}
	if p.Version, err = optionalString(obj, "Version"); err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
	}
	if p.ID, err = optionalString(obj, "Id"); err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
	}
	if p.Version != "" && p.Version != "2012-10-17" && p.Version != "2008-10-17" {
		return nil, fmt.Errorf("policy document: Version %q is not 2012-10-17 or 2008-10-17", p.Version)
	}
	stmts, err := statementList(obj["Statement"])
	if err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
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

func optionalString(obj map[string]any, key string) (string, error) {
	switch v := obj[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", fmt.Errorf("%s must be a string", key)
}

func statementList(v any) ([]any, error) {
	switch v := v.(type) {
	case nil:
		return nil, fmt.Errorf("Statement is missing")
	case map[string]any:
		return []any{v}, nil
	case []any:
		return v, nil
	}
	// Any other single value is a one-statement list whose statement is
	// then rejected as not an object, naming its index.
	return []any{v}, nil
}

var statementKeys = map[string]bool{
	"Sid": true, "Effect": true, "Principal": true, "NotPrincipal": true, "Action": true,
	"NotAction": true, "Resource": true, "NotResource": true, "Condition": true,
}

func parseStatement(v any) (Statement, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return Statement{}, fmt.Errorf("not an object: %w", notAnObject(v))
	}
	if unknown := unknownKeys(obj); len(unknown) > 0 {
		return Statement{}, fmt.Errorf("unknown element %q", unknown[0])
	}
	var s Statement
	var err error
	if s.Sid, err = parseSid(obj["Sid"]); err != nil {
		return s, err
	}
	effect, _ := obj["Effect"].(string)
	if _, isString := obj["Effect"].(string); !isString && obj["Effect"] != nil {
		return s, fmt.Errorf("Effect must be a string")
	}
	switch Effect(effect) {
	case Allow, Deny:
		s.Effect = Effect(effect)
	default:
		return s, fmt.Errorf("Effect %q is not Allow or Deny", effect)
	}
	if err := parseElements(&s, obj); err != nil {
		return s, err
	}
	return s, validateStatement(s)
}

// unknownKeys lists a statement's unknown elements, sorted so the error
// names the same one every time.
func unknownKeys(obj map[string]any) []string {
	var out []string
	for k := range obj {
		if !statementKeys[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func parseSid(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	}
	return "", fmt.Errorf("Sid must be a string")
}

func parseElements(s *Statement, obj map[string]any) error {
	lists := []struct {
		name string
		dst  *[]string
	}{
		{"Action", &s.Action}, {"NotAction", &s.NotAction},
		{"Resource", &s.Resource}, {"NotResource", &s.NotResource},
	}
	for _, l := range lists {
		v, err := stringList(obj[l.name])
		if err != nil {
			return fmt.Errorf("%s: %w", l.name, err)
		}
		*l.dst = v
	}
	var err error
	if s.Principal, err = parsePrincipals(obj["Principal"]); err != nil {
		return fmt.Errorf("Principal: %w", err)
	}
	if s.NotPrincipal, err = parsePrincipals(obj["NotPrincipal"]); err != nil {
		return fmt.Errorf("NotPrincipal: %w", err)
	}
	if s.Conditions, err = parseConditions(obj["Condition"]); err != nil {
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
