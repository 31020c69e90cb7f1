package collect

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"golang.org/x/sync/errgroup"
)

// target is an account to collect and the configuration to reach it with.
type target struct {
	id      string
	cfg     aws.Config
	roleARN string // empty for the caller's own credentials
}

// planTargets lists the accounts to collect: the caller's, each role of
// RoleARNs, and with OrgRole every active account of the organisation
// (the caller's own account through the caller's credentials). Sorted by
// account id, each account once.
func planTargets(ctx context.Context, cfg aws.Config, me identity, opt *Options) ([]target, error) {
	if len(opt.RoleARNs) == 0 && opt.OrgRole == "" {
		return []target{{id: me.account, cfg: cfg}}, nil
	}
	byID := map[string]target{}
	if opt.OrgRole != "" {
		ids, err := organisationAccounts(ctx, cfg)
		if err != nil {
			return nil, fmt.Errorf("list the organisation's accounts for --org-role: %w", err)
		}
		for _, id := range ids {
			if id == me.account {
				byID[id] = target{id: id, cfg: cfg}
				continue
			}
			arn := fmt.Sprintf("arn:%s:iam::%s:role/%s", me.partition, id, opt.OrgRole)
			byID[id] = target{id: id, cfg: assumeRole(cfg, arn), roleARN: arn}
		}
	}
	for _, arn := range opt.RoleARNs {
		id, _ := accountOfRoleARN(arn) // checked by Validate
		if _, ok := byID[id]; !ok {
			byID[id] = target{id: id, cfg: assumeRole(cfg, arn), roleARN: arn}
		}
	}
	targets := make([]target, 0, len(byID))
	for _, t := range byID {
		targets = append(targets, t)
	}
	sort.Slice(targets, func(i, j int) bool { return targets[i].id < targets[j].id })
	return targets, nil
}

// organisationAccounts lists the active accounts of the caller's
// organisation.
func organisationAccounts(ctx context.Context, cfg aws.Config) ([]string, error) {
	api := organizations.NewFromConfig(cfg)
	accounts, err := items(ctx, organizations.NewListAccountsPaginator(api, &organizations.ListAccountsInput{}),
		func(o *organizations.ListAccountsOutput) []types.Account { return o.Accounts })
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, a := range accounts {
		if a.State == types.AccountStateActive || (a.State == "" && a.Status == types.AccountStatusActive) {
			ids = append(ids, aws.ToString(a.Id))
		}
	}
	return ids, nil
}

// prepareAccounts turns targets into accounts ready to collect: it checks
// that each role can be assumed and finds each account's regions. An
// account that cannot be reached keeps a gap and no regions; its
// directory then holds only a manifest that says why.
func prepareAccounts(ctx context.Context, targets []target, home string, opt *Options) ([]*account, error) {
	accounts := make([]*account, len(targets))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opt.Concurrency)
	for i, t := range targets {
		dir := opt.Out
		if len(targets) > 1 || opt.OrgRole != "" {
			dir = filepath.Join(opt.Out, t.id)
		}
		a := &account{id: t.id, cfg: t.cfg, home: home, log: opt.Logger}
		accounts[i] = a
		g.Go(func() error {
			regions, gap, err := reach(gctx, t, home, opt)
			if err != nil {
				return err
			}
			a.regions = regions
			a.dir = newAccountDir(dir, regions)
			if gap != nil {
				a.dir.addGap(*gap)
				a.unreachable = gap.Service == "sts"
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return accounts, nil
}

// reach checks an account's role and lists its regions. A refusal is a
// gap; only a stopped collection is an error.
func reach(ctx context.Context, t target, home string, opt *Options) ([]string, *Gap, error) {
	cfg := inRegion(t.cfg, home)
	if t.roleARN != "" {
		if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
			if stopped(ctx, err) {
				return nil, nil, err
			}
			return nil, &Gap{Service: "sts", Reason: "cannot assume " + t.roleARN + ": " + gapReason(err, "")}, nil
		}
	}
	if !opt.AllRegions {
		return opt.Regions, nil, nil
	}
	out, err := ec2.NewFromConfig(cfg).DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	if err != nil {
		if stopped(ctx, err) {
			return nil, nil, err
		}
		return nil, &Gap{Service: "ec2", Reason: "cannot list the account's regions: " + gapReason(err, "")}, nil
	}
	var regions []string
	for _, r := range out.Regions {
		regions = append(regions, aws.ToString(r.RegionName))
	}
	sort.Strings(regions)
	return regions, nil, nil
}
