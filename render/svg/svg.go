package svg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// graphvizMu serialises Render: go-graphviz runs every call in one shared
// WebAssembly module, which is not safe for concurrent use.
var graphvizMu sync.Mutex

// Render lays out a DOT graph (as render.WriteDOT writes it) with graphviz's dot
// engine and returns the SVG document. Calls are serialised. The graphviz
// context is created on each call and freed before it returns: creating it
// costs about a millisecond next to the layout, and nothing outlives the
// call. go-graphviz keeps some WebAssembly memory after every render even
// so (about 100 KB for a small graph; goccy/go-graphviz issue #111), which
// a command that draws once does not notice but a long-running server would.
func Render(dot []byte) ([]byte, error) {
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	ctx := context.Background()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	defer func() {
		// Close always frees the context. Its error is not about closing:
		// graphviz returns the number of errors the process has ever
		// seen (agerrors() is sticky), so after one bad DOT every later
		// Close would fail. Errors of this call surface from parse and
		// render instead.
		_ = gv.Close()
	}()
	return renderSVG(ctx, gv, dot)
}

func renderSVG(ctx context.Context, gv *graphviz.Graphviz, dot []byte) (out []byte, err error) {
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parse dot: %w", err)
	}
	if g == nil {
		return nil, errors.New("parse dot: no graph")
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close dot graph: %w", cerr)
		}
	}()
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("render svg: %w", err)
	}
	return buf.Bytes(), nil
}
