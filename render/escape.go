package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printable replaces what could corrupt or disguise output with visible
// escapes: control characters (which can drive a terminal, and which XML
// forbids), bidirectional overrides (which can make text read differently
// from what it is), the XML non-characters U+FFFE/U+FFFF, and invalid
// UTF-8. Strings in a graph come from AWS configuration an attacker may
// write (tags, Sids, names), so nothing is printed raw. A newline is kept
// when keepNewline is set, for formats that give it a meaning.
func printable(s string, keepNewline bool) string {
	if isPlain(s) {
		return s
	}
	var sb strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&sb, `\x%02x`, s[i])
		case r == '\n' && keepNewline:
			sb.WriteRune(r)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\r':
			sb.WriteString(`\r`)
		case r == '\t':
			sb.WriteString(`\t`)
		case needsEscape(r) && r < 0x100:
			fmt.Fprintf(&sb, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&sb, `\u%04x`, r)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func isPlain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r == '\n' || needsEscape(r) {
			return false
		}
	}
	return true
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == 0xFFFE || r == 0xFFFF
}

// dotString quotes s as a DOT string for an id or a label. Inside quotes
// DOT itself only reads \" (and keeps \\ as two characters), but graphviz
// then reads labels as escString (\n, \l, \N, ...) and as text with HTML
// entities, so a backslash is doubled and '&' becomes &amp; to keep every
// string literal: an "&#1;" in a tag value must not become a control
// character in the SVG, nor a "\N" the node's name.
func dotString(s string) string { return dotQuote(s, `\\`) }

// dotTooltip quotes s as a tooltip. Graphviz unescapes tooltips twice (once
// as escString, once while substituting \N, \G, ...), so a literal
// backslash takes four; measured with graphviz 12.1.2 as go-graphviz embeds
// it, and pinned by TestSVGKeepsHostileStringsLiteral.
func dotTooltip(s string) string { return dotQuote(s, `\\\\`) }

func dotQuote(s, backslash string) string {
	s = printable(s, true)
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	sb.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(backslash)
		case '\n':
			sb.WriteString(`\n`)
		case '&':
			sb.WriteString("&amp;")
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}
