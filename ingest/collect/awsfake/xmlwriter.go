package awsfake

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

// xmlWriter builds an XML response body.
type xmlWriter struct{ bytes.Buffer }

func newXMLWriter() *xmlWriter {
	b := &xmlWriter{}
	b.WriteString(xml.Header)
	return b
}

// open writes a start tag; xmlns, when given, is its default namespace.
func (b *xmlWriter) open(name string, xmlns ...string) {
	if len(xmlns) > 0 && xmlns[0] != "" {
		fmt.Fprintf(b, "<%s xmlns=%q>", name, xmlns[0])
		return
	}
	fmt.Fprintf(b, "<%s>", name)
}

func (b *xmlWriter) close(name string) { fmt.Fprintf(b, "</%s>", name) }

// leaf writes an element holding only text.
func (b *xmlWriter) leaf(name, text string) {
	fmt.Fprintf(b, "<%s>%s</%s>", name, escapeXML(text), name)
}

// send writes the body as the response.
func (b *xmlWriter) send(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

func escapeXML(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s))
	return sb.String()
}
