package scenario

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

func (d *decoder) securityGroup(ctx *vpcCtx, v value) {
	o := v.object("id", "name", "ingress", "egress")
	idv := o.need("id")
	sg := &ingest.SecurityGroup{ID: idv.awsID("sg-"), Name: o.get("name").str(), VPC: ctx.vpc.ID, Account: ctx.acct.id, Region: ctx.vpc.Region}
	if sg.Name == "" {
		sg.Name = sg.ID
	}
	o.get("ingress").each(func(r value) { sg.Ingress = append(sg.Ingress, d.sgRule(r, "from")) })
	if egress := o.get("egress"); egress.absent() {
		// AWS gives every new security group this rule.
		sg.Egress = []ingest.SGRule{{Protocol: "-1", FromPort: -1, ToPort: -1, CIDRs: []string{"0.0.0.0/0"}}}
	} else {
		sg.Egress = []ingest.SGRule{}
		egress.each(func(r value) { sg.Egress = append(sg.Egress, d.sgRule(r, "to")) })
	}
	if d.declare(idv, "security group id", sg.ID) {
		d.ix.sgs[sg.ID] = sg
	}
}

// sgRule reads one rule; peer is "from" for ingress and "to" for egress.
func (d *decoder) sgRule(v value, peer string) ingest.SGRule {
	o := v.object("protocol", "port", "ports", "icmp_type", "icmp_code", peer, "description")
	var r ingest.SGRule
	p, ok := o.need("protocol").protocol()
	if !ok {
		return r
	}
	r.Protocol = p.name
	r.FromPort, r.ToPort = o.portRange(p)
	if p.name == "icmp" || p.name == "icmpv6" {
		r.FromPort = icmpField(o.get("icmp_type"))
		r.ToPort = icmpField(o.get("icmp_code"))
	} else {
		for _, k := range []string{"icmp_type", "icmp_code"} {
			if o.has(k) {
				o.get(k).failf("%s applies only to icmp and icmpv6", k)
			}
		}
	}
	r.Description = o.get("description").str()
	for _, item := range o.need(peer).items() {
		d.sgPeer(item, &r)
	}
	return r
}

func icmpField(v value) int {
	n := v.integer(-1)
	if n < -1 || n > 255 {
		v.failf("ICMP type or code %d is out of range -1-255", n)
	}
	return n
}

// sgPeer sorts a rule's peer into a security group, a prefix list or a CIDR.
func (d *decoder) sgPeer(v value, r *ingest.SGRule) {
	s := v.str()
	switch {
	case strings.HasPrefix(s, "sg-"):
		id := v.awsID("sg-")
		r.Groups = append(r.Groups, id)
		d.then(func() { lookup(v, d.ix.sgs, id, "security group", id) })
	case strings.HasPrefix(s, "pl-"):
		r.PrefixLists = append(r.PrefixLists, v.awsID("pl-"))
	default:
		if p, ok := parseCIDR(v, s); ok {
			r.CIDRs = append(r.CIDRs, p.String())
		}
	}
}
