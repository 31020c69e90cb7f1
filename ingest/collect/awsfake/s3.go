package awsfake

import (
	"encoding/json"
	"net"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// s3Service answers S3 at the server's address addr (host:port).
func s3Service(addr string) *service {
	hosts := []string{addr}
	if _, port, err := net.SplitHostPort(addr); err == nil {
		hosts = append(hosts, "localhost:"+port)
	}
	return &service{
		name:     "s3",
		proto:    s3Protocol{hosts: hosts},
		throttle: apiError{status: 503, code: "SlowDown", message: "Please reduce your request rate."},
		ops: map[string]operation{
			"ListBuckets":                {run: listBuckets, goType: reflect.TypeOf(s3.ListBucketsOutput{}), root: "ListAllMyBucketsResult"},
			"GetBucketPolicy":            {run: bucketPart("Policy", "NoSuchBucketPolicy", "The bucket policy does not exist"), payload: "Policy"},
			"GetPublicAccessBlock":       {run: bucketPart("PublicAccessBlockConfiguration", "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"), goType: reflect.TypeOf(s3types.PublicAccessBlockConfiguration{}), root: "PublicAccessBlockConfiguration", payload: "PublicAccessBlockConfiguration"},
			"GetBucketTagging":           {run: bucketPart("Tagging", "NoSuchTagSet", "The TagSet does not exist"), goType: reflect.TypeOf(s3.GetBucketTaggingOutput{}), root: "Tagging", payload: "Tagging"},
			"GetBucketEncryption":        {run: bucketPart("ServerSideEncryptionConfiguration", "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found"), goType: reflect.TypeOf(s3types.ServerSideEncryptionConfiguration{}), root: "ServerSideEncryptionConfiguration", payload: "ServerSideEncryptionConfiguration"},
			"GetBucketOwnershipControls": {run: bucketPart("OwnershipControls", "OwnershipControlsNotFoundError", "The bucket ownership controls were not found"), goType: reflect.TypeOf(s3types.OwnershipControls{}), root: "OwnershipControls", payload: "OwnershipControls"},
			"GetBucketLocation":          {run: getBucketLocation, root: "LocationConstraint", payload: "LocationConstraint"},
		},
	}
}

func buckets(c *call) []any { return list(c.acct.file("s3-buckets.json")["Buckets"]) }

// listBuckets answers the list part of each bucket (the Go type leaves
// out what the snapshot merges from the get-bucket-* calls), filtered by
// prefix and bucket-region and paged by continuation-token.
func listBuckets(c *call) (map[string]any, *apiError) {
	var of []any
	for _, b := range buckets(c) {
		bucket := object(b)
		if strings.HasPrefix(text(bucket["Name"]), c.in["prefix"]) &&
			(c.in["bucket-region"] == "" || text(bucket["BucketRegion"]) == c.in["bucket-region"]) {
			of = append(of, b)
		}
	}
	page, next, e := pageOf(of, c.in["continuation-token"], c.pageSize("max-buckets"))
	if e != nil {
		return nil, e
	}
	out := map[string]any{"Buckets": page, "Owner": c.acct.file("s3-buckets.json")["Owner"]}
	if c.in["prefix"] != "" {
		out["Prefix"] = c.in["prefix"]
	}
	return withToken(out, "ContinuationToken", next), nil
}

// bucket finds the request's bucket. Like S3, it answers a request signed
// for another region than the bucket's with a redirect that names the
// bucket's region; GetBucketLocation answers from any region.
func bucket(c *call) (map[string]any, *apiError) {
	name := c.in["Bucket"]
	b := findItem(buckets(c), "Name", name)
	if b == nil {
		return nil, newError(404, "NoSuchBucket", "The specified bucket does not exist")
	}
	if region := text(b["BucketRegion"]); region != "" && region != c.region && c.op != "GetBucketLocation" {
		e := newError(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.")
		e.header = map[string]string{"X-Amz-Bucket-Region": region}
		return nil, e
	}
	return b, nil
}

// bucketPart answers one get-bucket-* call from the member the snapshot
// merged into the bucket; null there is S3's "there is none" error.
func bucketPart(member, notFound, message string) func(*call) (map[string]any, *apiError) {
	return func(c *call) (map[string]any, *apiError) {
		b, e := bucket(c)
		if e != nil {
			return nil, e
		}
		v := b[member]
		if v == nil {
			return nil, newError(404, notFound, "%s", message)
		}
		if _, isString := v.(string); member == "Policy" && !isString {
			data, _ := json.Marshal(v) // a decoded JSON tree always encodes
			v = string(data)
		}
		return map[string]any{member: v}, nil
	}
}

// getBucketLocation answers the bucket's region; us-east-1 is the empty
// location constraint.
func getBucketLocation(c *call) (map[string]any, *apiError) {
	b, e := bucket(c)
	if e != nil {
		return nil, e
	}
	region := text(b["BucketRegion"])
	if region == "us-east-1" {
		region = ""
	}
	return map[string]any{"LocationConstraint": region}, nil
}
