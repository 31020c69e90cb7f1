package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/pathfinder-sec/pathfinder/ingest/collect"
)

// exitFailed is the status of a collection that started but did not
// finish (interrupted, timed out, a file that could not be written).
const exitFailed = 1

// runCollect reads a live AWS estate with the SDK and writes a snapshot
// directory that `pathfinder paths DIR` reads (docs/collect.md).
func runCollect(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return collectCommand(ctx, args, stderr)
}

func collectCommand(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flagSet("collect", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: pathfinder collect aws -o DIR [--profile P] [--regions all|r1,r2] [--role-arn ARN]... [--org-role NAME]")
		fmt.Fprintln(stderr, "                              [--services s3,ec2,...] [--timeout D] [--concurrency N] [--quiet]")
		fmt.Fprintln(stderr, "\nCredentials come from the AWS SDK's default chain (environment, shared files, SSO, instance and container roles).")
		fs.PrintDefaults()
	}
	var opt collect.Options
	var regions, services string
	var roles multiFlag
	var quiet bool
	fs.StringVar(&opt.Out, "o", "", "output directory (new or empty)")
	fs.StringVar(&opt.Profile, "profile", "", "shared-config profile (default: AWS_PROFILE or the default chain)")
	fs.StringVar(&regions, "regions", "", "regions to collect: all, or a comma-separated list (default: the configured region)")
	fs.Var(&roles, "role-arn", "assume this role and collect its account (repeatable)")
	fs.StringVar(&opt.OrgRole, "org-role", "", "assume this role name in every active account of the organisation")
	fs.StringVar(&services, "services", "", "services to collect, comma-separated: "+strings.Join(collect.ServiceNames(), ","))
	fs.DurationVar(&opt.Timeout, "timeout", defaultCollectTimeout, "stop after this long (0: no deadline)")
	fs.IntVar(&opt.Concurrency, "concurrency", collect.DefaultConcurrency, "how many account/region/service tasks run at once")
	fs.StringVar(&opt.EndpointURL, "endpoint-url", "", "send every call to this AWS-compatible endpoint (testing)")
	fs.BoolVar(&quiet, "quiet", false, "print nothing but errors")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return fail(stderr, err)
	}
	if len(positional) != 1 || positional[0] != "aws" {
		return fail(stderr, fmt.Errorf("collect needs the provider: pathfinder collect aws -o DIR (got %q)", strings.Join(positional, " ")))
	}
	opt.RoleARNs = roles
	opt.Regions, opt.AllRegions = parseRegions(regions)
	opt.Services = splitList(services)
	opt.Logger, opt.Progress = collectReporting(stderr, quiet)
	summary, err := collect.Run(ctx, opt)
	if err != nil {
		if summary != nil && !quiet {
			summary.WriteText(stderr)
		}
		fmt.Fprintf(stderr, "pathfinder: %v\n", err)
		return collectStatus(err)
	}
	if !quiet {
		summary.WriteText(stderr)
		fmt.Fprintf(stderr, "next: pathfinder paths %s\n", opt.Out)
	}
	return exitOK
}

// defaultCollectTimeout bounds a collection nobody watches.
const defaultCollectTimeout = time.Hour

// collectStatus maps an error to the exit status: what the user must fix
// (options, credentials) is a usage error.
func collectStatus(err error) int {
	for _, usage := range []error{collect.ErrBadOptions, collect.ErrNoCredentials, collect.ErrNoRegion, collect.ErrCredentialsRejected} {
		if errors.Is(err, usage) {
			return exitUsage
		}
	}
	return exitFailed
}

// collectReporting chooses how progress is shown: a live display on a
// terminal, log lines otherwise, nothing with --quiet.
func collectReporting(stderr io.Writer, quiet bool) (*slog.Logger, collect.Progress) {
	if quiet {
		return slog.New(slog.DiscardHandler), collect.NoProgress{}
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		// Log lines would tear the live display; warnings are in the summary.
		return slog.New(slog.DiscardHandler), collect.NewBars(stderr)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	return logger, collect.NewLogProgress(logger)
}

func parseRegions(s string) (regions []string, all bool) {
	if strings.TrimSpace(s) == "all" {
		return nil, true
	}
	return splitList(s), false
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
