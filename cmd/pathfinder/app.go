package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFound = 1 // check: a policy rule is violated
	exitUsage = 2 // bad input or bad usage
)

// command is one sub-command. run gets the arguments after the command's
// name and the writers for answers and diagnostics; it returns the status.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"paths":         {"find ranked attack paths between two node sets", runPaths},
		"render":        {"draw the attack paths of a query as SVG or DOT", runRender},
		"demo":          {"analyse the built-in Capital One replica (no AWS needed)", runDemo},
		"simulate":      {"decide one IAM request with the full evaluation logic", runSimulate},
		"collect":       {"read a live AWS estate into a snapshot directory", runCollect},
		"blast-radius":  {"list everything a foothold reaches, by kind, with the cheapest path to each", runBlastRadius},
		"who-can-reach": {"list the entry points, principals and compute nodes that reach a target", runWhoCanReach},
		"chokepoints":   {"find the fewest changes that cut every path, ranked by paths cut", runChokepoints},
		"check":         {"gate CI on a policy of attack paths that must not exist", runCheck},
		"baseline":      {"record the fingerprints of today's attack paths", runBaseline},
		"diff":          {"list the attack paths added and removed between two sources", runDiff},
		"version":       {"print the version", runVersion},
	}
}

// run dispatches to a sub-command. It is main without os.Exit, so tests run
// the whole CLI in-process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "pathfinder: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pathfinder finds attack paths in AWS estates.")
	fmt.Fprintln(w, "\nUsage: pathfinder <command> [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands()))
	for name := range commands() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-14s %s\n", name, commands()[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'pathfinder <command> -h' for a command's flags.")
}

// parseArgs parses flags that may come before, between or after positional
// arguments (`paths estate.yaml --to admin`), which the flag package alone
// does not allow. It returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// flagSet makes a FlagSet that reports errors to stderr without exiting.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("pathfinder "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// fail prints an error and returns the usage status; -h is not an error.
func fail(stderr io.Writer, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "pathfinder: %v\n", err)
	return exitUsage
}

var version = "dev"

func runVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "pathfinder", version)
	return exitOK
}
