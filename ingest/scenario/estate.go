package scenario

import (
	"cmp"
	"slices"
	"sort"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// estate assembles the Estate from the index, every list sorted by its
// object's id or ARN so that the same file always gives the same Estate.
func (ix *index) estate() *ingest.Estate {
	e := &ingest.Estate{
		Accounts:         collect(ix.accounts, func(a *ingest.Account) string { return a.ID }),
		Users:            collect(ix.users, func(u *ingest.User) string { return u.ARN }),
		Groups:           collect(ix.groups, func(g *ingest.Group) string { return g.ARN }),
		Roles:            collect(ix.roles, func(r *ingest.Role) string { return r.ARN }),
		ManagedPolicies:  collect(ix.policies, func(p *ingest.ManagedPolicy) string { return p.ARN }),
		AccessKeys:       collect(ix.accessKeys, func(k *ingest.AccessKey) string { return k.ID }),
		VPCs:             collect(ix.vpcs, func(v *ingest.VPC) string { return v.ID }),
		Subnets:          collect(ix.subnets, func(s *ingest.Subnet) string { return s.ID }),
		RouteTables:      collect(ix.routeTables, func(r *ingest.RouteTable) string { return r.ID }),
		InternetGateways: collect(ix.igws, func(g *ingest.InternetGateway) string { return g.ID }),
		NATGateways:      collect(ix.nats, func(n *ingest.NATGateway) string { return n.ID }),
		SecurityGroups:   collect(ix.sgs, func(g *ingest.SecurityGroup) string { return g.ID }),
		NetworkACLs:      collect(ix.nacls, func(a *ingest.NetworkACL) string { return a.ID }),
		Instances:        collect(ix.instances, func(i *ingest.Instance) string { return i.ID }),
		LoadBalancers:    collect(ix.lbs, func(l *ingest.LoadBalancer) string { return l.ARN }),
		TargetGroups:     collect(ix.tgs, func(t *ingest.TargetGroup) string { return t.ARN }),
		Functions:        collect(ix.functions, func(f *ingest.Function) string { return f.ARN }),
		Buckets:          collect(ix.buckets, func(b *ingest.Bucket) string { return b.ARN }),
		KMSKeys:          collect(ix.keys, func(k *ingest.KMSKey) string { return k.ARN }),
		Secrets:          collect(ix.secrets, func(s *ingest.Secret) string { return s.ARN }),
		Databases:        collect(ix.databases, func(d *ingest.Database) string { return d.ARN }),
		Tables:           collect(ix.tables, func(t *ingest.Table) string { return t.ARN }),
		Organization:     ix.org,
	}
	sortIdentities(e)
	sortNetwork(e)
	sortOrganization(e.Organization)
	return e
}

// collect copies the objects of m into a slice sorted by key; nil if none.
func collect[T any](m map[string]*T, key func(*T) string) []T {
	if len(m) == 0 {
		return nil
	}
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool { return key(&out[i]) < key(&out[j]) })
	return out
}

func sortIdentities(e *ingest.Estate) {
	byName := func(a, b ingest.InlinePolicy) int { return cmp.Compare(a.Name, b.Name) }
	for i := range e.Users {
		u := &e.Users[i]
		slices.Sort(u.Groups)
		slices.Sort(u.AttachedPolicies)
		slices.SortFunc(u.InlinePolicies, byName)
	}
	for i := range e.Groups {
		slices.Sort(e.Groups[i].AttachedPolicies)
		slices.SortFunc(e.Groups[i].InlinePolicies, byName)
	}
	for i := range e.Roles {
		r := &e.Roles[i]
		slices.Sort(r.AttachedPolicies)
		slices.SortFunc(r.InlinePolicies, byName)
		slices.SortFunc(r.InstanceProfiles, func(a, b ingest.InstanceProfile) int { return cmp.Compare(a.ARN, b.ARN) })
	}
}

func sortNetwork(e *ingest.Estate) {
	for i := range e.RouteTables {
		slices.Sort(e.RouteTables[i].Subnets)
	}
	for i := range e.NetworkACLs {
		a := &e.NetworkACLs[i]
		slices.Sort(a.Subnets)
		slices.SortStableFunc(a.Entries, func(x, y ingest.ACLEntry) int {
			if x.Egress != y.Egress {
				return map[bool]int{false: -1, true: 1}[x.Egress]
			}
			return cmp.Compare(x.RuleNumber, y.RuleNumber)
		})
	}
	for i := range e.Instances {
		slices.Sort(e.Instances[i].SecurityGroups)
	}
	for i := range e.LoadBalancers {
		lb := &e.LoadBalancers[i]
		slices.Sort(lb.Subnets)
		slices.Sort(lb.SecurityGroups)
		slices.SortFunc(lb.Listeners, func(a, b ingest.Listener) int { return cmp.Compare(a.Port, b.Port) })
	}
	for i := range e.TargetGroups {
		slices.SortFunc(e.TargetGroups[i].Targets, func(a, b ingest.Target) int { return cmp.Compare(a.ID, b.ID) })
	}
	for i := range e.Databases {
		slices.Sort(e.Databases[i].Subnets)
		slices.Sort(e.Databases[i].SecurityGroups)
	}
}

func sortOrganization(o *ingest.Organization) {
	if o == nil {
		return
	}
	slices.SortFunc(o.Units, func(a, b ingest.OrgUnit) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(o.Accounts, func(a, b ingest.OrgMember) int { return cmp.Compare(a.Account, b.Account) })
	slices.SortFunc(o.Policies, func(a, b ingest.OrgPolicy) int { return cmp.Compare(a.ID, b.ID) })
	for i := range o.Policies {
		slices.Sort(o.Policies[i].Targets)
	}
}
