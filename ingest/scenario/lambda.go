package scenario

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

func (d *decoder) function(acct *acctCtx, v value) {
	o := v.object("name", "region", "role", "runtime", "environment", "resource_policy", "tags")
	namev, rolev := o.need("name"), o.need("role")
	name, region := namev.name(functionNames), regionOr(o.get("region"), acct.region)
	f := &ingest.Function{
		ARN: regionalARN("lambda", region, acct.id, "function:"+name), Name: name,
		Account: acct.id, Region: region, Runtime: o.get("runtime").str(),
		Environment:    o.get("environment").strMap(),
		ResourcePolicy: o.get("resource_policy").document(), Tags: o.get("tags").strMap(),
	}
	if !d.declare(namev, "function", f.ARN) {
		return
	}
	d.ix.functions[f.ARN] = f
	d.then(func() { f.Role = d.roleRef(acct, rolev) })
}

// roleRef resolves a role given by name in the account, or by ARN, to its ARN.
func (d *decoder) roleRef(acct *acctCtx, v value) string {
	ref := v.str()
	if strings.HasPrefix(ref, "arn:") {
		for _, r := range d.ix.roles {
			if r.ARN == ref {
				return ref
			}
		}
		v.failf("unknown role %q", ref)
		return ""
	}
	if r := lookup(v, d.ix.roles, scoped(acct.id, ref), "role", ref); r != nil {
		return r.ARN
	}
	return ""
}
