package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/queries"
	"github.com/pathfinder-sec/pathfinder/render"
)

// runBlastRadius lists everything a foothold reaches: a leaked key (the
// user's ARN), an instance, a role.
func runBlastRadius(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("blast-radius", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder blast-radius SOURCE... --from SEL [--max-hops N] [--assume rce,latent] [--format table|json] [-o FILE]")
		fmt.Fprintln(stderr, "\nLists everything the attacker who holds SEL reaches, grouped by kind, each with its cheapest path.")
		fs.PrintDefaults()
	}
	from := fs.String("from", "", "the foothold: a selector (a user ARN for a leaked key, an instance id, a role, tag:K=V, kind:K)")
	var f reachFlags
	f.register(fs)
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := blastRadius(sources, *from, &f)
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(f.output, stdout, out); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

func blastRadius(sources []string, from string, f *reachFlags) ([]byte, error) {
	assume, err := f.assumptions()
	if err != nil {
		return nil, err
	}
	sel, err := requiredSelector("from", from, "arn:aws:iam::111122223333:user/alice or i-0waf")
	if err != nil {
		return nil, err
	}
	g, warnings, err := sourcesGraph(sources)
	if err != nil {
		return nil, err
	}
	nodes, err := resolveFlag(g, "from", sel)
	if err != nil {
		return nil, err
	}
	r := queries.BlastRadius(g, nodes, queries.ReachOptions{MaxHops: f.maxHops, Assume: assume})
	q := render.ReachQuery{Selector: from, Nodes: nodes, MaxHops: f.maxHops, Assume: assume}
	return textOrJSON(f.format,
		func(buf *bytes.Buffer) { render.WriteBlastText(buf, g, q, r, warnings) },
		func(buf *bytes.Buffer) error {
			return render.WriteBlastJSON(buf, render.NewBlastAnswer(g, q, r, warnings))
		})
}
