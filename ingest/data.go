package ingest

import "github.com/pathfinder-sec/pathfinder/iam"

// Bucket is an S3 bucket.
type Bucket struct {
	Name    string      `json:"name"`
	ARN     string      `json:"arn"`
	Account string      `json:"account"`
	Region  string      `json:"region,omitempty"`
	Policy  *iam.Policy `json:"policy,omitempty"`
	// BlockPublicAccess is the bucket-level configuration; nil when none.
	BlockPublicAccess *PublicAccessBlock `json:"block_public_access,omitempty"`
	Encryption        *BucketEncryption  `json:"encryption,omitempty"`
	Tags              Tags               `json:"tags,omitempty"`
}

// BucketEncryption is a bucket's default encryption. Algorithm is "AES256"
// (SSE-S3) or "aws:kms" / "aws:kms:dsse" (SSE-KMS); KMSKey is the key ARN,
// id or alias for the latter.
type BucketEncryption struct {
	Algorithm string `json:"algorithm"`
	KMSKey    string `json:"kms_key,omitempty"`
}

// KMSKey is a KMS key with its key policy.
type KMSKey struct {
	ARN     string      `json:"arn"`
	ID      string      `json:"id"`
	Account string      `json:"account"`
	Region  string      `json:"region"`
	Manager string      `json:"manager,omitempty"` // CUSTOMER or AWS
	Policy  *iam.Policy `json:"policy"`
	Aliases []string    `json:"aliases,omitempty"`
	Tags    Tags        `json:"tags,omitempty"`
}

// Secret is a Secrets Manager secret.
type Secret struct {
	ARN     string      `json:"arn"`
	Name    string      `json:"name"`
	Account string      `json:"account"`
	Region  string      `json:"region"`
	KMSKey  string      `json:"kms_key,omitempty"`
	Policy  *iam.Policy `json:"policy,omitempty"`
	Tags    Tags        `json:"tags,omitempty"`
}

// Database is an RDS DB instance.
type Database struct {
	ARN                string   `json:"arn"`
	ID                 string   `json:"id"`
	Account            string   `json:"account"`
	Region             string   `json:"region"`
	Engine             string   `json:"engine,omitempty"`
	Port               int      `json:"port,omitempty"`
	PubliclyAccessible bool     `json:"publicly_accessible,omitempty"`
	IAMAuth            bool     `json:"iam_auth,omitempty"`
	ResourceID         string   `json:"resource_id,omitempty"` // db-XXXX, for rds-db:connect
	VPC                string   `json:"vpc,omitempty"`
	Subnets            []string `json:"subnets,omitempty"`
	SecurityGroups     []string `json:"security_groups,omitempty"`
	KMSKey             string   `json:"kms_key,omitempty"`
	Tags               Tags     `json:"tags,omitempty"`
}

// Table is a DynamoDB table.
type Table struct {
	ARN     string      `json:"arn"`
	Name    string      `json:"name"`
	Account string      `json:"account"`
	Region  string      `json:"region"`
	KMSKey  string      `json:"kms_key,omitempty"`
	Policy  *iam.Policy `json:"policy,omitempty"`
	Tags    Tags        `json:"tags,omitempty"`
}
