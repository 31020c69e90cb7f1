package snapshot

import (
	"errors"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// bucketsFile is `aws s3api list-buckets` with each bucket's policy, Block
// Public Access, tags, encryption and ownership controls merged in under
// the field names of the get-bucket-* commands' output.
type bucketsFile struct {
	Buckets []bucket    `json:"Buckets"`
	Owner   bucketOwner `json:"Owner"`
	Prefix  string      `json:"Prefix"`
}

type bucketOwner struct {
	DisplayName string `json:"DisplayName"`
	ID          string `json:"ID"`
}

type bucket struct {
	Name                              string             `json:"Name"`
	CreationDate                      timestamp          `json:"CreationDate"`
	BucketRegion                      string             `json:"BucketRegion"`
	Policy                            policyDoc          `json:"Policy"`
	PublicAccessBlockConfiguration    *publicAccessBlock `json:"PublicAccessBlockConfiguration"`
	Tagging                           *bucketTagging     `json:"Tagging"`
	ServerSideEncryptionConfiguration *encryptionConfig  `json:"ServerSideEncryptionConfiguration"`
	OwnershipControls                 *ownershipControls `json:"OwnershipControls"`
}

func (b *bucket) validate() error {
	if b.Name == "" {
		return errors.New("Name is missing")
	}
	return nil
}

type publicAccessBlock struct {
	BlockPublicAcls       bool `json:"BlockPublicAcls"`
	IgnorePublicAcls      bool `json:"IgnorePublicAcls"`
	BlockPublicPolicy     bool `json:"BlockPublicPolicy"`
	RestrictPublicBuckets bool `json:"RestrictPublicBuckets"`
}

func (p *publicAccessBlock) toEstate() *ingest.PublicAccessBlock {
	if p == nil {
		return nil
	}
	return &ingest.PublicAccessBlock{
		BlockPublicAcls: p.BlockPublicAcls, IgnorePublicAcls: p.IgnorePublicAcls,
		BlockPublicPolicy: p.BlockPublicPolicy, RestrictPublicBuckets: p.RestrictPublicBuckets,
	}
}

type bucketTagging struct {
	TagSet []tag `json:"TagSet"`
}

type encryptionConfig struct {
	Rules []encryptionRule `json:"Rules"`
}

type encryptionRule struct {
	ApplyServerSideEncryptionByDefault *struct {
		SSEAlgorithm   string `json:"SSEAlgorithm"`
		KMSMasterKeyID string `json:"KMSMasterKeyID"`
	} `json:"ApplyServerSideEncryptionByDefault"`
	BucketKeyEnabled bool `json:"BucketKeyEnabled"`
}

type ownershipControls struct {
	Rules []struct {
		ObjectOwnership string `json:"ObjectOwnership"`
	} `json:"Rules"`
}

func decodeBuckets(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &bucketsFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.buckets = f
	return nil
}

// accountBPAFile is `aws s3control get-public-access-block --account-id`.
type accountBPAFile struct {
	PublicAccessBlockConfiguration *publicAccessBlock `json:"PublicAccessBlockConfiguration"`
}

func decodeAccountBPA(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &accountBPAFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.accountBPA = f
	return nil
}

func (c *converter) convertBuckets() {
	if c.files.buckets == nil {
		return
	}
	for _, b := range c.files.buckets.Buckets {
		c.est.Buckets = append(c.est.Buckets, ingest.Bucket{
			Name: b.Name, ARN: bucketARN(b.BucketRegion, b.Name), Account: c.account, Region: b.BucketRegion,
			Policy: b.Policy.doc, BlockPublicAccess: b.PublicAccessBlockConfiguration.toEstate(),
			Encryption: b.ServerSideEncryptionConfiguration.toEstate(), Tags: b.tags(),
		})
	}
}

func (b *bucket) tags() ingest.Tags {
	if b.Tagging == nil {
		return nil
	}
	return tagMap(b.Tagging.TagSet)
}

// toEstate takes the first rule with a default, as S3 applies it.
func (e *encryptionConfig) toEstate() *ingest.BucketEncryption {
	if e == nil {
		return nil
	}
	for _, r := range e.Rules {
		if d := r.ApplyServerSideEncryptionByDefault; d != nil {
			return &ingest.BucketEncryption{Algorithm: d.SSEAlgorithm, KMSKey: d.KMSMasterKeyID}
		}
	}
	return nil
}

func (c *converter) convertAccountBPA() {
	if c.files.accountBPA == nil || len(c.est.Accounts) == 0 {
		return
	}
	c.est.Accounts[0].BlockPublicAccess = c.files.accountBPA.PublicAccessBlockConfiguration.toEstate()
}
