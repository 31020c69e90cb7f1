package scenario

import (
	"regexp"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// maxAccessKeys is AWS's limit on a user's access keys.
const maxAccessKeys = 2

var accessKeyPattern = regexp.MustCompile(`^[A-Z0-9]{16,128}$`)

func (d *decoder) user(acct *acctCtx, v value) {
	o := v.object("name", "path", "id", "groups", "policies", "attached", "boundary", "tags", "access_keys")
	namev := o.need("name")
	name, path := namev.iamName(), o.get("path").iamPath()
	u := &ingest.User{
		ARN: iamARN(acct.id, "user", path, name), Name: name, ID: o.get("id").str(),
		Account: acct.id, Path: path, InlinePolicies: inlinePolicies(o.get("policies")),
		Tags: o.get("tags").strMap(),
	}
	if !d.declare(namev, "user", scoped(acct.id, name)) {
		return
	}
	d.ix.users[scoped(acct.id, name)] = u
	for _, g := range o.get("groups").items() {
		d.then(func() {
			if grp := lookup(g, d.ix.groups, scoped(acct.id, g.str()), "group", g.str()); grp != nil {
				u.Groups = append(u.Groups, grp.ARN)
			}
		})
	}
	d.attach(acct, o.get("attached"), &u.AttachedPolicies)
	d.boundary(acct, o.get("boundary"), &u.PermissionsBoundary)
	keys := o.get("access_keys").list()
	if len(keys) > maxAccessKeys {
		o.get("access_keys").failf("a user has at most %d access keys, got %d", maxAccessKeys, len(keys))
	}
	for _, k := range keys {
		d.accessKey(k, u.ARN)
	}
}

// accessKey reads an access key: its id (Active), or {id, status}.
func (d *decoder) accessKey(v value, user string) {
	idv, key := v, &ingest.AccessKey{User: user, Status: "Active"}
	if v.n.Kind == yamlMapping {
		o := v.object("id", "status")
		idv = o.need("id")
		key.Status = o.get("status").oneOf("Active", "Active", "Inactive")
	}
	key.ID = idv.str()
	if !idv.absent() && !accessKeyPattern.MatchString(key.ID) {
		idv.failf("invalid access key id %q: expected 16 or more upper-case letters and digits, such as AKIAIOSFODNN7EXAMPLE", key.ID)
		return
	}
	if d.declare(idv, "access key id", key.ID) {
		d.ix.accessKeys[key.ID] = key
	}
}

func (d *decoder) group(acct *acctCtx, v value) {
	o := v.object("name", "path", "id", "policies", "attached")
	namev := o.need("name")
	name, path := namev.iamName(), o.get("path").iamPath()
	g := &ingest.Group{
		ARN: iamARN(acct.id, "group", path, name), Name: name, ID: o.get("id").str(),
		Account: acct.id, Path: path, InlinePolicies: inlinePolicies(o.get("policies")),
	}
	if !d.declare(namev, "group", scoped(acct.id, name)) {
		return
	}
	d.ix.groups[scoped(acct.id, name)] = g
	d.attach(acct, o.get("attached"), &g.AttachedPolicies)
}
