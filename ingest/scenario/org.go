package scenario

import (
	"regexp"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

var (
	orgIDs       = names{"organization id", regexp.MustCompile(`^o-[a-z0-9]{10,32}$`), "o- and 10-32 lower-case letters or digits"}
	rootIDs      = names{"root id", regexp.MustCompile(`^r-[a-z0-9]{4,32}$`), "r- and 4-32 lower-case letters or digits"}
	unitIDs      = names{"OU id", regexp.MustCompile(`^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$`), "ou-, 4-32 lower-case letters or digits, a hyphen, and 8-32 more"}
	orgPolicyIDs = names{"policy id", regexp.MustCompile(`^p-[A-Za-z0-9_]{8,128}$`), "p- and 8-128 letters, digits or underscores"}
)

// orgPolicyTypes maps the type a scenario writes to AWS's type and the
// ARN segment of its policies.
var orgPolicyTypes = map[string]struct {
	typ     ingest.OrgPolicyType
	segment string
}{
	"scp": {ingest.SCP, "service_control_policy"},
	"rcp": {ingest.RCP, "resource_control_policy"},
}

// orgCtx is an organisation being read, with the line of each target.
type orgCtx struct {
	org     *ingest.Organization
	targets map[string]bool // root, OU and account ids
}

func (d *decoder) organization(v value) {
	if v.absent() {
		return
	}
	o := v.object("id", "management_account", "root", "full_aws_access", "accounts", "units", "policies")
	org := &ingest.Organization{ID: o.need("id").name(orgIDs), ManagementAccount: o.need("management_account").account()}
	root := "r-root"
	if rv := o.get("root"); !rv.absent() {
		root = rv.name(rootIDs)
	}
	ctx := &orgCtx{org: org, targets: map[string]bool{root: true}}
	org.Units = []ingest.OrgUnit{{ID: root, Name: "Root"}}
	d.orgMembers(ctx, o.get("accounts"), root)
	o.get("units").each(func(u value) { d.orgUnit(ctx, u, root) })
	o.get("policies").each(func(p value) { d.orgPolicy(ctx, p) })
	if d.err == nil && !ctx.targets[org.ManagementAccount] {
		o.get("management_account").failf("management account %s is not placed in the organization (list it under accounts)", org.ManagementAccount)
	}
	if o.get("full_aws_access").boolean(true) {
		addFullAccess(org)
	}
	d.ix.org = org
}

func (d *decoder) orgMembers(ctx *orgCtx, v value, parent string) {
	for _, a := range v.items() {
		id := a.account()
		if d.declare(a, "organization account", id) {
			ctx.targets[id] = true
			ctx.org.Accounts = append(ctx.org.Accounts, ingest.OrgMember{Account: id, Parent: parent})
		}
	}
}

func (d *decoder) orgUnit(ctx *orgCtx, v value, root string) {
	o := v.object("id", "name", "parent", "accounts")
	idv := o.need("id")
	u := ingest.OrgUnit{ID: idv.name(unitIDs), Name: o.need("name").str(), Parent: root}
	parent := o.get("parent")
	if !parent.absent() {
		u.Parent = parent.str()
	}
	if !d.declare(idv, "organizational unit", u.ID) {
		return
	}
	ctx.targets[u.ID] = true
	ctx.org.Units = append(ctx.org.Units, u)
	d.orgMembers(ctx, o.get("accounts"), u.ID)
	d.then(func() { d.checkParent(ctx, parent, u.ID) })
}

// checkParent checks that an OU's parent exists and that following
// parents from it reaches the root.
func (d *decoder) checkParent(ctx *orgCtx, v value, id string) {
	parents := map[string]string{}
	for _, u := range ctx.org.Units {
		parents[u.ID] = u.Parent
	}
	at := id
	for steps := 0; parents[at] != ""; steps++ {
		at = parents[at]
		if _, known := parents[at]; !known {
			v.failf("unknown organizational unit %q", at)
			return
		}
		if steps > len(parents) {
			v.failf("organizational unit %s is its own ancestor", id)
			return
		}
	}
}

func (d *decoder) orgPolicy(ctx *orgCtx, v value) {
	o := v.object("id", "name", "type", "document", "targets")
	namev := o.need("name")
	p := ingest.OrgPolicy{Name: namev.str(), Document: o.need("document").document()}
	kind := o.need("type").oneOf("scp", "scp", "rcp")
	p.Type = orgPolicyTypes[kind].typ
	p.ID = "p-" + stableHex(8, ctx.org.ID, p.Name)
	if idv := o.get("id"); !idv.absent() {
		p.ID = idv.name(orgPolicyIDs)
	}
	p.ARN = "arn:aws:organizations::" + ctx.org.ManagementAccount + ":policy/" + ctx.org.ID + "/" + orgPolicyTypes[kind].segment + "/" + p.ID
	targets := o.need("targets").items()
	for _, t := range targets {
		p.Targets = append(p.Targets, t.str())
	}
	if !d.declare(namev, "organization policy", p.Name) || !d.declare(namev, "organization policy id", p.ID) {
		return
	}
	ctx.org.Policies = append(ctx.org.Policies, p)
	d.then(func() {
		for _, t := range targets {
			if !ctx.targets[t.str()] {
				t.failf("unknown policy target %q: expected the root, an OU or an account of the organization", t.str())
			}
		}
	})
}

// addFullAccess attaches the AWS managed FullAWSAccess SCP to every root,
// OU and account, as AWS does when SCPs are enabled, and RCPFullAWSAccess
// when the organisation uses RCPs.
func addFullAccess(org *ingest.Organization) {
	var all []string
	for _, u := range org.Units {
		all = append(all, u.ID)
	}
	for _, a := range org.Accounts {
		all = append(all, a.Account)
	}
	for _, p := range org.Policies {
		if p.ID == "p-FullAWSAccess" || p.ID == "p-RCPFullAWSAccess" {
			return // written out by the scenario itself
		}
	}
	org.Policies = append(org.Policies, ingest.OrgPolicy{
		ID: "p-FullAWSAccess", ARN: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
		Name: "FullAWSAccess", Type: ingest.SCP, Targets: all,
		Document: iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`),
	})
	for _, p := range org.Policies {
		if p.Type == ingest.RCP {
			org.Policies = append(org.Policies, ingest.OrgPolicy{
				ID: "p-RCPFullAWSAccess", ARN: "arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess",
				Name: "RCPFullAWSAccess", Type: ingest.RCP, Targets: all,
				Document: iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`),
			})
			return
		}
	}
}
