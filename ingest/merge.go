package ingest

import (
	"cmp"
	"fmt"
	"slices"
)

// Merge combines estates loaded from several sources into one. An account
// that two sources both describe is an error: merging two views of one
// account would double or mix its objects.
func Merge(sources []string, estates []*Estate) (*Estate, error) {
	out := &Estate{}
	owner := map[string]string{}
	for i, e := range estates {
		for _, a := range e.Accounts {
			if prev, ok := owner[a.ID]; ok {
				return nil, fmt.Errorf("account %s is described by both %s and %s", a.ID, prev, sources[i])
			}
			owner[a.ID] = sources[i]
		}
		if e.Organization != nil {
			if out.Organization != nil && out.Organization.ID != e.Organization.ID {
				return nil, fmt.Errorf("%s: organisation %s differs from %s", sources[i], e.Organization.ID, out.Organization.ID)
			}
			if out.Organization == nil {
				out.Organization = e.Organization
			}
		}
		appendEstate(out, e)
	}
	out.Sort()
	return out, nil
}

func appendEstate(out, e *Estate) {
	out.Accounts = append(out.Accounts, e.Accounts...)
	out.Users = append(out.Users, e.Users...)
	out.Groups = append(out.Groups, e.Groups...)
	out.Roles = append(out.Roles, e.Roles...)
	out.ManagedPolicies = appendPolicies(out.ManagedPolicies, e.ManagedPolicies)
	out.AccessKeys = append(out.AccessKeys, e.AccessKeys...)
	out.VPCs = append(out.VPCs, e.VPCs...)
	out.Subnets = append(out.Subnets, e.Subnets...)
	out.RouteTables = append(out.RouteTables, e.RouteTables...)
	out.InternetGateways = append(out.InternetGateways, e.InternetGateways...)
	out.NATGateways = append(out.NATGateways, e.NATGateways...)
	out.SecurityGroups = append(out.SecurityGroups, e.SecurityGroups...)
	out.NetworkACLs = append(out.NetworkACLs, e.NetworkACLs...)
	out.Instances = append(out.Instances, e.Instances...)
	out.LoadBalancers = append(out.LoadBalancers, e.LoadBalancers...)
	out.TargetGroups = append(out.TargetGroups, e.TargetGroups...)
	out.Functions = append(out.Functions, e.Functions...)
	out.Buckets = append(out.Buckets, e.Buckets...)
	out.KMSKeys = append(out.KMSKeys, e.KMSKeys...)
	out.Secrets = append(out.Secrets, e.Secrets...)
	out.Databases = append(out.Databases, e.Databases...)
	out.Tables = append(out.Tables, e.Tables...)
	out.Warnings = append(out.Warnings, e.Warnings...)
}

// appendPolicies adds policies, keeping one copy of an AWS managed policy
// that several accounts' snapshots each carry.
func appendPolicies(have, more []ManagedPolicy) []ManagedPolicy {
	for _, p := range more {
		if !slices.ContainsFunc(have, func(q ManagedPolicy) bool { return q.ARN == p.ARN }) {
			have = append(have, p)
		}
	}
	return have
}

// Sort orders every list by its identifier, so that everything built from
// the estate is deterministic whatever order the sources listed objects in.
func (e *Estate) Sort() {
	sortBy(e.Accounts, func(a Account) string { return a.ID })
	sortBy(e.Users, func(u User) string { return u.ARN })
	sortBy(e.Groups, func(g Group) string { return g.ARN })
	sortBy(e.Roles, func(r Role) string { return r.ARN })
	sortBy(e.ManagedPolicies, func(p ManagedPolicy) string { return p.ARN })
	sortBy(e.AccessKeys, func(k AccessKey) string { return k.ID })
	sortBy(e.VPCs, func(v VPC) string { return v.ID })
	sortBy(e.Subnets, func(s Subnet) string { return s.ID })
	sortBy(e.RouteTables, func(r RouteTable) string { return r.ID })
	sortBy(e.InternetGateways, func(g InternetGateway) string { return g.ID })
	sortBy(e.NATGateways, func(g NATGateway) string { return g.ID })
	sortBy(e.SecurityGroups, func(g SecurityGroup) string { return g.ID })
	sortBy(e.NetworkACLs, func(a NetworkACL) string { return a.ID })
	sortBy(e.Instances, func(i Instance) string { return i.ARN })
	sortBy(e.LoadBalancers, func(l LoadBalancer) string { return l.ARN })
	sortBy(e.TargetGroups, func(t TargetGroup) string { return t.ARN })
	sortBy(e.Functions, func(f Function) string { return f.ARN })
	sortBy(e.Buckets, func(b Bucket) string { return b.ARN })
	sortBy(e.KMSKeys, func(k KMSKey) string { return k.ARN })
	sortBy(e.Secrets, func(s Secret) string { return s.ARN })
	sortBy(e.Databases, func(d Database) string { return d.ARN })
	sortBy(e.Tables, func(t Table) string { return t.ARN })
	slices.Sort(e.Warnings)
	e.Warnings = slices.Compact(e.Warnings)
}

func sortBy[T any](list []T, key func(T) string) {
	slices.SortStableFunc(list, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
}
