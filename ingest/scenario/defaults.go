package scenario

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// finish adds the network objects AWS creates implicitly, once every object
// is declared: each VPC's main route table and default network ACL when the
// scenario does not write them, the local route of every route table for
// each VPC CIDR, the default ACL's association with every subnet that has
// no other, and the final "*" deny entries of every ACL.
func (d *decoder) finish() {
	for _, id := range sortedKeys(d.ix.vpcs) {
		vpc := d.ix.vpcs[id]
		if _, ok := d.ix.mainTables[id]; !ok {
			d.addMainTable(vpc)
		}
		if _, ok := d.ix.defaultACLs[id]; !ok {
			d.addDefaultACL(vpc)
		}
	}
	for _, id := range sortedKeys(d.ix.subnets) {
		s := d.ix.subnets[id]
		if _, ok := d.ix.aclOf[id]; !ok {
			acl := d.ix.nacls[d.ix.defaultACLs[s.VPC]]
			acl.Subnets = append(acl.Subnets, id)
		}
	}
	for _, rt := range d.ix.routeTables {
		rt.Routes = withLocalRoutes(rt.Routes, d.ix.vpcs[rt.VPC].CIDRs)
	}
	for _, acl := range d.ix.nacls {
		acl.Entries = withStarEntries(acl.Entries, d.ix.vpcs[acl.VPC].CIDRs)
	}
}

func (d *decoder) addMainTable(vpc *ingest.VPC) {
	id := freeID(d.ix.routeTables, "rtb-"+strings.TrimPrefix(vpc.ID, "vpc-")+"-main")
	d.ix.routeTables[id] = &ingest.RouteTable{ID: id, VPC: vpc.ID, Account: vpc.Account, Region: vpc.Region, Main: true}
	d.ix.mainTables[vpc.ID] = id
}

// addDefaultACL adds the default ACL AWS creates with a VPC: allow all
// traffic in and out.
func (d *decoder) addDefaultACL(vpc *ingest.VPC) {
	id := freeID(d.ix.nacls, "acl-"+strings.TrimPrefix(vpc.ID, "vpc-")+"-default")
	acl := &ingest.NetworkACL{ID: id, VPC: vpc.ID, Account: vpc.Account, Region: vpc.Region, Default: true}
	for i, all := range anyCIDRs(vpc.CIDRs) {
		for _, egress := range []bool{false, true} {
			acl.Entries = append(acl.Entries, ingest.ACLEntry{
				RuleNumber: 100 + i, Egress: egress, Protocol: "-1", Allow: true, CIDR: all, FromPort: -1, ToPort: -1,
			})
		}
	}
	d.ix.nacls[id] = acl
	d.ix.defaultACLs[vpc.ID] = id
}

// withLocalRoutes puts a local route for each VPC CIDR that has none in
// front of the routes, as AWS does for every route table.
func withLocalRoutes(routes []ingest.Route, cidrs []string) []ingest.Route {
	var local []ingest.Route
	for _, c := range cidrs {
		if !slices.ContainsFunc(routes, func(r ingest.Route) bool { return r.Destination == c }) {
			local = append(local, ingest.Route{Destination: c, Target: "local"})
		}
	}
	return append(local, routes...)
}

// withStarEntries adds the "*" deny entry AWS ends every ACL with, in each
// direction, for IPv4 and (when the VPC has an IPv6 CIDR) IPv6.
func withStarEntries(entries []ingest.ACLEntry, cidrs []string) []ingest.ACLEntry {
	for _, all := range anyCIDRs(cidrs) {
		for _, egress := range []bool{false, true} {
			has := slices.ContainsFunc(entries, func(e ingest.ACLEntry) bool {
				return e.RuleNumber == starRule && e.Egress == egress && e.CIDR == all
			})
			if !has {
				entries = append(entries, ingest.ACLEntry{RuleNumber: starRule, Egress: egress, Protocol: "-1", CIDR: all, FromPort: -1, ToPort: -1})
			}
		}
	}
	return entries
}

// anyCIDRs is 0.0.0.0/0, and ::/0 when the VPC has an IPv6 CIDR.
func anyCIDRs(cidrs []string) []string {
	out := []string{"0.0.0.0/0"}
	if slices.ContainsFunc(cidrs, func(c string) bool { return strings.Contains(c, ":") }) {
		out = append(out, "::/0")
	}
	return out
}

// freeID returns id, or id with a counter when the scenario already uses it.
func freeID[T any](m map[string]*T, id string) string {
	candidate := id
	for i := 2; m[candidate] != nil; i++ {
		candidate = id + "-" + strconv.Itoa(i)
	}
	return candidate
}

func sortedKeys[T any](m map[string]*T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
