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
		out.Append(e)
	}
	out.Sort()
	return out, nil
}

// Append adds every object of other to e, keeping one copy of a managed
// policy that both hold (each account's snapshot carries the AWS managed
// policies it attaches). It neither sorts nor checks for duplicate
// accounts: Merge does both.
func (e *Estate) Append(other *Estate) {
	e.Accounts = append(e.Accounts, other.Accounts...)
	e.Users = append(e.Users, other.Users...)
	e.Groups = append(e.Groups, other.Groups...)
	e.Roles = append(e.Roles, other.Roles...)
	e.ManagedPolicies = appendPolicies(e.ManagedPolicies, other.ManagedPolicies)
	e.AccessKeys = append(e.AccessKeys, other.AccessKeys...)
	e.VPCs = append(e.VPCs, other.VPCs...)
	e.Subnets = append(e.Subnets, other.Subnets...)
	e.RouteTables = append(e.RouteTables, other.RouteTables...)
	e.InternetGateways = append(e.InternetGateways, other.InternetGateways...)
	e.NATGateways = append(e.NATGateways, other.NATGateways...)
	e.SecurityGroups = append(e.SecurityGroups, other.SecurityGroups...)
	e.NetworkACLs = append(e.NetworkACLs, other.NetworkACLs...)
	e.Instances = append(e.Instances, other.Instances...)
	e.LoadBalancers = append(e.LoadBalancers, other.LoadBalancers...)
	e.TargetGroups = append(e.TargetGroups, other.TargetGroups...)
	e.Functions = append(e.Functions, other.Functions...)
	e.Buckets = append(e.Buckets, other.Buckets...)
	e.KMSKeys = append(e.KMSKeys, other.KMSKeys...)
	e.Secrets = append(e.Secrets, other.Secrets...)
	e.Databases = append(e.Databases, other.Databases...)
	e.Tables = append(e.Tables, other.Tables...)
	e.Warnings = append(e.Warnings, other.Warnings...)
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
