package iam

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseForms(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":{"Sid":1,"Effect":"Allow","Action":"s3:GetObject","Resource":["a","b"],
		"Principal":{"AWS":["b-arn","a-arn"]},"Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}}`
	for name, data := range map[string]string{
		"object":      doc,
		"json string": jsonText(doc),
		"url encoded": "%7B%22Statement%22%3A%7B%22Sid%22%3A1%2C%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%5B%22a%22%2C%22b%22%5D%2C%22Principal%22%3A%7B%22AWS%22%3A%5B%22b-arn%22%2C%22a-arn%22%5D%7D%2C%22Condition%22%3A%7B%22NumericLessThan%22%3A%7B%22s3%3Amax-keys%22%3A10%7D%2C%22Bool%22%3A%7B%22aws%3ASecureTransport%22%3Atrue%7D%7D%7D%7D",
	} {
		t.Run(name, func(t *testing.T) {
			p, err := Parse([]byte(data))
			require.NoError(t, err)
			require.Len(t, p.Statements, 1)
			s := p.Statements[0]
			assert.Equal(t, "1", s.Sid)
			assert.Equal(t, []string{"s3:GetObject"}, s.Action, "a single string is a one-element list")
			assert.Equal(t, []string{"a", "b"}, s.Resource)
			assert.Equal(t, []string{"a-arn", "b-arn"}, s.Principal.ByType["AWS"], "principal values are sorted")
			assert.Equal(t, []Condition{
				{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
				{Operator: "NumericLessThan", Key: "s3:max-keys", Values: []string{"10"}},
			}, s.Conditions, "numbers and booleans are read as their text, blocks sorted")
		})
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]struct{ doc, want string }{
		"empty":              {``, "policy document is empty"},
		"not an object":      {`[1]`, "must be a JSON object"},
		"bad version":        {`{"Version":"2020-01-01","Statement":[]}`, `Version "2020-01-01"`},
		"no statement":       {`{"Version":"2012-10-17"}`, "Statement is missing"},
		"unknown element":    {`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Actions":"x"}]}`, `Statement[0]: unknown element "Actions"`},
		"bad effect":         {`{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}`, `Effect "allow"`},
		"no action":          {`{"Statement":[{"Effect":"Allow","Resource":"*"}]}`, "one of Action or NotAction"},
		"action and not":     {`{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}]}`, "Action and NotAction"},
		"resource and not":   {`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}]}`, "Resource and NotResource"},
		"principal string":   {`{"Statement":[{"Effect":"Allow","Action":"*","Principal":"arn:aws:iam::1:root"}]}`, `must be "*"`},
		"principal type":     {`{"Statement":[{"Effect":"Allow","Action":"*","Principal":{"User":"x"}}]}`, `unknown principal type "User"`},
		"action not strings": {`{"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]}`, "expected a string"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`
	var holder struct {
		P *Policy `json:"p"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"p":`+doc+`}`), &holder))
	out, err := json.Marshal(holder)
	require.NoError(t, err)
	assert.JSONEq(t, `{"p":`+doc+`}`, string(out))
	// A policy that sat in JSON evaluates like a parsed one (it is compiled
	// and cached on first use).
	d, err := Evaluate(get(user(alice), object), PolicySet{Identity: []Attached{{Name: "p", Type: IdentityPolicy, Policy: holder.P}}})
	require.NoError(t, err)
	assert.Equal(t, Allowed, d.Outcome)
}

func TestHandBuiltPolicyEvaluates(t *testing.T) {
	p := &Policy{Version: "2012-10-17", Statements: []Statement{{Effect: Allow, Action: []string{"s3:GetObject"}, Resource: []string{"*"}}}}
	require.NoError(t, p.Compile())
	d, err := Evaluate(get(user(alice), object), PolicySet{Identity: []Attached{{Name: "hand", Type: IdentityPolicy, Policy: p}}})
	require.NoError(t, err)
	assert.Equal(t, Allowed, d.Outcome)
}
