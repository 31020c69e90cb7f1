package scenario

import "github.com/pathfinder-sec/pathfinder/ingest"

func (d *decoder) bucket(acct *acctCtx, v value) {
	o := v.object("name", "region", "policy", "block_public_access", "encryption", "tags")
	namev := o.need("name")
	name := namev.name(bucketNames)
	b := &ingest.Bucket{
		Name: name, ARN: "arn:aws:s3:::" + name, Account: acct.id,
		Region: regionOr(o.get("region"), acct.region), Policy: o.get("policy").document(),
		BlockPublicAccess: o.get("block_public_access").publicAccessBlock(),
		Tags:              o.get("tags").strMap(),
	}
	enc, key := encryption(o.get("encryption"))
	b.Encryption = enc
	if !d.declare(namev, "bucket", name) {
		return
	}
	d.ix.buckets[name] = b
	if !key.absent() {
		d.then(func() { b.Encryption.KMSKey = d.keyRef(acct, b.Region, key) })
	}
}

// encryption reads a bucket's default encryption: AES256 (also when not
// written: AWS encrypts every bucket with SSE-S3 by default), aws:kms,
// aws:kms:dsse, none, or {algorithm, kms_key}. The returned value is the
// key reference to resolve, if any.
func encryption(v value) (*ingest.BucketEncryption, value) {
	algorithms := []string{"AES256", "aws:kms", "aws:kms:dsse"}
	if v.absent() {
		return &ingest.BucketEncryption{Algorithm: "AES256"}, value{}
	}
	if v.n.Kind != yamlMapping {
		if v.oneOf("", append(algorithms, "none")...) == "none" {
			return nil, value{}
		}
		return &ingest.BucketEncryption{Algorithm: v.str()}, value{}
	}
	o := v.object("algorithm", "kms_key")
	key := o.get("kms_key")
	def := "AES256"
	if !key.absent() {
		def = "aws:kms"
	}
	enc := &ingest.BucketEncryption{Algorithm: o.get("algorithm").oneOf(def, algorithms...)}
	if enc.Algorithm == "AES256" && !key.absent() {
		key.failf("a KMS key needs algorithm aws:kms or aws:kms:dsse, not AES256")
	}
	return enc, key
}
