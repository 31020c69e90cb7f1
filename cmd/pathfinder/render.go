package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// runRender draws the paths of a query (by default internet → crown
// jewels) to a file whose extension picks the format: .svg or .dot.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("render", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder render SOURCE... -o FILE.svg|FILE.dot [--from SEL] [--to SEL] [--limit N] [--max-hops N] [--assume rce]")
		fs.PrintDefaults()
	}
	var q queryFlags
	q.register(fs, "")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if q.output == "" {
		return fail(stderr, fmt.Errorf("render needs -o FILE.svg or -o FILE.dot"))
	}
	if q.format == "" {
		q.format = strings.TrimPrefix(strings.ToLower(filepath.Ext(q.output)), ".")
	}
	if q.format != "svg" && q.format != "dot" {
		return fail(stderr, fmt.Errorf("render writes svg or dot, not %q: name the file .svg or .dot", q.format))
	}
	estate, err := loadSources(sources)
	if err != nil {
		return fail(stderr, err)
	}
	ans, err := runQuery(estate, &q)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := ans.format(q.format)
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(q.output, stdout, out); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stderr, "wrote %s (%d paths)\n", q.output, len(ans.paths))
	return exitOK
}
