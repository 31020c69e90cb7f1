package scenario

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

var instanceStates = []string{"pending", "running", "shutting-down", "terminated", "stopping", "stopped"}

func (d *decoder) instance(acct *acctCtx, v value) {
	o := v.object("id", "subnet", "private_ip", "public_ip", "ipv6_addresses", "security_groups",
		"state", "metadata", "instance_profile", "tags", "user_data")
	idv, subnet := o.need("id"), o.need("subnet")
	inst := &ingest.Instance{
		ID: idv.awsID("i-"), Account: acct.id, Subnet: subnet.awsID("subnet-"),
		State:    o.get("state").oneOf("running", instanceStates...),
		PublicIP: o.get("public_ip").ip(), PrivateIP: o.get("private_ip").ip(),
		Metadata: o.get("metadata").imds(),
		UserData: o.get("user_data").str(), Tags: o.get("tags").strMap(),
	}
	for _, a := range o.get("ipv6_addresses").items() {
		inst.IPv6Addresses = append(inst.IPv6Addresses, a.ip())
	}
	groups := o.get("security_groups").items()
	for _, g := range groups {
		inst.SecurityGroups = append(inst.SecurityGroups, g.awsID("sg-"))
	}
	profile := o.get("instance_profile")
	if !d.declare(idv, "instance id", inst.ID) {
		return
	}
	d.ix.instances[inst.ID] = inst
	d.then(func() { d.linkInstance(inst, subnet, groups, o.get("private_ip")) })
	if !profile.absent() {
		d.then(func() { inst.InstanceProfile = d.profileARN(acct, profile) })
	}
}

// linkInstance places an instance in its subnet, which gives its VPC,
// region and ARN, and checks its address and groups against the subnet.
func (d *decoder) linkInstance(inst *ingest.Instance, sv value, groups []value, ipv value) {
	s := lookup(sv, d.ix.subnets, inst.Subnet, "subnet", inst.Subnet)
	if s == nil {
		return
	}
	inst.VPC, inst.Region = s.VPC, s.Region
	inst.ARN = fmt.Sprintf("arn:aws:ec2:%s:%s:instance/%s", inst.Region, inst.Account, inst.ID)
	if ip, err := netip.ParseAddr(inst.PrivateIP); err == nil {
		if p, err := netip.ParsePrefix(s.CIDR); err == nil && !p.Contains(ip) {
			ipv.failf("private IP %s is outside %s (%s)", ip, s.ID, s.CIDR)
			return
		}
	}
	d.groupsInVPC(groups, s.VPC)
}

// groupsInVPC checks that referenced security groups exist in the VPC.
func (d *decoder) groupsInVPC(groups []value, vpc string) {
	for _, g := range groups {
		id := g.str()
		sg := lookup(g, d.ix.sgs, id, "security group", id)
		if sg != nil && sg.VPC != vpc {
			g.failf("security group %s is in %s, not %s", id, sg.VPC, vpc)
		}
	}
}

// imds reads metadata options; AWS's defaults fill what is not written.
func (v value) imds() ingest.IMDS {
	m := ingest.IMDS{Endpoint: "enabled", Tokens: "optional", HopLimit: 1}
	if v.absent() {
		return m
	}
	o := v.object("endpoint", "tokens", "hop_limit")
	m.Endpoint = o.get("endpoint").oneOf("enabled", "enabled", "disabled")
	m.Tokens = o.get("tokens").oneOf("optional", "optional", "required")
	hops := o.get("hop_limit")
	if m.HopLimit = hops.integer(1); m.HopLimit < 1 || m.HopLimit > 64 {
		hops.failf("hop limit %d is out of range 1-64", m.HopLimit)
	}
	return m
}

// profileARN resolves an instance profile given by name (in the account)
// or by ARN to its ARN.
func (d *decoder) profileARN(acct *acctCtx, v value) string {
	ref := v.str()
	if strings.HasPrefix(ref, "arn:") {
		for _, arn := range d.ix.profiles {
			if arn == ref {
				return arn
			}
		}
		v.failf("unknown instance profile %q", ref)
		return ""
	}
	arn, ok := d.ix.profiles[scoped(acct.id, ref)]
	if !ok {
		v.failf("unknown instance profile %q: no role of account %s lists it in instance_profiles", ref, acct.id)
	}
	return arn
}
