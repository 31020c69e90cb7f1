package snapshot

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// sortEstate sorts every slice by its identifier, so that output built
// from the Estate is deterministic, and rejects an object listed twice
// (the same file both at the top of an account and in a region folder).
// AWS managed policies appear in every account's authorization details;
// the first copy is kept.
func sortEstate(e *ingest.Estate) error {
	e.ManagedPolicies = dedupeAWSManaged(e.ManagedPolicies)
	checks := []error{
		sortBy(e.Accounts, "account", func(v ingest.Account) string { return v.ID }),
		sortBy(e.Users, "user", func(v ingest.User) string { return v.ARN }),
		sortBy(e.Groups, "group", func(v ingest.Group) string { return v.ARN }),
		sortBy(e.Roles, "role", func(v ingest.Role) string { return v.ARN }),
		sortBy(e.ManagedPolicies, "managed policy", func(v ingest.ManagedPolicy) string { return v.ARN }),
		sortBy(e.AccessKeys, "access key", func(v ingest.AccessKey) string { return v.ID }),
		sortBy(e.VPCs, "VPC", func(v ingest.VPC) string { return v.ID }),
		sortBy(e.Subnets, "subnet", func(v ingest.Subnet) string { return v.ID }),
		sortBy(e.RouteTables, "route table", func(v ingest.RouteTable) string { return v.ID }),
		sortBy(e.InternetGateways, "internet gateway", func(v ingest.InternetGateway) string { return v.ID }),
		sortBy(e.NATGateways, "NAT gateway", func(v ingest.NATGateway) string { return v.ID }),
		sortBy(e.SecurityGroups, "security group", func(v ingest.SecurityGroup) string { return v.ID }),
		sortBy(e.NetworkACLs, "network ACL", func(v ingest.NetworkACL) string { return v.ID }),
		sortBy(e.Instances, "instance", func(v ingest.Instance) string { return v.ARN }),
		sortBy(e.LoadBalancers, "load balancer", func(v ingest.LoadBalancer) string { return v.ARN }),
		sortBy(e.TargetGroups, "target group", func(v ingest.TargetGroup) string { return v.ARN }),
		sortBy(e.Functions, "function", func(v ingest.Function) string { return v.ARN }),
		sortBy(e.Buckets, "bucket", func(v ingest.Bucket) string { return v.ARN }),
		sortBy(e.KMSKeys, "KMS key", func(v ingest.KMSKey) string { return v.ARN }),
		sortBy(e.Secrets, "secret", func(v ingest.Secret) string { return v.ARN }),
		sortBy(e.Databases, "database", func(v ingest.Database) string { return v.ARN }),
		sortBy(e.Tables, "table", func(v ingest.Table) string { return v.ARN }),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	sortInner(e)
	slices.Sort(e.Warnings)
	e.Warnings = slices.Compact(e.Warnings)
	return nil
}

func sortBy[T any](list []T, kind string, key func(T) string) error {
	slices.SortStableFunc(list, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
	for i := 1; i < len(list); i++ {
		if key(list[i]) == key(list[i-1]) {
			return fmt.Errorf("%s %s is listed twice", kind, key(list[i]))
		}
	}
	return nil
}

func dedupeAWSManaged(list []ingest.ManagedPolicy) []ingest.ManagedPolicy {
	seen := map[string]bool{}
	out := list[:0]
	for _, p := range list {
		if isAWSManaged(p.ARN) {
			if seen[p.ARN] {
				continue
			}
			seen[p.ARN] = true
		}
		out = append(out, p)
	}
	return out
}

// sortInner orders the lists inside objects that the loader assembled from
// several files; lists copied from one AWS object keep AWS's order.
func sortInner(e *ingest.Estate) {
	for i := range e.LoadBalancers {
		slices.SortStableFunc(e.LoadBalancers[i].Listeners, func(a, b ingest.Listener) int {
			return cmp.Or(cmp.Compare(a.Port, b.Port), cmp.Compare(a.ARN, b.ARN))
		})
	}
	for i := range e.TargetGroups {
		slices.SortStableFunc(e.TargetGroups[i].Targets, func(a, b ingest.Target) int {
			return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Port, b.Port))
		})
	}
	if o := e.Organization; o != nil {
		slices.SortStableFunc(o.Units, func(a, b ingest.OrgUnit) int { return cmp.Compare(a.ID, b.ID) })
		slices.SortStableFunc(o.Accounts, func(a, b ingest.OrgMember) int { return cmp.Compare(a.Account, b.Account) })
		slices.SortStableFunc(o.Policies, func(a, b ingest.OrgPolicy) int { return cmp.Compare(a.ID, b.ID) })
	}
}
