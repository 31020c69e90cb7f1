package main

import (
	"bytes"
	"flag"
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// reachFlags are the flags that blast-radius, who-can-reach and
// chokepoints share.
type reachFlags struct {
	maxHops int
	assume  string
	format  string
	output  string
}

func (f *reachFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.maxHops, "max-hops", queries.DefaultMaxHops, "longest path, in hops")
	fs.StringVar(&f.assume, "assume", "", "attacker capabilities to grant, comma-separated: rce (code execution on hosts), latent (resources the estate does not show)")
	fs.StringVar(&f.format, "format", "table", "output format: table or json")
	fs.StringVar(&f.output, "o", "", "write the answer to this file instead of stdout")
}

// assumptions checks the shared flags and returns the assumptions granted.
func (f *reachFlags) assumptions() ([]graph.Assumption, error) {
	if f.format != "table" && f.format != "text" && f.format != "json" {
		return nil, fmt.Errorf("--format %q: want table or json", f.format)
	}
	if f.maxHops < 1 {
		return nil, fmt.Errorf("--max-hops must be at least 1")
	}
	q := queryFlags{limit: 1, maxHops: f.maxHops, assume: f.assume}
	opt, err := q.options()
	return opt.Assume, err
}

// requiredSelector parses the selector of a flag that has no default.
func requiredSelector(name, text, example string) (queries.Selector, error) {
	if text == "" {
		return queries.Selector{}, fmt.Errorf("--%s is required: a selector such as %s", name, example)
	}
	return flagSelector(name, text)
}

func flagSelector(name, text string) (queries.Selector, error) {
	sel, err := queries.ParseSelector(text)
	if err != nil {
		return queries.Selector{}, fmt.Errorf("--%s: %w", name, err)
	}
	return sel, nil
}

// sourcesGraph reads the sources and builds their attack graph.
func sourcesGraph(sources []string) (*graph.Graph, []string, error) {
	estate, err := loadSources(sources)
	if err != nil {
		return nil, nil, err
	}
	return analyse(estate)
}

func resolveFlag(g *graph.Graph, name string, sel queries.Selector) ([]graph.NodeIndex, error) {
	nodes, err := sel.Resolve(g)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", name, err)
	}
	return nodes, nil
}

// textOrJSON renders an answer as a table (text) or as JSON.
func textOrJSON(format string, text func(*bytes.Buffer), json func(*bytes.Buffer) error) ([]byte, error) {
	var buf bytes.Buffer
	if format == "json" {
		if err := json(&buf); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	text(&buf)
	return buf.Bytes(), nil
}
