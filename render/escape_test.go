package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// hostileID and the strings around it are what an attacker who can name,
// tag or describe resources may put into AWS configuration.
const hostileID = `arn:aws:iam::111122223333:role/x"];evil->"y`

func hostileGraph(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	_, err := b.AddNode(graph.Node{ID: graph.InternetID, Kind: graph.KindInternet, Name: "internet"})
	require.NoError(t, err)
	_, err = b.AddNode(graph.Node{ID: hostileID, Kind: graph.KindRole, Name: "quote\" back\\slash {braces}\n\u202eevil",
		Account: `1"}`, VPC: "vpc\\x", Subnet: "sub\nnet"})
	require.NoError(t, err)
	require.NoError(t, b.AddEdge(graph.Edge{From: graph.InternetID, To: hostileID, Technique: `tech"nique\N`, Cost: 1,
		Explanation: "two\nlines & <b>markup</b> &#1; &nbsp; ]]> \\G",
		Evidence:    []graph.Evidence{{Kind: "tag", Source: "}; digraph x {", Detail: "\x00nul \x1b[31mred\x1b[0m \xff invalid"}},
		Remediation: "fix \"it\"\r\n"}))
	return b.Freeze()
}

func TestDOTString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "i-0waf", `"i-0waf"`},
		{"quote", `say "hi"`, `"say \"hi\""`},
		{"backslash stays literal for escString", `a\b \N \"`, `"a\\b \\N \\\""`},
		{"trailing backslash cannot eat the closing quote", `end\`, `"end\\"`},
		{"newline is a label line break", "one\ntwo", `"one\ntwo"`},
		{"braces and semicolons are plain inside quotes", `{x}; "a" -> "b"`, `"{x}; \"a\" -> \"b\""`},
		{"entities stay literal", "&#1; &amp;", `"&amp;#1; &amp;amp;"`},
		{"controls are shown, not sent", "a\x00b\x1bc\rd\te", `"a\\x00b\\x1bc\\rd\\te"`},
		{"bidi override is shown", "\u202eevil", `"\\u202eevil"`},
		{"invalid utf-8 is shown", "a\xffb", `"a\\xffb"`},
		{"unicode stays", "résumé → ✓", `"résumé → ✓"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, dotString(tt.in))
		})
	}
}

func TestDOTTooltip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "arn:aws:s3:::customer-data", `"arn:aws:s3:::customer-data"`},
		{"backslash survives both unescapings", `a\b \N`, `"a\\\\b \\\\N"`},
		{"quote", `"x"`, `"\"x\""`},
		{"newline is a line break", "one\ntwo", `"one\ntwo"`},
		{"entities stay literal", "&lt;", `"&amp;lt;"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, dotTooltip(tt.in))
		})
	}
}

func TestPrintableText(t *testing.T) {
	assert.Equal(t, `a\nb`, printable("a\nb", false))
	assert.Equal(t, "a\nb", printable("a\nb", true))
	assert.Equal(t, `\x85`+" \ufeff", printable("\u0085 \ufeff", false), "C1 controls are escaped, other format characters are not")
}

// unquoteDOT reads a string that dotString (backslash = `\\`) or dotTooltip
// (`\\\\`) wrote back the way DOT and then graphviz would, failing on
// anything graphviz would read differently from the literal text.
func unquoteDOT(q, backslash string) (string, bool) {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return "", false
	}
	var out []byte
	for i := 1; i < len(q)-1; i++ {
		switch c := q[i]; {
		case strings.HasPrefix(q[i:len(q)-1], backslash):
			out = append(out, '\\')
			i += len(backslash) - 1
		case c == '\\' && i+1 < len(q)-1:
			i++
			switch q[i] {
			case '"':
				out = append(out, q[i])
			case 'n':
				out = append(out, '\n')
			default:
				return "", false
			}
		case c == '&':
			if len(q)-1-i < 5 || q[i:i+5] != "&amp;" {
				return "", false
			}
			out = append(out, '&')
			i += 4
		case c == '"' || c == '\\' || c < 0x20 || c == 0x7f:
			return "", false
		default:
			out = append(out, c)
		}
	}
	return string(out), true
}

func FuzzDOTString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"`, `b\`, "n\n", "&#1;", "\x00", "\u202e", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for backslash, quote := range map[string]func(string) string{`\\`: dotString, `\\\\`: dotTooltip} {
			q := quote(s)
			require.True(t, utf8.ValidString(q), "valid UTF-8")
			got, ok := unquoteDOT(q, backslash)
			require.True(t, ok, "graphviz would not read %q literally", q)
			require.Equal(t, printable(s, true), got)
		}
		for _, r := range printable(s, true) {
			if r != '\n' {
				require.False(t, needsEscape(r), "raw %U", r)
			}
		}
	})
}
