package snapshot

import (
	"sort"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// convertOrganization builds the organisation tree and its SCPs and RCPs.
// It returns the names of the member accounts, which the merge gives to
// the accounts of the Estate. Policies of other types (tag, backup, ...)
// take no part in authorisation and are left out.
func (c *converter) convertOrganization() map[string]string {
	o := c.files.org
	if !o.present() {
		return nil
	}
	org := &ingest.Organization{}
	if o.describe != nil {
		org.ID = o.describe.Organization.Id
		org.ManagementAccount = string(o.describe.Organization.MasterAccountId)
	}
	if o.roots != nil {
		for _, r := range o.roots.Roots {
			org.Units = append(org.Units, ingest.OrgUnit{ID: r.Id, Name: r.Name})
			org.ID = firstNonEmpty(org.ID, orgIDFromARN(r.Arn))
			org.ManagementAccount = firstNonEmpty(org.ManagementAccount, arnAccount(r.Arn))
		}
	}
	for _, parent := range sortedKeys(o.units) {
		for _, u := range o.units[parent].OrganizationalUnits {
			org.Units = append(org.Units, ingest.OrgUnit{ID: u.Id, Name: u.Name, Parent: parent})
		}
	}
	names := map[string]string{}
	for _, parent := range sortedKeys(o.accounts) {
		for _, a := range o.accounts[parent].Accounts {
			org.Accounts = append(org.Accounts, ingest.OrgMember{Account: string(a.Id), Parent: parent})
			names[string(a.Id)] = a.Name
		}
	}
	c.addOrgPolicies(org)
	c.est.Organization = org
	return names
}

func (c *converter) addOrgPolicies(org *ingest.Organization) {
	if c.files.org.policies == nil {
		return
	}
	for _, p := range c.files.org.policies.Policies {
		typ := ingest.OrgPolicyType(p.Type)
		if typ != ingest.SCP && typ != ingest.RCP {
			continue
		}
		if p.Content.doc == nil {
			c.warn("organisation policy %s (%s) has no Content: it is left out", p.Id, p.Name)
			continue
		}
		pol := ingest.OrgPolicy{ID: p.Id, ARN: p.Arn, Name: p.Name, Type: typ, Document: p.Content.doc}
		for _, t := range p.Targets {
			pol.Targets = append(pol.Targets, t.TargetId)
		}
		sort.Strings(pol.Targets)
		org.Policies = append(org.Policies, pol)
	}
}

// orgIDFromARN reads o-xxxx from arn:aws:organizations::111122223333:root/o-xxxx/r-xxxx.
func orgIDFromARN(arn string) string {
	p, ok := parseARN(arn)
	if !ok {
		return ""
	}
	parts := strings.Split(p.Resource, "/")
	if len(parts) >= 2 && strings.HasPrefix(parts[1], "o-") {
		return parts[1]
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
