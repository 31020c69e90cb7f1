package collect

import (
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/smithy-go/middleware"
)

// Options says what to collect and where to write it.
type Options struct {
	// Out is the output directory. It must be missing or empty. One account
	// is written into it directly; several (or --org-role) get a
	// sub-directory each, named by the account id.
	Out string

	// Profile is the shared-config profile; empty uses the SDK's default
	// chain (environment, shared files, SSO, container and instance roles).
	Profile string

	// Regions to collect. Empty means the configured region; AllRegions
	// asks EC2 for every region enabled in each account instead.
	Regions    []string
	AllRegions bool

	// RoleARNs are roles to assume, one account each. OrgRole is a role
	// name to assume in every active account of the caller's organisation
	// (the caller's own account is read with the caller's credentials).
	// With neither, the caller's account is collected.
	RoleARNs []string
	OrgRole  string

	// Services limits collection to these services (see ServiceNames);
	// empty collects all.
	Services []string

	// Timeout bounds the whole collection; 0 means no deadline.
	Timeout time.Duration
	// Concurrency is how many (account, region, service) tasks run at
	// once; 0 means DefaultConcurrency.
	Concurrency int

	// EndpointURL sends every call to one endpoint (an AWS-compatible
	// server such as a test double): S3 uses path-style addressing and S3
	// Control keeps the endpoint's host.
	EndpointURL string

	// MaxAttempts and MaxBackoff tune the retryer (0: the defaults below).
	MaxAttempts int
	MaxBackoff  time.Duration
	// CredentialTimeout bounds the start-up check of the credentials.
	CredentialTimeout time.Duration

	// APIOptions are added to every client's middleware stack.
	APIOptions []func(*middleware.Stack) error

	// Progress is told about every task; nil reports nothing. Logger gets
	// diagnostics; nil discards them.
	Progress Progress
	Logger   *slog.Logger
}

// Defaults of Options.
const (
	DefaultConcurrency       = 8
	DefaultMaxAttempts       = 10
	DefaultMaxBackoff        = 20 * time.Second
	DefaultCredentialTimeout = 10 * time.Second
	// itemConcurrency bounds the per-item calls (one per bucket, key,
	// function ...) inside one task.
	itemConcurrency = 4
)

// ErrBadOptions wraps every problem with Options that the caller can fix.
var ErrBadOptions = errors.New("bad options")

var regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$`)

// Validate checks the options and fills in defaults.
func (o *Options) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadOptions, fmt.Sprintf(format, args...))
	}
	if o.Out == "" {
		return bad("no output directory: give -o DIR")
	}
	if o.AllRegions && len(o.Regions) > 0 {
		return bad("give either all regions or a list of regions, not both")
	}
	seen := map[string]bool{}
	regions := o.Regions[:0:0]
	for _, r := range o.Regions {
		if !regionPattern.MatchString(r) {
			return bad("%q is not an AWS region name (like us-east-1)", r)
		}
		if !seen[r] {
			seen[r] = true
			regions = append(regions, r)
		}
	}
	o.Regions = regions
	for _, s := range o.Services {
		if !slices.Contains(ServiceNames(), s) {
			return bad("unknown service %q: choose from %s", s, strings.Join(ServiceNames(), ", "))
		}
	}
	for _, arn := range o.RoleARNs {
		if _, err := accountOfRoleARN(arn); err != nil {
			return bad("%v", err)
		}
	}
	if strings.ContainsAny(o.OrgRole, ":/") {
		return bad("--org-role takes a role name such as OrganizationAccountAccessRole, not %q", o.OrgRole)
	}
	o.setDefaults()
	return nil
}

func (o *Options) setDefaults() {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.CredentialTimeout <= 0 {
		o.CredentialTimeout = DefaultCredentialTimeout
	}
	if o.Progress == nil {
		o.Progress = NoProgress{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// wants reports whether a service is to be collected.
func (o *Options) wants(service string) bool {
	return len(o.Services) == 0 || slices.Contains(o.Services, service)
}
