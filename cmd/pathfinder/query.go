package main

import (
	"bytes"
	"flag"
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/queries"
	"github.com/pathfinder-sec/pathfinder/render"
	"github.com/pathfinder-sec/pathfinder/render/svg"
)

// queryFlags are the flags of every command that runs a path query.
type queryFlags struct {
	from, to string
	limit    int
	maxHops  int
	assume   string
	format   string
	output   string
}

const defaultTo = "crown-jewels"

func (q *queryFlags) register(fs *flag.FlagSet, defaultFormat string) {
	fs.StringVar(&q.from, "from", "internet", "where the attacker starts: a selector (internet, an ARN or short id, tag:K=V, kind:K)")
	fs.StringVar(&q.to, "to", defaultTo, "what the attacker wants: a selector (crown-jewels = data stores tagged sensitive, and admin)")
	fs.IntVar(&q.limit, "limit", queries.DefaultLimit, "how many paths, cheapest first")
	fs.IntVar(&q.maxHops, "max-hops", queries.DefaultMaxHops, "longest path, in hops")
	fs.StringVar(&q.assume, "assume", "", "attacker capabilities to grant, comma-separated: rce (code execution on hosts), latent (resources the estate does not show)")
	fs.StringVar(&q.format, "format", defaultFormat, "output format: table, json, dot or svg")
	fs.StringVar(&q.output, "o", "", "write the answer to this file instead of stdout")
}

func (q *queryFlags) options() (queries.PathOptions, error) {
	opt := queries.PathOptions{Limit: q.limit, MaxHops: q.maxHops}
	if q.limit < 1 || q.maxHops < 1 {
		return opt, fmt.Errorf("--limit and --max-hops must be at least 1")
	}
	for _, a := range strings.Split(q.assume, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if graph.AssumptionMask(graph.Assumption(a)) == 0 {
			return opt, fmt.Errorf("--assume %q: known assumptions are rce and latent", a)
		}
		opt.Assume = append(opt.Assume, graph.Assumption(a))
	}
	return opt, nil
}

// answer is a query's result with what is needed to render it.
type answer struct {
	graph    *graph.Graph
	paths    []queries.Path
	warnings []string
	title    string
}

// runQuery builds the graph of an estate and runs the query on it.
func runQuery(e *ingest.Estate, q *queryFlags) (answer, error) {
	opt, err := q.options()
	if err != nil {
		return answer{}, err
	}
	from, err := queries.ParseSelector(q.from)
	if err != nil {
		return answer{}, fmt.Errorf("--from: %w", err)
	}
	to, err := queries.ParseSelector(q.to)
	if err != nil {
		return answer{}, fmt.Errorf("--to: %w", err)
	}
	g, warnings, err := analyse(e)
	if err != nil {
		return answer{}, err
	}
	sources, err := from.Resolve(g)
	if err != nil {
		return answer{}, fmt.Errorf("--from: %w", err)
	}
	targets, err := to.Resolve(g)
	if err != nil {
		return answer{}, fmt.Errorf("--to: %w", err)
	}
	return answer{graph: g, paths: queries.Paths(g, sources, targets, opt), warnings: warnings,
		title: fmt.Sprintf("attack paths from %s to %s", q.from, q.to)}, nil
}

// format renders an answer in one of the output formats.
func (a answer) format(format string) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "table", "text":
		render.WriteText(&buf, a.graph, a.paths, a.warnings)
	case "json":
		if err := render.WriteJSON(&buf, render.NewAnswer(a.graph, a.paths, a.warnings)); err != nil {
			return nil, err
		}
	case "dot", "svg":
		if err := render.WriteDOT(&buf, a.graph, a.paths, render.DOTOptions{Title: a.title}); err != nil {
			return nil, err
		}
		if format == "svg" {
			return svg.Render(buf.Bytes())
		}
	default:
		return nil, fmt.Errorf("--format %q: want table, json, dot or svg", format)
	}
	return buf.Bytes(), nil
}
