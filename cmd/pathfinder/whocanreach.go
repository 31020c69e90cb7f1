package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/queries"
	"github.com/pathfinder-sec/pathfinder/render"
)

// runWhoCanReach lists who can reach a target: entry points, principals and
// compute nodes (or, with --all, every node), cheapest first.
func runWhoCanReach(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("who-can-reach", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder who-can-reach SOURCE... --to SEL [--all] [--max-hops N] [--assume rce,latent] [--format table|json] [-o FILE]")
		fmt.Fprintln(stderr, "\nLists the entry points (internet), principals (users, roles) and compute nodes (instances, functions)")
		fmt.Fprintln(stderr, "that can reach SEL, cheapest first, each with its path to the nearest target.")
		fs.PrintDefaults()
	}
	to := fs.String("to", "", "the target: a selector (tag:data-classification=pii, admin, an ARN, kind:K)")
	all := fs.Bool("all", false, "list every node that can reach a target, metadata endpoints, load balancers and data stores too")
	var f reachFlags
	f.register(fs)
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := whoCanReach(sources, *to, *all, &f)
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(f.output, stdout, out); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

func whoCanReach(sources []string, to string, all bool, f *reachFlags) ([]byte, error) {
	assume, err := f.assumptions()
	if err != nil {
		return nil, err
	}
	sel, err := requiredSelector("to", to, "tag:data-classification=pii or admin")
	if err != nil {
		return nil, err
	}
	g, warnings, err := sourcesGraph(sources)
	if err != nil {
		return nil, err
	}
	targets, err := resolveFlag(g, "to", sel)
	if err != nil {
		return nil, err
	}
	r := queries.WhoCanReach(g, targets, queries.ReachOptions{MaxHops: f.maxHops, Assume: assume})
	listed := r.Actors()
	if all {
		listed = r.Nodes()
	}
	q := render.ReachQuery{Selector: to, Nodes: targets, MaxHops: f.maxHops, Assume: assume}
	return textOrJSON(f.format,
		func(buf *bytes.Buffer) { render.WriteWhoCanReachText(buf, g, q, r, listed, warnings) },
		func(buf *bytes.Buffer) error {
			return render.WriteWhoCanReachJSON(buf, render.NewWhoCanReachAnswer(g, q, r, listed, warnings))
		})
}
