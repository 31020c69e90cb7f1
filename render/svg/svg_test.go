package svg

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRender(t *testing.T) {
	out, err := Render([]byte(`digraph g { "internet" -> "i-0waf" [label="internet-ingress"]; }`))
	require.NoError(t, err)
	assert.Contains(t, string(out), "<svg")
	assert.Contains(t, string(out), "internet&#45;ingress")
}

func TestRenderRejectsBadDOTAndKeepsWorking(t *testing.T) {
	_, err := Render([]byte(`digraph { "unterminated `))
	require.Error(t, err)
	out, err := Render([]byte(`digraph g { a -> b; }`))
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(out), "</svg>"))
}
