package main

import (
	"fmt"
	"io"
)

func runPaths(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("paths", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder paths SOURCE... [--from SEL] [--to SEL] [--limit N] [--max-hops N] [--assume rce] [--format table|json|dot|svg] [-o FILE]")
		fmt.Fprintln(stderr, "\nSOURCE is a scenario file (.yaml) or a snapshot directory; several are merged.")
		fs.PrintDefaults()
	}
	var q queryFlags
	q.register(fs, "table")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
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
	return exitOK
}
