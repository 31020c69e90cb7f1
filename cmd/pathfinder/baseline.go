package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pathfinder-sec/pathfinder/gate"
)

func runBaseline(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("baseline", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder baseline SOURCE... [--policy FILE] [--limit N] -o FILE")
		fmt.Fprintln(stderr, "\nRecords the fingerprints of the paths each rule of the policy finds (without --policy:")
		fmt.Fprintln(stderr, "every path from the internet to the crown jewels), for check --baseline.")
		fs.PrintDefaults()
	}
	var policyPath, output string
	var limit int
	fs.StringVar(&policyPath, "policy", "", "policy file whose rules to record (default: internet to crown-jewels)")
	fs.IntVar(&limit, "limit", gate.DefaultBaselineLimit, "most paths recorded per rule, cheapest first")
	fs.StringVar(&output, "o", "", "write the baseline to this file instead of stdout")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if limit < 1 || limit > gate.SearchCap {
		return fail(stderr, fmt.Errorf("--limit %d: want 1 to %d", limit, gate.SearchCap))
	}
	rules, err := baselineRules(policyPath)
	if err != nil {
		return fail(stderr, err)
	}
	estate, err := loadSources(sources)
	if err != nil {
		return fail(stderr, err)
	}
	g, warnings, err := analyse(estate)
	if err != nil {
		return fail(stderr, err)
	}
	b, limitWarnings, err := gate.Record(g, rules, limit, now(), "pathfinder "+version)
	if err != nil {
		return fail(stderr, err)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(output, stdout, buf.Bytes()); err != nil {
		return fail(stderr, err)
	}
	for _, w := range append(warnings, limitWarnings...) {
		fmt.Fprintln(stderr, "warning: "+w)
	}
	fmt.Fprintf(stderr, "pathfinder baseline: %s recorded for %s\n", count(b.Len(), "path"), count(len(rules), "rule"))
	return exitOK
}

func baselineRules(policyPath string) ([]*gate.Rule, error) {
	if policyPath == "" {
		return []*gate.Rule{gate.DefaultRule()}, nil
	}
	policy, err := gate.LoadPolicy(policyPath)
	if err != nil {
		return nil, err
	}
	return policy.Rules, nil
}

// count writes n things: "1 path", "2 paths".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
