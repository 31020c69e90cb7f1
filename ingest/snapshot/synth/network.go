package synth

import "fmt"

// network is one region of an account: VPCs of four subnets each (two
// public through an internet gateway, two private through a NAT gateway),
// the default NACL, and tiers of security groups that reference each
// other (web ← internet, app ← web, db ← app).
type network struct {
	region  string
	vpcs    []string
	subnets []subnet
	groups  []string
}

type subnet struct {
	id, vpc, zone string
	public        bool
}

const instancesPerVPC = 1000

func (a *account) network(region string, r int) *network {
	n := &network{region: region}
	count := max(1, a.instances/len(regions)/instancesPerVPC)
	for v := 0; v < count; v++ {
		vpc := fmt.Sprintf("vpc-%08x%02x%03x", a.index, r, v)
		n.vpcs = append(n.vpcs, vpc)
		for s := 0; s < 4; s++ {
			n.subnets = append(n.subnets, subnet{
				id: fmt.Sprintf("subnet-%08x%02x%03x%x", a.index, r, v, s), vpc: vpc,
				zone: region + string(rune('a'+s%2)), public: s < 2,
			})
		}
	}
	return n
}

func cidr(v, s int) string { return fmt.Sprintf("10.%d.%d.0/24", v%256, s) }

func (n *network) vpcsFile(a *account) obj {
	var list []any
	for v, id := range n.vpcs {
		list = append(list, obj{"CidrBlock": fmt.Sprintf("10.%d.0.0/16", v%256), "State": "available", "VpcId": id, "OwnerId": a.id,
			"InstanceTenancy": "default", "IsDefault": false, "Tags": []any{obj{"Key": "Name", "Value": id}},
			"CidrBlockAssociationSet": []any{obj{"AssociationId": "vpc-cidr-assoc-" + id[4:], "CidrBlock": fmt.Sprintf("10.%d.0.0/16", v%256),
				"CidrBlockState": obj{"State": "associated"}}}})
	}
	return obj{"Vpcs": list}
}

func (n *network) subnetsFile(a *account) obj {
	var list []any
	for i, s := range n.subnets {
		list = append(list, obj{"AvailabilityZone": s.zone, "AvailableIpAddressCount": 240, "CidrBlock": cidr(i/4, i%4),
			"DefaultForAz": false, "MapPublicIpOnLaunch": s.public, "State": "available", "SubnetId": s.id, "VpcId": s.vpc,
			"OwnerId": a.id, "AssignIpv6AddressOnCreation": false, "Ipv6CidrBlockAssociationSet": []any{}, "Tags": []any{},
			"SubnetArn": fmt.Sprintf("arn:aws:ec2:%s:%s:subnet/%s", n.region, a.id, s.id)})
	}
	return obj{"Subnets": list}
}

func (n *network) routeTablesFile(a *account) obj {
	var list []any
	for _, vpc := range n.vpcs {
		local := obj{"DestinationCidrBlock": "10.0.0.0/8", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"}
		main := obj{"RouteTableId": "rtb-main" + vpc[4:], "VpcId": vpc, "OwnerId": a.id, "PropagatingVgws": []any{}, "Tags": []any{},
			"Associations": []any{obj{"Main": true, "RouteTableAssociationId": "rtbassoc-main" + vpc[4:], "RouteTableId": "rtb-main" + vpc[4:],
				"AssociationState": obj{"State": "associated"}}},
			"Routes": []any{local, obj{"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-" + vpc[4:], "Origin": "CreateRoute", "State": "active"}}}
		public := obj{"RouteTableId": "rtb-pub" + vpc[4:], "VpcId": vpc, "OwnerId": a.id, "PropagatingVgws": []any{}, "Tags": []any{},
			"Routes": []any{local, obj{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-" + vpc[4:], "Origin": "CreateRoute", "State": "active"}}}
		var assoc []any
		for _, s := range n.subnets {
			if s.vpc == vpc && s.public {
				assoc = append(assoc, obj{"Main": false, "RouteTableAssociationId": "rtbassoc-" + s.id[7:], "RouteTableId": "rtb-pub" + vpc[4:],
					"SubnetId": s.id, "AssociationState": obj{"State": "associated"}})
			}
		}
		public["Associations"] = assoc
		list = append(list, main, public)
	}
	return obj{"RouteTables": list}
}

func (n *network) gatewaysFiles(a *account) (igws, nats, acls obj) {
	var gws, ns, as []any
	for _, vpc := range n.vpcs {
		gws = append(gws, obj{"InternetGatewayId": "igw-" + vpc[4:], "OwnerId": a.id, "Tags": []any{},
			"Attachments": []any{obj{"State": "available", "VpcId": vpc}}})
		var publicSubnet string
		var assoc []any
		for _, s := range n.subnets {
			if s.vpc == vpc {
				publicSubnet = firstOr(publicSubnet, s.id)
				assoc = append(assoc, obj{"NetworkAclAssociationId": "aclassoc-" + s.id[7:], "NetworkAclId": "acl-" + vpc[4:], "SubnetId": s.id})
			}
		}
		ns = append(ns, obj{"NatGatewayId": "nat-" + vpc[4:], "SubnetId": publicSubnet, "VpcId": vpc, "State": "available",
			"ConnectivityType": "public", "CreateTime": created, "Tags": []any{}, "NatGatewayAddresses": []any{}})
		var entries []any
		for _, egress := range []bool{false, true} {
			entries = append(entries,
				obj{"CidrBlock": "0.0.0.0/0", "Egress": egress, "Protocol": "-1", "RuleAction": "allow", "RuleNumber": 100},
				obj{"CidrBlock": "0.0.0.0/0", "Egress": egress, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32767})
		}
		as = append(as, obj{"NetworkAclId": "acl-" + vpc[4:], "VpcId": vpc, "OwnerId": a.id, "IsDefault": true, "Tags": []any{},
			"Associations": assoc, "Entries": entries})
	}
	return obj{"InternetGateways": gws}, obj{"NatGateways": ns}, obj{"NetworkAcls": as}
}

func firstOr(have, v string) string {
	if have != "" {
		return have
	}
	return v
}
