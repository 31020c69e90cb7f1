package main

import (
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder"
	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
)

// runDemo analyses the embedded Capital One replica: it prints the attack
// paths from the internet to the crown jewels with their explanations and
// draws them to capital-one.svg.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("demo", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder demo [-o capital-one.svg] [--format table|json]")
		fs.PrintDefaults()
	}
	svgPath := fs.String("o", "capital-one.svg", "where to draw the paths (SVG); empty for none")
	format := fs.String("format", "table", "how to print the paths: table or json")
	if _, err := parseArgs(fs, args); err != nil {
		return fail(stderr, err)
	}
	estate, err := scenario.Parse(pathfinder.CapitalOneName, pathfinder.CapitalOne)
	if err != nil {
		return fail(stderr, fmt.Errorf("embedded example: %w", err))
	}
	if err := estate.ResolveAWSManaged(); err != nil {
		return fail(stderr, err)
	}
	q := queryFlags{from: "internet", to: defaultTo, limit: 10, maxHops: 12}
	ans, err := runQuery(estate, &q)
	if err != nil {
		return fail(stderr, err)
	}
	ans.title = "Capital One 2019 replica: " + ans.title
	fmt.Fprintln(stdout, "pathfinder demo: the Capital One 2019 breach, replicated (testdata/scenarios/capital-one.yaml)")
	fmt.Fprintln(stdout)
	text, err := ans.format(*format)
	if err != nil {
		return fail(stderr, err)
	}
	if _, err := stdout.Write(text); err != nil {
		return fail(stderr, err)
	}
	if *svgPath == "" {
		return exitOK
	}
	svg, err := ans.format("svg")
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(*svgPath, stdout, svg); err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stderr, "wrote %s\n", *svgPath)
	return exitOK
}
