package scenario

import (
	"net/netip"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// routeTargets are the prefixes of the ids a route may send traffic to.
var routeTargets = []string{"igw-", "nat-", "pcx-", "tgw-", "vgw-", "eigw-", "eni-", "vpce-", "i-", "lgw-", "cagw-"}

func (d *decoder) routeTable(ctx *vpcCtx, v value) {
	o := v.object("id", "main", "subnets", "routes")
	idv := o.need("id")
	rt := &ingest.RouteTable{ID: idv.awsID("rtb-"), VPC: ctx.vpc.ID, Account: ctx.acct.id, Region: ctx.vpc.Region}
	rt.Main = o.get("main").boolean(false)
	rt.Routes = d.routes(ctx, o.get("routes"))
	if !d.declare(idv, "route table id", rt.ID) {
		return
	}
	d.ix.routeTables[rt.ID] = rt
	if rt.Main {
		if other, dup := d.ix.mainTables[rt.VPC]; dup {
			o.get("main").failf("%s already has a main route table, %s", rt.VPC, other)
			return
		}
		d.ix.mainTables[rt.VPC] = rt.ID
	}
	for _, s := range o.get("subnets").items() {
		d.associateTable(s, s.awsID("subnet-"), rt.ID)
	}
}

// inlineRouteTable creates the route table of a subnet that lists its
// routes itself: rtb-X for subnet-X, associated with that subnet only.
func (d *decoder) inlineRouteTable(ctx *vpcCtx, routes value, subnet string) {
	rt := &ingest.RouteTable{
		ID: "rtb-" + strings.TrimPrefix(subnet, "subnet-"), VPC: ctx.vpc.ID,
		Account: ctx.acct.id, Region: ctx.vpc.Region, Routes: d.routes(ctx, routes),
	}
	if !d.declare(routes, "route table id", rt.ID) {
		return
	}
	d.ix.routeTables[rt.ID] = rt
	d.associateTable(routes, subnet, rt.ID)
}

// associateTable records an explicit subnet association. A subnet has at
// most one; the table and subnet must exist and share a VPC.
func (d *decoder) associateTable(v value, subnet, table string) {
	if subnet == "" || table == "" {
		return
	}
	if prev, ok := d.ix.tableOf[subnet]; ok {
		if prev.id != table {
			v.failf("subnet %s is already associated with route table %s (line %d)", subnet, prev.id, prev.line)
		}
		return
	}
	d.ix.tableOf[subnet] = association{id: table, line: v.line}
	d.then(func() {
		rt := lookup(v, d.ix.routeTables, table, "route table", table)
		s := lookup(v, d.ix.subnets, subnet, "subnet", subnet)
		if rt == nil || s == nil {
			return
		}
		if rt.VPC != s.VPC {
			v.failf("route table %s is in %s but subnet %s is in %s", table, rt.VPC, subnet, s.VPC)
			return
		}
		rt.Subnets = append(rt.Subnets, subnet)
	})
}

// routes reads a mapping of destination to target. A target is an id, or
// a mapping {target: id, blackhole: true} for a route whose target is gone.
func (d *decoder) routes(ctx *vpcCtx, v value) []ingest.Route {
	var out []ingest.Route
	v.entries(func(dest string, t value) {
		r := ingest.Route{Destination: dest}
		if !strings.HasPrefix(dest, "pl-") {
			p, ok := parseCIDR(t, dest)
			if !ok {
				return
			}
			r.Destination = p.String()
		}
		tv := t
		if !t.absent() && t.n.Kind == yamlMapping {
			o := t.object("target", "blackhole")
			tv = o.need("target")
			r.Blackhole = o.get("blackhole").boolean(false)
		}
		r.Target = d.routeTarget(ctx, tv, r)
		out = append(out, r)
	})
	return out
}

func (d *decoder) routeTarget(ctx *vpcCtx, v value, r ingest.Route) string {
	target := v.str()
	if v.absent() {
		v.failf("missing route target")
		return ""
	}
	if target == "local" {
		if p, err := netip.ParsePrefix(r.Destination); err != nil || !withinAny(p, ctx.vpc.CIDRs) {
			v.failf("a local route must be for a CIDR of %s (%s), not %s", ctx.vpc.ID, strings.Join(ctx.vpc.CIDRs, ", "), r.Destination)
		}
		return target
	}
	if !hasAnyPrefix(target, routeTargets) || !awsIDPattern.MatchString(target) {
		v.failf("invalid route target %q: expected local or an id starting with %s", target, strings.Join(routeTargets, ", "))
		return ""
	}
	if !r.Blackhole {
		d.then(func() { d.checkRouteTarget(ctx, v, target) })
	}
	return target
}

// checkRouteTarget checks gateways that the Estate models: an internet
// gateway must be attached to the table's VPC, a NAT gateway be in it.
func (d *decoder) checkRouteTarget(ctx *vpcCtx, v value, target string) {
	switch {
	case strings.HasPrefix(target, "igw-"):
		if igw := lookup(v, d.ix.igws, target, "internet gateway", target); igw != nil && igw.VPCs[0] != ctx.vpc.ID {
			v.failf("internet gateway %s is attached to %s, not %s", target, igw.VPCs[0], ctx.vpc.ID)
		}
	case strings.HasPrefix(target, "nat-"):
		if nat := lookup(v, d.ix.nats, target, "NAT gateway", target); nat != nil && nat.VPC != ctx.vpc.ID {
			v.failf("NAT gateway %s is in %s, not %s", target, nat.VPC, ctx.vpc.ID)
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
