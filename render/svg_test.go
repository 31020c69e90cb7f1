package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"github.com/pathfinder-sec/pathfinder/render/svg"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// svgDoc is what a browser would read from an SVG document: its root
// element, the text it shows and the tooltips it offers.
type svgDoc struct {
	root     string
	texts    []string
	tooltips []string
}

func parseSVG(t *testing.T, svg []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "SVG must be well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			if doc.root == "" {
				doc.root = tok.Name.Local
			}
			inText = tok.Name.Local == "text"
			for _, a := range tok.Attr {
				if a.Name.Local == "title" {
					doc.tooltips = append(doc.tooltips, a.Value)
				}
			}
		case xml.CharData:
			if inText {
				doc.texts = append(doc.texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return doc
}

func drawPaths(t *testing.T, g *graph.Graph, paths []queries.Path) svgDoc {
	t.Helper()
	var dot bytes.Buffer
	require.NoError(t, WriteDOT(&dot, g, paths, DOTOptions{Title: "attack paths"}))
	svg, err := svg.Render(dot.Bytes())
	require.NoError(t, err)
	return parseSVG(t, svg)
}

func TestSVG(t *testing.T) {
	g := estateGraph(t)
	doc := drawPaths(t, g, estatePaths(t, g))
	assert.Equal(t, "svg", doc.root)
	for _, text := range []string{"attack paths", "account 111122223333", "vpc vpc-0prod", "subnet subnet-0pub",
		"internet", "i-0waf", "i-0waf imds", "waf-role", "app-role", "customer-data", "db-password", "entry point", "target",
		"internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read", "s3-read + kms-decrypt", "secretsmanager-read"} {
		assert.Contains(t, doc.texts, text)
	}
	assert.Contains(t, doc.tooltips, bucket, "node tooltip is its id")
	assert.Contains(t, doc.tooltips, strings.Join(hopLines(g.Edge(estatePaths(t, g)[0].Edges[1])), "\n"),
		"edge tooltip is the explanation and evidence, one per line")
}

func TestSVGWithoutPaths(t *testing.T) {
	doc := drawPaths(t, estateGraph(t), nil)
	assert.Equal(t, "svg", doc.root)
	assert.Equal(t, []string{"attack paths", "no path found"}, doc.texts)
}

func TestSVGKeepsHostileStringsLiteral(t *testing.T) {
	g := hostileGraph(t)
	doc := drawPaths(t, g, []queries.Path{pathOf(t, g, graph.InternetID, hostileID)})
	assert.Equal(t, "svg", doc.root)
	for _, text := range []string{`quote" back\slash {braces}`, `\u202eevil`, `tech"nique\N`, `account 1"}`, `vpc vpc\x`, `subnet sub`} {
		assert.Contains(t, doc.texts, text)
	}
	assert.Contains(t, doc.tooltips, hostileID)
	assert.Contains(t, doc.tooltips, "two\nlines & <b>markup</b> &#1; &nbsp; ]]> \\G\n"+
		`- tag }; digraph x {: \x00nul \x1b[31mred\x1b[0m \xff invalid`+"\n"+`fix: fix "it"\r`+"\n")
}

func TestSVGBadDOT(t *testing.T) {
	for name, dot := range map[string]string{
		"empty":        "",
		"syntax error": "digraph { a -> ",
		"not dot":      "<svg/>",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := svg.Render([]byte(dot))
			assert.Error(t, err)
		})
	}
	svg, err := svg.Render([]byte(`digraph { "a" -> "b" }`))
	require.NoError(t, err, "graphviz still works after bad input")
	assert.Equal(t, "svg", parseSVG(t, svg).root)
}

func TestSVGConcurrentCalls(t *testing.T) {
	g := estateGraph(t)
	var dot bytes.Buffer
	require.NoError(t, WriteDOT(&dot, g, estatePaths(t, g), DOTOptions{}))
	want, err := svg.Render(dot.Bytes())
	require.NoError(t, err)

	const callers = 4
	got := make([][]byte, callers)
	errs := make([]error, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() { got[i], errs[i] = svg.Render(dot.Bytes()) })
	}
	wg.Wait()
	for i := range callers {
		require.NoError(t, errs[i])
		assert.Equal(t, string(want), string(got[i]), "same DOT, same SVG, whoever calls")
	}
}
