package scenario

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

func (d *decoder) role(acct *acctCtx, v value) {
	o := v.object("name", "path", "id", "trust_policy", "trusted_by", "policies", "attached",
		"boundary", "instance_profiles", "tags")
	namev := o.need("name")
	name, path := namev.iamName(), o.get("path").iamPath()
	r := &ingest.Role{
		ARN: iamARN(acct.id, "role", path, name), Name: name, ID: o.get("id").str(),
		Account: acct.id, Path: path, InlinePolicies: inlinePolicies(o.get("policies")),
		Tags: o.get("tags").strMap(),
	}
	o.exclusive("trust_policy", "trusted_by")
	switch {
	case o.has("trust_policy"):
		r.TrustPolicy = o.get("trust_policy").document()
	case o.has("trusted_by"):
		trusted := o.get("trusted_by").items()
		if len(trusted) == 0 {
			o.get("trusted_by").failf("trusted_by lists no principal")
		}
		d.then(func() { r.TrustPolicy = d.trustPolicy(acct, trusted) })
	default:
		v.failf("missing required field \"trust_policy\" (or its short form \"trusted_by\")")
	}
	if !d.declare(namev, "role", scoped(acct.id, name)) {
		return
	}
	d.ix.roles[scoped(acct.id, name)] = r
	d.attach(acct, o.get("attached"), &r.AttachedPolicies)
	d.boundary(acct, o.get("boundary"), &r.PermissionsBoundary)
	for _, p := range o.get("instance_profiles").items() {
		d.instanceProfile(acct, p, r)
	}
}

func (d *decoder) instanceProfile(acct *acctCtx, v value, r *ingest.Role) {
	name := v.iamName()
	if !d.declare(v, "instance profile", scoped(acct.id, name)) {
		return
	}
	arn := iamARN(acct.id, "instance-profile", "/", name)
	d.ix.profiles[scoped(acct.id, name)] = arn
	r.InstanceProfiles = append(r.InstanceProfiles, ingest.InstanceProfile{ARN: arn, Name: name})
}

var servicePrincipal = regexp.MustCompile(`^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$`)

// trustPolicy builds the trust policy that trusted_by stands for: one
// statement allowing sts:AssumeRole to the listed principals.
func (d *decoder) trustPolicy(acct *acctCtx, trusted []value) *iam.Policy {
	var aws, services []string
	for _, t := range trusted {
		s := t.str()
		switch {
		case s == "*":
			aws = append(aws, s)
		case accountPattern.MatchString(s):
			aws = append(aws, iamARN(s, "root", "", ""))
		case servicePrincipal.MatchString(s):
			services = append(services, s)
		case strings.HasPrefix(s, "arn:"):
			aws = append(aws, d.principalARN(t, s))
		case strings.HasPrefix(s, "user/"), strings.HasPrefix(s, "role/"):
			aws = append(aws, d.localPrincipal(acct, t, s))
		default:
			t.failf("invalid trusted principal %q: expected a service (ec2.amazonaws.com), an account id, an ARN, user/NAME, role/NAME or *", s)
		}
	}
	if d.err != nil {
		return nil
	}
	principal := map[string]any{}
	if len(aws) > 0 {
		principal["AWS"] = oneOrList(aws)
	}
	if len(services) > 0 {
		principal["Service"] = oneOrList(services)
	}
	doc := trustDocument{Version: "2012-10-17", Statement: []trustStatement{
		{Effect: "Allow", Principal: principal, Action: "sts:AssumeRole"},
	}}
	raw, err := json.Marshal(doc)
	if err == nil {
		var p *iam.Policy
		if p, err = iam.Parse(raw); err == nil {
			return p
		}
	}
	trusted[0].failf("invalid trust policy: %v", err)
	return nil
}

// principalARN checks an IAM user or role ARN of a scenario account; ARNs
// of other accounts are taken as written.
func (d *decoder) principalARN(v value, arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[2] != "iam" {
		return arn
	}
	if _, ours := d.ix.accounts[parts[4]]; !ours || parts[5] == "root" {
		return arn
	}
	for _, u := range d.ix.users {
		if u.ARN == arn {
			return arn
		}
	}
	for _, r := range d.ix.roles {
		if r.ARN == arn {
			return arn
		}
	}
	v.failf("unknown principal %q", arn)
	return arn
}

// localPrincipal resolves user/NAME or role/NAME in the account to its ARN.
func (d *decoder) localPrincipal(acct *acctCtx, v value, ref string) string {
	kind, name, _ := strings.Cut(ref, "/")
	if kind == "user" {
		if u := lookup(v, d.ix.users, scoped(acct.id, name), "user", name); u != nil {
			return u.ARN
		}
		return ""
	}
	if r := lookup(v, d.ix.roles, scoped(acct.id, name), "role", name); r != nil {
		return r.ARN
	}
	return ""
}

// trustDocument and trustStatement order the generated JSON as AWS does.
type trustDocument struct {
	Version   string
	Statement []trustStatement
}

type trustStatement struct {
	Effect    string
	Principal map[string]any
	Action    string
}

func oneOrList(list []string) any {
	if len(list) == 1 {
		return list[0]
	}
	return list
}
