package collect

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
)

// s3API is what the collector calls on S3.
type s3API interface {
	s3.ListBucketsAPIClient
	GetBucketLocation(context.Context, *s3.GetBucketLocationInput, ...func(*s3.Options)) (*s3.GetBucketLocationOutput, error)
	GetBucketPolicy(context.Context, *s3.GetBucketPolicyInput, ...func(*s3.Options)) (*s3.GetBucketPolicyOutput, error)
	GetPublicAccessBlock(context.Context, *s3.GetPublicAccessBlockInput, ...func(*s3.Options)) (*s3.GetPublicAccessBlockOutput, error)
	GetBucketTagging(context.Context, *s3.GetBucketTaggingInput, ...func(*s3.Options)) (*s3.GetBucketTaggingOutput, error)
	GetBucketEncryption(context.Context, *s3.GetBucketEncryptionInput, ...func(*s3.Options)) (*s3.GetBucketEncryptionOutput, error)
	GetBucketOwnershipControls(context.Context, *s3.GetBucketOwnershipControlsInput, ...func(*s3.Options)) (*s3.GetBucketOwnershipControlsOutput, error)
}

// s3ControlAPI is what the collector calls on S3 Control.
type s3ControlAPI interface {
	GetPublicAccessBlock(context.Context, *s3control.GetPublicAccessBlockInput, ...func(*s3control.Options)) (*s3control.GetPublicAccessBlockOutput, error)
}

// collectS3 writes s3control-get-public-access-block.json (left out when
// the account has no Block Public Access configuration) and s3-buckets.json
// (list-buckets with every bucket's settings merged in).
func collectS3(ctx context.Context, s *scope) error {
	if err := collectAccountBPA(ctx, s, newS3Control(s.acct.cfg, s.acct.home)); err != nil {
		return err
	}
	home := newS3(s.acct.cfg, s.acct.home)
	var owner *types.Owner
	var buckets []types.Bucket
	p := s3.NewListBucketsPaginator(home, &s3.ListBucketsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return s.skip(ctx, err, "")
		}
		if owner == nil {
			owner = page.Owner
		}
		buckets = append(buckets, page.Buckets...)
	}
	clients := &s3Clients{cfg: s.acct.cfg, byRegion: map[string]s3API{s.acct.home: home}}
	entries := make([]any, len(buckets))
	err := forEach(ctx, len(buckets), func(ctx context.Context, i int) error {
		entry, err := bucketEntry(ctx, s, clients, buckets[i])
		entries[i] = entry
		return err
	})
	if err != nil {
		return err
	}
	out := newObject().set("Buckets", entries)
	if owner != nil {
		out.set("Owner", encode(owner))
	}
	return s.save("s3-buckets.json", out)
}

func collectAccountBPA(ctx context.Context, s *scope, api s3ControlAPI) error {
	out, err := api.GetPublicAccessBlock(ctx, &s3control.GetPublicAccessBlockInput{AccountId: &s.acct.id})
	if errorCode(err) == "NoSuchPublicAccessBlockConfiguration" {
		return nil
	}
	if err != nil {
		return s.skip(ctx, err, "account public access block")
	}
	return s.save("s3control-get-public-access-block.json", encode(out))
}

// bucketEntry is one bucket of s3-buckets.json. Each setting is null when
// the bucket has none (AWS answers with a "not found" code), and also when
// the call failed, which is then recorded as a gap.
func bucketEntry(ctx context.Context, s *scope, clients *s3Clients, b types.Bucket) (*object, error) {
	name := aws.ToString(b.Name)
	item := "bucket " + name
	entry := encode(b).(*object)
	region := aws.ToString(b.BucketRegion)
	if region == "" {
		loc, err := clients.get(s.acct.home).GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: &name})
		if err != nil {
			if err := s.skip(ctx, err, item); err != nil {
				return nil, err
			}
			loc = &s3.GetBucketLocationOutput{}
		}
		region = bucketRegion(loc.LocationConstraint)
		entry.set("BucketRegion", region)
	}
	api := clients.get(region)
	settings := []struct {
		member   string
		notFound string
		get      func() (any, error)
	}{
		{"Policy", "NoSuchBucketPolicy", func() (any, error) {
			out, err := api.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: &name})
			return outputOrNil(out, err, func() any { return encode(out.Policy) })
		}},
		{"PublicAccessBlockConfiguration", "NoSuchPublicAccessBlockConfiguration", func() (any, error) {
			out, err := api.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: &name})
			return outputOrNil(out, err, func() any { return encode(out.PublicAccessBlockConfiguration) })
		}},
		{"Tagging", "NoSuchTagSet", func() (any, error) {
			out, err := api.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: &name})
			return outputOrNil(out, err, func() any { return encode(out) })
		}},
		{"ServerSideEncryptionConfiguration", "ServerSideEncryptionConfigurationNotFoundError", func() (any, error) {
			out, err := api.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: &name})
			return outputOrNil(out, err, func() any { return encode(out.ServerSideEncryptionConfiguration) })
		}},
		{"OwnershipControls", "OwnershipControlsNotFoundError", func() (any, error) {
			out, err := api.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: &name})
			return outputOrNil(out, err, func() any { return encode(out.OwnershipControls) })
		}},
	}
	for _, setting := range settings {
		v, err := setting.get()
		if err != nil && errorCode(err) != setting.notFound {
			if err := s.skip(ctx, err, item); err != nil {
				return nil, err
			}
		}
		entry.set(setting.member, v)
	}
	return entry, nil
}

// outputOrNil picks the value of an output, or nil when the call failed.
func outputOrNil[T any](out *T, err error, pick func() any) (any, error) {
	if err != nil || out == nil {
		return nil, err
	}
	return pick(), nil
}

// bucketRegion turns GetBucketLocation's constraint into a region: empty
// is us-east-1, and "EU" the old name of eu-west-1.
func bucketRegion(c types.BucketLocationConstraint) string {
	switch c {
	case "":
		return "us-east-1"
	case "EU":
		return "eu-west-1"
	}
	return string(c)
}

// s3Clients keeps one S3 client per region: a bucket's settings must be
// read through its own region's endpoint.
type s3Clients struct {
	cfg      aws.Config
	mu       sync.Mutex
	byRegion map[string]s3API
}

func (c *s3Clients) get(region string) s3API {
	c.mu.Lock()
	defer c.mu.Unlock()
	if api, ok := c.byRegion[region]; ok {
		return api
	}
	api := newS3(c.cfg, region)
	c.byRegion[region] = api
	return api
}
