// Command gen rebuilds the embedded catalogue of AWS managed policies
// (catalogue.json.gz) from its reviewable sources, one JSON file per
// policy, and imports new sources from AWS outputs.
//
//	go run ./internal/gen                      # rebuild from testdata/policies
//	go run ./internal/gen -import-authz details.json -source "owner/repo:path@commit"
//	go run ./internal/gen -import-version v.json -arn arn:aws:iam::aws:policy/X -source "..."
//
// Run it from iam/awsmanaged, as `go generate` does.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	src, out      string
	importAuthz   string
	importVersion string
	arn, source   string
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if err := generate(opts, stdout); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.src, "src", "testdata/policies", "directory of per-policy JSON sources")
	fs.StringVar(&o.out, "out", "catalogue.json.gz", "catalogue file to write")
	fs.StringVar(&o.importAuthz, "import-authz", "", "import the AWS managed policies of a get-account-authorization-details file")
	fs.StringVar(&o.importVersion, "import-version", "", "import a get-policy-version file (needs -arn)")
	fs.StringVar(&o.arn, "arn", "", "ARN of the policy that -import-version reads")
	fs.StringVar(&o.source, "source", "", "where imported documents come from (repository:path@commit)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return o, err
	}
	return o, nil
}

func (o options) check() error {
	importing := o.importAuthz != "" || o.importVersion != ""
	switch {
	case importing && o.source == "":
		return fmt.Errorf("an import needs -source")
	case o.importVersion != "" && o.arn == "":
		return fmt.Errorf("-import-version needs -arn")
	case o.importVersion == "" && o.arn != "":
		return fmt.Errorf("-arn is only used with -import-version")
	}
	return nil
}
