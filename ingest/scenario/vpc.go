package scenario

import (
	"net/netip"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// vpcCtx is what the objects of one VPC inherit.
type vpcCtx struct {
	acct    *acctCtx
	vpc     *ingest.VPC
	subnets []subnetCIDR // declared subnets' CIDRs, for overlap checks
}

func (d *decoder) vpc(acct *acctCtx, v value) {
	o := v.object("id", "cidr", "region", "internet_gateway", "tags",
		"subnets", "route_tables", "nat_gateways", "security_groups", "network_acls")
	idv := o.need("id")
	vpc := &ingest.VPC{ID: idv.awsID("vpc-"), Account: acct.id, Region: regionOr(o.get("region"), acct.region)}
	for _, c := range o.need("cidr").items() {
		if p, ok := c.cidr(); ok {
			vpc.CIDRs = append(vpc.CIDRs, p.String())
		}
	}
	if !hasIPv4(vpc.CIDRs) && o.has("cidr") {
		o.get("cidr").failf("a VPC needs an IPv4 CIDR")
	}
	vpc.Tags = o.get("tags").strMap()
	if !d.declare(idv, "VPC id", vpc.ID) {
		return
	}
	d.ix.vpcs[vpc.ID] = vpc
	ctx := &vpcCtx{acct: acct, vpc: vpc}
	d.internetGateway(ctx, o.get("internet_gateway"))
	o.get("subnets").each(func(v value) { d.subnet(ctx, v) })
	o.get("route_tables").each(func(v value) { d.routeTable(ctx, v) })
	o.get("nat_gateways").each(func(v value) { d.natGateway(ctx, v) })
	o.get("security_groups").each(func(v value) { d.securityGroup(ctx, v) })
	o.get("network_acls").each(func(v value) { d.networkACL(ctx, v) })
}

func (d *decoder) internetGateway(ctx *vpcCtx, v value) {
	id := v.awsID("igw-")
	if v.absent() || !d.declare(v, "internet gateway id", id) {
		return
	}
	d.ix.igws[id] = &ingest.InternetGateway{ID: id, Account: ctx.acct.id, Region: ctx.vpc.Region, VPCs: []string{ctx.vpc.ID}}
}

func (d *decoder) subnet(ctx *vpcCtx, v value) {
	o := v.object("id", "cidr", "ipv6_cidr", "az", "route_table", "routes", "tags")
	idv := o.need("id")
	s := &ingest.Subnet{ID: idv.awsID("subnet-"), VPC: ctx.vpc.ID, Account: ctx.acct.id, Region: ctx.vpc.Region}
	s.CIDR = d.subnetCIDR(ctx, o.need("cidr"), s.ID, false)
	s.IPv6CIDR = d.subnetCIDR(ctx, o.get("ipv6_cidr"), s.ID, true)
	s.AvailabilityZone = o.get("az").str()
	if s.AvailabilityZone != "" && !strings.HasPrefix(s.AvailabilityZone, s.Region) {
		o.get("az").failf("availability zone %q is not in region %s", s.AvailabilityZone, s.Region)
	}
	s.Tags = o.get("tags").strMap()
	o.exclusive("route_table", "routes")
	if !d.declare(idv, "subnet id", s.ID) {
		return
	}
	d.ix.subnets[s.ID] = s
	if rt := o.get("route_table"); !rt.absent() {
		d.associateTable(rt, s.ID, rt.awsID("rtb-"))
	}
	if routes := o.get("routes"); !routes.absent() {
		d.inlineRouteTable(ctx, routes, s.ID)
	}
}

// subnetCIDR reads a subnet's CIDR of one family and checks that it lies
// in its VPC and overlaps no other subnet of the VPC.
func (d *decoder) subnetCIDR(ctx *vpcCtx, v value, id string, v6 bool) string {
	p, ok := v.cidr()
	if !ok {
		return ""
	}
	if p.Addr().Is6() != v6 {
		v.failf("%s is not an IPv%s CIDR", p, map[bool]string{true: "6", false: "4"}[v6])
		return ""
	}
	if !withinAny(p, ctx.vpc.CIDRs) {
		v.failf("%s is outside the CIDRs of %s (%s)", p, ctx.vpc.ID, strings.Join(ctx.vpc.CIDRs, ", "))
		return ""
	}
	for _, other := range ctx.subnets {
		if other.cidr.Overlaps(p) {
			v.failf("%s overlaps %s of %s", p, other.cidr, other.id)
			return ""
		}
	}
	ctx.subnets = append(ctx.subnets, subnetCIDR{id: id, cidr: p})
	return p.String()
}

type subnetCIDR struct {
	id   string
	cidr netip.Prefix
}

func hasIPv4(cidrs []string) bool {
	for _, c := range cidrs {
		if p, err := netip.ParsePrefix(c); err == nil && p.Addr().Is4() {
			return true
		}
	}
	return false
}

// withinAny reports whether p lies inside one of the CIDRs.
func withinAny(p netip.Prefix, cidrs []string) bool {
	for _, c := range cidrs {
		q, err := netip.ParsePrefix(c)
		if err == nil && q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

func (d *decoder) natGateway(ctx *vpcCtx, v value) {
	o := v.object("id", "subnet")
	idv, sv := o.need("id"), o.need("subnet")
	nat := &ingest.NATGateway{ID: idv.awsID("nat-"), VPC: ctx.vpc.ID, Subnet: sv.awsID("subnet-"), Account: ctx.acct.id, Region: ctx.vpc.Region}
	if !d.declare(idv, "NAT gateway id", nat.ID) {
		return
	}
	d.ix.nats[nat.ID] = nat
	d.then(func() { d.sameVPC(sv, nat.Subnet, ctx.vpc.ID) })
}

// sameVPC checks that a referenced subnet exists and is in the VPC.
func (d *decoder) sameVPC(v value, subnet, vpc string) *ingest.Subnet {
	s := lookup(v, d.ix.subnets, subnet, "subnet", subnet)
	if s != nil && s.VPC != vpc {
		v.failf("subnet %s is in %s, not %s", subnet, s.VPC, vpc)
		return nil
	}
	return s
}
