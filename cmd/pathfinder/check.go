package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/render"
)

// checkFormats are the report formats of check, the default first.
var checkFormats = []string{"text", "json", "sarif", "junit", "markdown"}

// now is the clock of check (today, for allow expiry) and baseline (its
// creation time); tests set it.
var now = time.Now

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flagSet("check", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder check SOURCE... --policy FILE [--baseline FILE] [--format text|json|sarif|junit|markdown] [--date YYYY-MM-DD] [-o FILE]")
		fmt.Fprintln(stderr, "\nExit status: 0 when every rule of the policy holds, 1 when one is violated, 2 on bad input.")
		fmt.Fprintln(stderr, "docs/ci.md describes the policy file.")
		fs.PrintDefaults()
	}
	var policyPath, baselinePath, format, output, date string
	fs.StringVar(&policyPath, "policy", "", "policy file (YAML): the attack paths that must not exist")
	fs.StringVar(&baselinePath, "baseline", "", "baseline file (from pathfinder baseline): fail only on paths it does not hold")
	fs.StringVar(&format, "format", "text", "report format: text, json, sarif, junit or markdown")
	fs.StringVar(&output, "o", "", "write the report to this file instead of stdout")
	fs.StringVar(&date, "date", "", "judge allow expiry on this day, YYYY-MM-DD (default: today, UTC)")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if policyPath == "" {
		return fail(stderr, fmt.Errorf("check needs --policy FILE (docs/ci.md describes it)"))
	}
	if !slices.Contains(checkFormats, format) {
		return fail(stderr, fmt.Errorf("--format %q: want text, json, sarif, junit or markdown", format))
	}
	day, err := checkDay(date)
	if err != nil {
		return fail(stderr, err)
	}
	rep, err := check(sources, policyPath, baselinePath, day)
	if err != nil {
		return fail(stderr, err)
	}
	out, err := formatCheck(rep, format)
	if err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(output, stdout, out); err != nil {
		return fail(stderr, err)
	}
	if format != "text" || output != "" {
		// Machine formats go to files and tools; the CI log still gets
		// the verdict in words.
		fmt.Fprintln(stderr, "pathfinder check: "+render.CheckHeadline(rep))
	}
	if !rep.Passed() {
		return exitFound
	}
	return exitOK
}

func checkDay(date string) (time.Time, error) {
	if date == "" {
		return now().UTC(), nil
	}
	day, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return time.Time{}, fmt.Errorf("--date %q: want YYYY-MM-DD", date)
	}
	return day, nil
}

// check loads the policy (first, since it is cheap and often wrong), the
// baseline and the sources, builds the graph once, and evaluates every rule.
func check(sources []string, policyPath, baselinePath string, day time.Time) (*gate.Report, error) {
	policy, err := gate.LoadPolicy(policyPath)
	if err != nil {
		return nil, err
	}
	var baseline *gate.Baseline
	if baselinePath != "" {
		if baseline, err = readBaseline(baselinePath); err != nil {
			return nil, err
		}
	}
	estate, err := loadSources(sources)
	if err != nil {
		return nil, err
	}
	g, warnings, err := analyse(estate)
	if err != nil {
		return nil, err
	}
	return gate.Evaluate(g, policy, gate.Options{Baseline: baseline, Date: day, Warnings: warnings})
}

func readBaseline(path string) (*gate.Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	defer f.Close()
	return gate.ReadBaseline(path, f)
}

func formatCheck(rep *gate.Report, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "text":
		render.WriteCheckText(&buf, rep)
	case "json":
		err = render.WriteCheckJSON(&buf, rep)
	case "sarif":
		err = render.WriteSARIF(&buf, rep, version)
	case "junit":
		err = render.WriteJUnit(&buf, rep)
	case "markdown":
		render.WriteMarkdown(&buf, rep)
	}
	return buf.Bytes(), err
}
