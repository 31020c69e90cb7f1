package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph/technique"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// runSimulate decides one IAM request: either a self-contained JSON request
// (--request FILE, the contract of SIMULATE.md), or a principal, action and
// resource of a loaded estate.
func runSimulate(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("simulate", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder simulate --request FILE [--format json|text]")
		fmt.Fprintln(stderr, "       pathfinder simulate SOURCE... --principal ARN --action A --resource R [--context k=v]... [--unknown k]... [--format json|text]")
		fs.PrintDefaults()
	}
	requestFile := fs.String("request", "", "a JSON request with every policy that takes part (see docs/simulate.md)")
	format := fs.String("format", "text", "answer format: text or json")
	var q technique.Query
	fs.StringVar(&q.Principal, "principal", "", "the principal's ARN (estate mode)")
	fs.StringVar(&q.Action, "action", "", "the action, e.g. s3:GetObject (estate mode)")
	fs.StringVar(&q.Resource, "resource", "", "the resource ARN (estate mode)")
	var context, unknown multiFlag
	fs.Var(&context, "context", "a known context key and value, KEY=VALUE (repeatable; a key given twice is multivalued)")
	fs.Var(&unknown, "unknown", "a context key whose value is unknown (repeatable)")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if *format != "text" && *format != "json" {
		return fail(stderr, fmt.Errorf("--format %q: want text or json", *format))
	}
	var d iam.Decision
	if *requestFile != "" {
		d, err = simulateRequest(*requestFile, sources)
	} else {
		d, err = simulateEstate(sources, q, context, unknown)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return printDecision(stdout, stderr, d, *format)
}

func simulateRequest(path string, sources []string) (iam.Decision, error) {
	if len(sources) > 0 {
		return iam.Decision{}, fmt.Errorf("--request is self-contained: it takes no SOURCE (got %s)", strings.Join(sources, " "))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return iam.Decision{}, err
	}
	req, set, err := iam.DecodeSimulation(bytes.NewReader(data))
	if err != nil {
		return iam.Decision{}, fmt.Errorf("%s: %w", path, err)
	}
	d, err := iam.Evaluate(req, set)
	if err != nil {
		return iam.Decision{}, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

func simulateEstate(sources []string, q technique.Query, context, unknown multiFlag) (iam.Decision, error) {
	if q.Principal == "" || q.Action == "" || q.Resource == "" {
		return iam.Decision{}, fmt.Errorf("give --request FILE, or SOURCE with --principal, --action and --resource")
	}
	q.Context = map[string][]string{}
	for _, kv := range context {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return iam.Decision{}, fmt.Errorf("--context %q: want KEY=VALUE", kv)
		}
		q.Context[k] = append(q.Context[k], v)
	}
	q.Unknown = unknown
	estate, err := loadSources(sources)
	if err != nil {
		return iam.Decision{}, err
	}
	return technique.Decide(estate, q)
}

func printDecision(stdout, stderr io.Writer, d iam.Decision, format string) int {
	if format == "json" {
		out, err := json.MarshalIndent(iam.NewSimulationAnswer(d), "", "  ")
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, string(out))
		return exitOK
	}
	fmt.Fprintf(stdout, "%s: %s\n", strings.ToUpper(string(d.Outcome)), d.Reason)
	for _, s := range d.Statements {
		fmt.Fprintf(stdout, "  %s policy %s statement %d%s\n", s.Type, s.Policy, s.Index, sidNote(s.Sid))
	}
	for _, c := range d.Conditions {
		fmt.Fprintf(stdout, "  depends on: %s %s %s (%s statement %d)\n", c.Operator, c.Key, strings.Join(c.Values, "|"), c.Policy, c.Index)
	}
	return exitOK
}

func sidNote(sid string) string {
	if sid == "" {
		return ""
	}
	return " (" + sid + ")"
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
