package collect

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
)

// ErrNoCredentials says that the SDK's default chain found no usable
// credentials. The message tells the user how to provide them.
var ErrNoCredentials = errors.New("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, " +
	"or name a profile with --profile or AWS_PROFILE (run 'aws sso login --profile P' first for SSO), " +
	"or run on an instance or container with a role")

// ErrNoRegion says that neither the options nor the configuration name a
// region to collect.
var ErrNoRegion = errors.New("no region given and none configured: pass --regions us-east-1,... or --regions all, or set AWS_REGION")

// defaultHomeRegion is where global services are called when nothing
// else names a region.
const defaultHomeRegion = "us-east-1"

// loadConfig loads the SDK configuration the way the AWS CLI does, with an
// adaptive retryer: it retries throttling with backoff and slows its own
// request rate when AWS keeps throttling.
func loadConfig(ctx context.Context, opt *Options) (aws.Config, error) {
	loads := []func(*config.LoadOptions) error{
		// The credential providers built while loading (the metadata
		// endpoint's among them) log too: through the collector's logger,
		// not the SDK's default one on stderr.
		config.WithLogger(sdkLogger(opt.Logger)),
		config.WithRetryer(func() aws.Retryer {
			return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, func(so *retry.StandardOptions) {
					so.MaxAttempts = opt.MaxAttempts
					so.MaxBackoff = opt.MaxBackoff
				})
			})
		}),
	}
	if opt.Profile != "" {
		loads = append(loads, config.WithSharedConfigProfile(opt.Profile))
	}
	if opt.EndpointURL != "" {
		if _, err := url.Parse(opt.EndpointURL); err != nil {
			return aws.Config{}, fmt.Errorf("%w: endpoint URL %q: %v", ErrBadOptions, opt.EndpointURL, err)
		}
		loads = append(loads, config.WithBaseEndpoint(opt.EndpointURL))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loads...)
	if err != nil {
		// a missing profile, a malformed config file: the user's to fix
		return aws.Config{}, fmt.Errorf("%w: load AWS configuration: %v", ErrBadOptions, err)
	}
	cfg.APIOptions = append(cfg.APIOptions, opt.APIOptions...)
	return cfg, nil
}

// sdkLogger sends the SDK's own log lines to the collector's logger, which
// keeps them off a live progress display.
func sdkLogger(l *slog.Logger) logging.Logger {
	return logging.LoggerFunc(func(c logging.Classification, format string, v ...any) {
		level := slog.LevelDebug
		if c == logging.Warn {
			level = slog.LevelWarn
		}
		l.Log(context.Background(), level, fmt.Sprintf(format, v...), "source", "aws-sdk")
	})
}

// checkCredentials retrieves the credentials once with a short deadline,
// so that a machine without any fails within seconds instead of waiting
// on the instance metadata endpoint.
func checkCredentials(ctx context.Context, cfg aws.Config, opt *Options) error {
	if cfg.Credentials == nil {
		return ErrNoCredentials
	}
	check, cancel := context.WithTimeout(ctx, opt.CredentialTimeout)
	defer cancel()
	if _, err := cfg.Credentials.Retrieve(check); err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // interrupted, or the whole collection's deadline
		}
		opt.Logger.Debug("credentials", "error", err)
		return ErrNoCredentials
	}
	return nil
}

// inRegion returns a copy of cfg for one region.
func inRegion(cfg aws.Config, region string) aws.Config {
	c := cfg.Copy()
	c.Region = region
	return c
}

// newS3 makes an S3 client for a region. With a custom endpoint, buckets
// go into the path, since the endpoint's host has no bucket sub-domains.
func newS3(cfg aws.Config, region string) *s3.Client {
	return s3.NewFromConfig(inRegion(cfg, region), func(o *s3.Options) {
		o.UsePathStyle = cfg.BaseEndpoint != nil
	})
}

// newS3Control makes an S3 Control client. S3 Control puts the account id
// in front of the host; with a custom endpoint the host is kept as given.
func newS3Control(cfg aws.Config, region string) *s3control.Client {
	return s3control.NewFromConfig(inRegion(cfg, region), func(o *s3control.Options) {
		if cfg.BaseEndpoint == nil {
			return
		}
		if u, err := url.Parse(*cfg.BaseEndpoint); err == nil {
			o.EndpointResolverV2 = keepHost{next: s3control.NewDefaultEndpointResolverV2(), host: u.Host}
		}
	})
}

// keepHost resolves S3 Control endpoints as the SDK does, then restores the
// configured host.
type keepHost struct {
	next s3control.EndpointResolverV2
	host string
}

func (k keepHost) ResolveEndpoint(ctx context.Context, params s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	ep, err := k.next.ResolveEndpoint(ctx, params)
	if err != nil {
		return ep, err
	}
	ep.URI.Host = k.host
	return ep, nil
}
