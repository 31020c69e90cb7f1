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
		out.Append(p.estate)
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
