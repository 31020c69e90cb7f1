package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/queries"
	"github.com/pathfinder-sec/pathfinder/render"
)

// runChokepoints finds the fewest edges whose removal cuts every path from
// the sources to the targets, and ranks them by how many paths each cuts.
func runChokepoints(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("chokepoints", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder chokepoints SOURCE... [--from SEL] [--to SEL] [--limit N] [--max-hops N] [--assume rce,latent] [--format table|json] [-o FILE]")
		fmt.Fprintln(stderr, "\nFinds a smallest set of edges (configuration changes) that cuts every path from --from to --to,")
		fmt.Fprintln(stderr, "ranked by how many of the --limit cheapest paths each one cuts. The cut covers paths of any")
		fmt.Fprintln(stderr, "length; --max-hops bounds only the paths that rank it.")
		fs.PrintDefaults()
	}
	from := fs.String("from", "internet", "where the attacker starts: a selector")
	to := fs.String("to", defaultTo, "what the attacker wants: a selector (crown-jewels = data stores tagged sensitive, and admin)")
	limit := fs.Int("limit", queries.DefaultChokeLimit, "how many of the cheapest paths rank the cut")
	var f reachFlags
	f.register(fs)
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := chokepoints(sources, render.ChokeQuery{From: *from, To: *to, Limit: *limit, MaxHops: f.maxHops}, &f)
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(f.output, stdout, out); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

func chokepoints(sources []string, q render.ChokeQuery, f *reachFlags) ([]byte, error) {
	assume, err := f.assumptions()
	if err != nil {
		return nil, err
	}
	if q.Limit < 1 {
		return nil, fmt.Errorf("--limit must be at least 1")
	}
	fromSel, err := flagSelector("from", q.From)
	if err != nil {
		return nil, err
	}
	toSel, err := flagSelector("to", q.To)
	if err != nil {
		return nil, err
	}
	g, warnings, err := sourcesGraph(sources)
	if err != nil {
		return nil, err
	}
	if q.Sources, err = resolveFlag(g, "from", fromSel); err != nil {
		return nil, err
	}
	if q.Targets, err = resolveFlag(g, "to", toSel); err != nil {
		return nil, err
	}
	q.Assume = assume
	c := queries.FindChokepoints(g, q.Sources, q.Targets, queries.PathOptions{Limit: q.Limit, MaxHops: q.MaxHops, Assume: assume})
	return textOrJSON(f.format,
		func(buf *bytes.Buffer) { render.WriteChokepointsText(buf, g, q, c, warnings) },
		func(buf *bytes.Buffer) error {
			return render.WriteChokepointsJSON(buf, render.NewChokepointsAnswer(g, q, c, warnings))
		})
}
