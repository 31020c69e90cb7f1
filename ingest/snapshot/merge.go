package snapshot

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// mergeAccounts joins account estates into one, in directory order, and
// sorts it. The same account twice is an error naming both directories.
func mergeAccounts(parts []*accountResult) (*ingest.Estate, error) {
	out := &ingest.Estate{}
	seen := map[string]string{} // account → directory
	orgFrom := ""
	for _, p := range parts {
		if p.account != "" {
			if dir, dup := seen[p.account]; dup {
				return nil, fmt.Errorf("account %s is in two directories: %s and %s", p.account, dirName(dir), dirName(p.dir))
			}
			seen[p.account] = p.dir
		}
		if err := mergeOrganization(out, p, &orgFrom); err != nil {
			return nil, err
		}
		appendEstate(out, p.estate)
	}
	nameAccounts(out, parts)
	if err := sortEstate(out); err != nil {
		return nil, err
	}
	return out, nil
}

func dirName(dir string) string {
	if dir == "" {
		return "."
	}
	return strings.TrimSuffix(dir, "/")
}

func appendEstate(out, e *ingest.Estate) {
	out.Accounts = append(out.Accounts, e.Accounts...)
	out.Users = append(out.Users, e.Users...)
	out.Groups = append(out.Groups, e.Groups...)
	out.Roles = append(out.Roles, e.Roles...)
	out.ManagedPolicies = append(out.ManagedPolicies, e.ManagedPolicies...)
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

// mergeOrganization keeps the one organisation the snapshots describe; two
// accounts may both hold its files (a management account and a delegated
// administrator), but two different organisations cannot be one Estate.
func mergeOrganization(out *ingest.Estate, p *accountResult, from *string) error {
	org := p.estate.Organization
	if org == nil {
		return nil
	}
	if out.Organization == nil {
		copied := *org
		out.Organization = &copied
		*from = p.dir
		return nil
	}
	if out.Organization.ID != org.ID {
		return fmt.Errorf("directories %s and %s describe different organisations (%s, %s)", dirName(*from), dirName(p.dir), out.Organization.ID, org.ID)
	}
	have := out.Organization
	have.Units = unionBy(have.Units, org.Units, func(u ingest.OrgUnit) string { return u.ID })
	have.Accounts = unionBy(have.Accounts, org.Accounts, func(m ingest.OrgMember) string { return m.Account })
	have.Policies = unionBy(have.Policies, org.Policies, func(p ingest.OrgPolicy) string { return p.ID })
	have.ManagementAccount = firstNonEmpty(have.ManagementAccount, org.ManagementAccount)
	return nil
}

func unionBy[T any](have, more []T, key func(T) string) []T {
	seen := make(map[string]bool, len(have))
	for _, v := range have {
		seen[key(v)] = true
	}
	for _, v := range more {
		if !seen[key(v)] {
			seen[key(v)] = true
			have = append(have, v)
		}
	}
	return have
}

// nameAccounts gives accounts without a name in their manifest the name
// the organisation knows them by.
func nameAccounts(out *ingest.Estate, parts []*accountResult) {
	names := map[string]string{}
	for _, p := range parts {
		for id, name := range p.orgNames {
			names[id] = name
		}
	}
	for i := range out.Accounts {
		if out.Accounts[i].Name == "" {
			out.Accounts[i].Name = names[out.Accounts[i].ID]
		}
	}
}
