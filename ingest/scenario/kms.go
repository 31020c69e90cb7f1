package scenario

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

var aliasPattern = regexp.MustCompile(`^alias/[A-Za-z0-9/_-]{1,250}$`)

func (d *decoder) kmsKey(acct *acctCtx, v value) {
	o := v.object("id", "region", "aliases", "policy", "manager", "tags")
	idv := o.need("id")
	k := &ingest.KMSKey{
		ID: idv.name(keyIDs), Account: acct.id, Region: regionOr(o.get("region"), acct.region),
		Manager: o.get("manager").oneOf("CUSTOMER", "CUSTOMER", "AWS"), Tags: o.get("tags").strMap(),
	}
	k.ARN = regionalARN("kms", k.Region, k.Account, "key/"+k.ID)
	k.Policy = o.get("policy").document()
	if !o.has("policy") {
		k.Policy = defaultKeyPolicy(k.Account)
	}
	if !d.declare(idv, "KMS key", k.ARN) {
		return
	}
	d.ix.keys[k.ARN] = k
	for _, a := range o.get("aliases").items() {
		d.keyAlias(a, k)
	}
}

func (d *decoder) keyAlias(v value, k *ingest.KMSKey) {
	alias := v.str()
	if !strings.HasPrefix(alias, "alias/") {
		alias = "alias/" + alias
	}
	switch {
	case !aliasPattern.MatchString(alias):
		v.failf("invalid alias %q: use alias/ followed by letters, digits and /_-", alias)
	case strings.HasPrefix(alias, "alias/aws/") && k.Manager != "AWS":
		v.failf("alias %q is reserved for AWS managed keys (set manager: AWS)", alias)
	case d.declare(v, "KMS alias", scoped(k.Account, k.Region, alias)):
		d.ix.aliases[scoped(k.Account, k.Region, alias)] = k
		k.Aliases = append(k.Aliases, alias)
	}
}

// defaultKeyPolicy is the key policy AWS gives a key created without one:
// the account may use IAM policies to allow access.
func defaultKeyPolicy(account string) *iam.Policy {
	return iam.MustParse(fmt.Sprintf(`{"Version":"2012-10-17","Id":"key-default-1","Statement":[`+
		`{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},`+
		`"Action":"kms:*","Resource":"*"}]}`, account))
}

// keyRef resolves a KMS key reference (key id, key ARN, alias name or
// alias ARN) made by an object in the account and region to the key's
// ARN. An AWS managed alias (alias/aws/s3) the scenario does not declare
// is kept as written.
func (d *decoder) keyRef(acct *acctCtx, region string, v value) string {
	ref := v.str()
	if v.absent() {
		return ""
	}
	var k *ingest.KMSKey
	switch {
	case strings.HasPrefix(ref, "arn:") && strings.Contains(ref, ":key/"):
		k = lookup(v, d.ix.keys, ref, "KMS key", ref)
	case strings.HasPrefix(ref, "arn:") && strings.Contains(ref, ":alias/"):
		parts := strings.SplitN(ref, ":", 6)
		if len(parts) < 6 {
			v.failf("invalid KMS alias ARN %q", ref)
			return ""
		}
		k = lookup(v, d.ix.aliases, scoped(parts[4], parts[3], parts[5]), "KMS key alias", ref)
	case strings.HasPrefix(ref, "alias/aws/") && d.ix.aliases[scoped(acct.id, region, ref)] == nil:
		return ref
	case strings.HasPrefix(ref, "alias/"):
		k = lookup(v, d.ix.aliases, scoped(acct.id, region, ref), "KMS key alias", ref)
	default:
		k = lookup(v, d.ix.keys, regionalARN("kms", region, acct.id, "key/"+ref), "KMS key", ref)
	}
	if k == nil {
		return ""
	}
	if k.Region != region {
		v.failf("KMS key %s is in %s, not %s", k.ID, k.Region, region)
		return ""
	}
	return k.ARN
}
