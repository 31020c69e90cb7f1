package scenario

import "github.com/pathfinder-sec/pathfinder/ingest"

// acctCtx is what the objects of one account inherit.
type acctCtx struct {
	id     string
	region string
}

var accountFields = []string{
	"id", "name", "region", "block_public_access",
	"vpcs", "instances", "load_balancers", "functions",
	"users", "groups", "roles", "policies",
	"buckets", "kms_keys", "secrets", "databases", "tables",
}

func (d *decoder) account(v value) {
	o := v.object(accountFields...)
	idv := o.need("id")
	acct := &ingest.Account{ID: idv.account(), Name: o.get("name").str()}
	acct.BlockPublicAccess = o.get("block_public_access").publicAccessBlock()
	ctx := &acctCtx{id: acct.ID, region: regionOr(o.get("region"), d.ix.region)}
	if !d.declare(idv, "account", acct.ID) {
		return
	}
	d.ix.accounts[acct.ID] = acct

	o.get("vpcs").each(func(v value) { d.vpc(ctx, v) })
	o.get("instances").each(func(v value) { d.instance(ctx, v) })
	o.get("load_balancers").each(func(v value) { d.loadBalancer(ctx, v) })
	o.get("policies").each(func(v value) { d.managedPolicy(ctx, v) })
	o.get("groups").each(func(v value) { d.group(ctx, v) })
	o.get("roles").each(func(v value) { d.role(ctx, v) })
	o.get("users").each(func(v value) { d.user(ctx, v) })
	o.get("functions").each(func(v value) { d.function(ctx, v) })
	o.get("kms_keys").each(func(v value) { d.kmsKey(ctx, v) })
	o.get("buckets").each(func(v value) { d.bucket(ctx, v) })
	o.get("secrets").each(func(v value) { d.secret(ctx, v) })
	o.get("databases").each(func(v value) { d.database(ctx, v) })
	o.get("tables").each(func(v value) { d.table(ctx, v) })
}

// publicAccessBlock reads an S3 Block Public Access setting: true (all four
// flags), false (none configured) or a mapping of the flags.
func (v value) publicAccessBlock() *ingest.PublicAccessBlock {
	if v.absent() {
		return nil
	}
	if v.n.Kind != yamlMapping {
		if v.boolean(false) {
			return &ingest.PublicAccessBlock{BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
		}
		return nil
	}
	o := v.object("block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets")
	return &ingest.PublicAccessBlock{
		BlockPublicAcls:       o.get("block_public_acls").boolean(false),
		IgnorePublicAcls:      o.get("ignore_public_acls").boolean(false),
		BlockPublicPolicy:     o.get("block_public_policy").boolean(false),
		RestrictPublicBuckets: o.get("restrict_public_buckets").boolean(false),
	}
}
