package collect

import (
	"context"
	"log/slog"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// account is one AWS account to collect: its credentials, the region its
// global services are called in, its regions and its directory.
type account struct {
	id      string
	cfg     aws.Config
	home    string
	regions []string
	dir     *accountDir
	log     *slog.Logger
	// unreachable accounts (the role cannot be assumed) are not collected.
	unreachable bool
}

// scope is what one task sees: its account, region and service, where to
// write files, and how to record what it could not read.
type scope struct {
	acct    *account
	region  string // "" for a global service
	service string
	gaps    atomic.Int32
}

// config is the account's configuration in the task's region (the home
// region for global services).
func (s *scope) config() aws.Config {
	if s.region == "" {
		return inRegion(s.acct.cfg, s.acct.home)
	}
	return inRegion(s.acct.cfg, s.region)
}

// save writes one snapshot file of the task.
func (s *scope) save(file string, v any) error {
	return s.acct.dir.write(s.region, file, v)
}

// skip records a call that failed as a gap of the task and returns nil, so
// that collection goes on; when the collection itself is stopping
// (Ctrl-C, deadline) it returns the error instead. item names what the call
// was about (a bucket, a key), or is empty.
func (s *scope) skip(ctx context.Context, err error, item string) error {
	if stopped(ctx, err) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	g := Gap{Region: s.region, Service: s.service, Reason: gapReason(err, item)}
	if s.region != "" && regionUnreachable(err) {
		g.Reason += " (is the region enabled for the account?)"
	}
	s.acct.dir.addGap(g)
	s.gaps.Add(1)
	s.acct.log.Warn("not collected", "account", s.acct.id, "region", s.region, "service", s.service, "reason", g.Reason)
	return nil
}

// regionUnreachableCodes are the answers of a region the account cannot
// use (an opt-in region not enabled): the credentials are not recognised
// there, so every other call of the service would fail the same way.
var regionUnreachableCodes = map[string]bool{
	"AuthFailure":                 true,
	"UnrecognizedClientException": true,
	"InvalidClientTokenId":        true,
	"OptInRequired":               true,
}

func regionUnreachable(err error) bool {
	return regionUnreachableCodes[errorCode(err)]
}
