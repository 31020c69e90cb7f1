package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
	"github.com/pathfinder-sec/pathfinder/render"
)

// defaultDiffLimit is how many paths of each side diff compares: more than
// paths shows, since a diff is about the whole set.
const defaultDiffLimit = 100

func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("diff", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder diff OLD NEW [--from SEL] [--to SEL] [--limit N] [--max-hops N] [--assume rce] [--format text|json] [-o FILE]")
		fmt.Fprintln(stderr, "\nOLD and NEW are each a scenario file or a snapshot directory. Lists the paths that NEW")
		fmt.Fprintln(stderr, "has and OLD has not (added), and the other way round (removed), by fingerprint.")
		fs.PrintDefaults()
	}
	var q queryFlags
	q.register(fs, "text")
	fs.Lookup("limit").DefValue = fmt.Sprint(defaultDiffLimit)
	q.limit = defaultDiffLimit
	fs.Lookup("format").Usage = "output format: text or json"
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if len(sources) != 2 {
		return fail(stderr, fmt.Errorf("diff takes two sources, OLD and NEW; got %d", len(sources)))
	}
	if q.format != "text" && q.format != "json" {
		return fail(stderr, fmt.Errorf("--format %q: want text or json", q.format))
	}
	d, err := diff(sources[0], sources[1], &q)
	if err != nil {
		return fail(stderr, err)
	}
	var buf bytes.Buffer
	if q.format == "json" {
		err = render.WriteDiffJSON(&buf, d, sources[0], sources[1])
	} else {
		render.WriteDiffText(&buf, d, sources[0], sources[1])
	}
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(q.output, stdout, buf.Bytes()); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// diff builds both graphs, each from its own source, and compares the
// query's paths on them.
func diff(oldPath, newPath string, q *queryFlags) (*gate.Diff, error) {
	opt, err := q.options()
	if err != nil {
		return nil, err
	}
	from, err := queries.ParseSelector(q.from)
	if err != nil {
		return nil, fmt.Errorf("--from: %w", err)
	}
	to, err := queries.ParseSelector(q.to)
	if err != nil {
		return nil, fmt.Errorf("--to: %w", err)
	}
	oldGraph, err := graphOf(oldPath)
	if err != nil {
		return nil, err
	}
	newGraph, err := graphOf(newPath)
	if err != nil {
		return nil, err
	}
	return gate.Compare(oldGraph, newGraph, gate.DiffQuery{From: from, To: to, Options: opt})
}

// graphOf builds the attack graph of one source. Its warnings are not
// shown: a diff reports the paths that changed, not the state of either.
func graphOf(source string) (*graph.Graph, error) {
	estate, err := loadSources([]string{source})
	if err != nil {
		return nil, err
	}
	g, _, err := analyse(estate)
	return g, err
}
