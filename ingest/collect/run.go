package collect

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"golang.org/x/sync/errgroup"
)

// Run collects what opt asks for and writes the snapshot. The summary
// lists, per account, the directory written and what was not collected;
// it is returned also when the collection stopped early (Ctrl-C, the
// deadline), with an error, and the directories then have no manifest.
func Run(ctx context.Context, opt Options) (*Summary, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if err := checkOutput(opt.Out); err != nil {
		return nil, err
	}
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	started := time.Now()
	accounts, err := prepare(ctx, &opt)
	if err != nil {
		return nil, stopError(ctx, err, &opt)
	}
	err = collectAll(ctx, accounts, &opt)
	summary := summarise(opt.Out, accounts)
	if err != nil {
		return summary, stopError(ctx, err, &opt)
	}
	for _, a := range accounts {
		if err := a.dir.writeManifest(a.id, started); err != nil {
			return summary, err
		}
	}
	return summarise(opt.Out, accounts), nil
}

// prepare loads the configuration, checks the credentials and prepares the
// accounts to collect.
func prepare(ctx context.Context, opt *Options) ([]*account, error) {
	cfg, err := loadConfig(ctx, opt)
	if err != nil {
		return nil, err
	}
	home, err := homeRegion(cfg, opt)
	if err != nil {
		return nil, err
	}
	cfg.Region = home
	if err := checkCredentials(ctx, cfg, opt); err != nil {
		return nil, err
	}
	me, err := whoAmI(ctx, cfg)
	switch {
	case err == nil:
	case stopped(ctx, err):
		return nil, err
	case errorCode(err) != "":
		return nil, fmt.Errorf("%w: %s", ErrCredentialsRejected, gapReason(err, ""))
	default:
		return nil, fmt.Errorf("cannot reach AWS STS in %s: %w", home, err)
	}
	opt.Logger.Info("credentials", "account", me.account, "arn", me.arn)
	targets, err := planTargets(ctx, cfg, me, opt)
	if err != nil {
		return nil, err
	}
	return prepareAccounts(ctx, targets, home, opt)
}

// homeRegion is the region global services are called in, and the
// default region to collect: the configured one, else the first asked for.
func homeRegion(cfg aws.Config, opt *Options) (string, error) {
	switch {
	case len(opt.Regions) == 0 && !opt.AllRegions && cfg.Region == "":
		return "", ErrNoRegion
	case len(opt.Regions) == 0 && !opt.AllRegions:
		opt.Regions = []string{cfg.Region}
	}
	if cfg.Region != "" {
		return cfg.Region, nil
	}
	if len(opt.Regions) > 0 {
		return opt.Regions[0], nil
	}
	return defaultHomeRegion, nil
}

// collectAll runs every task with bounded concurrency. Only a stopped
// collection (or a file that cannot be written) is an error: refusals are
// gaps.
func collectAll(ctx context.Context, accounts []*account, opt *Options) error {
	type job struct {
		scope   *scope
		collect func(context.Context, *scope) error
	}
	var jobs []job
	var tasks []Task
	for _, a := range accounts {
		if a.unreachable {
			continue
		}
		for _, svc := range services {
			if !opt.wants(svc.name) {
				continue
			}
			regions := a.regions
			if svc.global {
				regions = []string{""}
			}
			for _, r := range regions {
				jobs = append(jobs, job{&scope{acct: a, region: r, service: svc.name}, svc.collect})
				tasks = append(tasks, Task{Account: a.id, Region: r, Service: svc.name})
			}
		}
	}
	opt.Progress.Plan(tasks)
	defer opt.Progress.Close()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opt.Concurrency)
	for i, j := range jobs {
		if gctx.Err() != nil {
			break
		}
		s := j.scope
		g.Go(func() error {
			opt.Progress.Start(tasks[i])
			err := j.collect(gctx, s)
			opt.Progress.Done(tasks[i], int(s.gaps.Load()))
			if err != nil {
				return fmt.Errorf("%s %s %s: %w", s.acct.id, regionLabel(s.region), s.service, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}

// stopError explains why the collection stopped.
func stopError(ctx context.Context, err error, opt *Options) error {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("collection timed out after %s: %s is incomplete (no manifest.json)", opt.Timeout, opt.Out)
	case errors.Is(ctx.Err(), context.Canceled) || errors.Is(err, context.Canceled):
		return fmt.Errorf("collection interrupted: %s is incomplete (no manifest.json)", opt.Out)
	}
	return err
}
