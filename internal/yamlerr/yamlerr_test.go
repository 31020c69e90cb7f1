package yamlerr

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.yaml.in/yaml/v3"
)

func TestErrorForms(t *testing.T) {
	assert.Equal(t, "a.yaml:3: rules[0].deny: unknown field", (&Error{File: "a.yaml", Line: 3, Path: "rules[0].deny", Msg: "unknown field"}).Error())
	assert.Equal(t, "a.yaml:3: bad", (&Error{File: "a.yaml", Line: 3, Msg: "bad"}).Error())
	assert.Equal(t, "a.yaml: x: bad", (&Error{File: "a.yaml", Path: "x", Msg: "bad"}).Error())
	assert.Equal(t, "a.yaml: bad", (&Error{File: "a.yaml", Msg: "bad"}).Error())
}

// TestSyntaxLines checks that syntax errors carry the line an editor shows,
// whether the YAML library's scanner (one-based) or parser (zero-based)
// found them.
func TestSyntaxLines(t *testing.T) {
	tests := []struct {
		doc  string
		line int
	}{
		{"a: 1\nb: [1, 2\nc: 3\n", 2}, // the line of the unclosed bracket
		{"a: 1\nb: \"unterminated\n", 2},
		{"a:\n  - 1\n b: 2\n", 3},
	}
	for _, tt := range tests {
		var v any
		err := yaml.Unmarshal([]byte(tt.doc), &v)
		if !assert.Error(t, err, tt.doc) {
			continue
		}
		e := Syntax("f.yaml", err)
		assert.Equal(t, tt.line, e.Line, "%q: %v", tt.doc, err)
		assert.Contains(t, e.Msg, "invalid YAML: ")
	}
	assert.Equal(t, &Error{File: "f.yaml", Msg: "invalid YAML: boom"}, Syntax("f.yaml", errors.New("boom")))
}

func TestSuggest(t *testing.T) {
	known := []string{"security_groups", "subnet", "tags"}
	assert.Equal(t, ` (did you mean "security_groups"?)`, Suggest("secuirty_groups", known))
	assert.Equal(t, ` (did you mean "subnet"?)`, Suggest("Subnet", known))
	assert.Equal(t, "", Suggest("nothing_alike", known))
}
