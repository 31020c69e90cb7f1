package snapshot

import (
	"errors"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type vpcsFile struct {
	Vpcs []vpc `json:"Vpcs"`
}

type cidrAssociation struct {
	CidrBlock      string `json:"CidrBlock"`
	CidrBlockState *struct {
		State string `json:"State"`
	} `json:"CidrBlockState"`
}

type ipv6Association struct {
	Ipv6CidrBlock      string `json:"Ipv6CidrBlock"`
	Ipv6CidrBlockState *struct {
		State string `json:"State"`
	} `json:"Ipv6CidrBlockState"`
}

type vpc struct {
	VpcId                       string            `json:"VpcId"`
	OwnerId                     accountID         `json:"OwnerId"`
	CidrBlock                   string            `json:"CidrBlock"`
	CidrBlockAssociationSet     []cidrAssociation `json:"CidrBlockAssociationSet"`
	Ipv6CidrBlockAssociationSet []ipv6Association `json:"Ipv6CidrBlockAssociationSet"`
	IsDefault                   bool              `json:"IsDefault"`
	State                       string            `json:"State"`
	Tags                        []tag             `json:"Tags"`
}

func (v *vpc) validate() error { return requireID("VpcId", v.VpcId) }

type subnetsFile struct {
	Subnets []subnet `json:"Subnets"`
}

type subnet struct {
	SubnetId                    string            `json:"SubnetId"`
	SubnetArn                   string            `json:"SubnetArn"`
	VpcId                       string            `json:"VpcId"`
	OwnerId                     accountID         `json:"OwnerId"`
	AvailabilityZone            string            `json:"AvailabilityZone"`
	CidrBlock                   string            `json:"CidrBlock"`
	Ipv6CidrBlockAssociationSet []ipv6Association `json:"Ipv6CidrBlockAssociationSet"`
	MapPublicIpOnLaunch         bool              `json:"MapPublicIpOnLaunch"`
	Tags                        []tag             `json:"Tags"`
}

func (s *subnet) validate() error { return requireID("SubnetId", s.SubnetId) }

type internetGatewaysFile struct {
	InternetGateways []internetGateway `json:"InternetGateways"`
}

type internetGateway struct {
	InternetGatewayId string    `json:"InternetGatewayId"`
	OwnerId           accountID `json:"OwnerId"`
	Attachments       []struct {
		State string `json:"State"`
		VpcId string `json:"VpcId"`
	} `json:"Attachments"`
	Tags []tag `json:"Tags"`
}

func (g *internetGateway) validate() error {
	return requireID("InternetGatewayId", g.InternetGatewayId)
}

type natGatewaysFile struct {
	NatGateways []natGateway `json:"NatGateways"`
}

type natGateway struct {
	NatGatewayId     string `json:"NatGatewayId"`
	SubnetId         string `json:"SubnetId"`
	VpcId            string `json:"VpcId"`
	State            string `json:"State"`
	ConnectivityType string `json:"ConnectivityType"`
	Tags             []tag  `json:"Tags"`
}

func (n *natGateway) validate() error { return requireID("NatGatewayId", n.NatGatewayId) }

func requireID(field, value string) error {
	if value == "" {
		return errors.New(field + " is missing")
	}
	return nil
}

func decodeVPCs(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.vpcs = &vpcsFile{}
	return decodeObject(file, data, "$", r.vpcs)
}

func decodeSubnets(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.subnets = &subnetsFile{}
	return decodeObject(file, data, "$", r.subnets)
}

func decodeInternetGateways(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.gateways = &internetGatewaysFile{}
	return decodeObject(file, data, "$", r.gateways)
}

func decodeNATGateways(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.natGateways = &natGatewaysFile{}
	return decodeObject(file, data, "$", r.natGateways)
}

// convertNetwork converts VPCs, subnets, route tables and gateways. A VPC's
// region is the set's, else that of its subnets (whose AZ names it).
func (rc *regionConverter) convertNetwork() {
	f := rc.files
	if f.subnets != nil {
		for _, s := range f.subnets.Subnets {
			rc.est.Subnets = append(rc.est.Subnets, ingest.Subnet{
				ID: s.SubnetId, VPC: s.VpcId, Account: rc.owner(string(s.OwnerId)),
				Region:           firstNonEmpty(arnRegion(s.SubnetArn), zoneRegion(s.AvailabilityZone), rc.region),
				AvailabilityZone: s.AvailabilityZone, CIDR: s.CidrBlock, IPv6CIDR: firstIPv6(s.Ipv6CidrBlockAssociationSet),
				Tags: tagMap(s.Tags),
			})
		}
	}
	if f.vpcs != nil {
		for _, v := range f.vpcs.Vpcs {
			rc.est.VPCs = append(rc.est.VPCs, ingest.VPC{
				ID: v.VpcId, Account: rc.owner(string(v.OwnerId)), Region: rc.vpcRegion(v.VpcId),
				CIDRs: vpcCIDRs(v), Tags: tagMap(v.Tags),
			})
		}
	}
	rc.convertRouteTables()
	rc.convertGateways()
}

func (rc *regionConverter) convertGateways() {
	if g := rc.files.gateways; g != nil {
		for _, igw := range g.InternetGateways {
			out := ingest.InternetGateway{ID: igw.InternetGatewayId, Account: rc.owner(string(igw.OwnerId))}
			for _, at := range igw.Attachments {
				if at.VpcId != "" && (at.State == "available" || at.State == "attached") {
					out.VPCs = append(out.VPCs, at.VpcId)
				}
			}
			out.Region = rc.vpcRegion(first(out.VPCs))
			rc.est.InternetGateways = append(rc.est.InternetGateways, out)
		}
	}
	if n := rc.files.natGateways; n != nil {
		for _, nat := range n.NatGateways {
			if nat.State == "deleted" || nat.State == "deleting" || nat.State == "failed" {
				continue // it routes nothing
			}
			rc.est.NATGateways = append(rc.est.NATGateways, ingest.NATGateway{
				ID: nat.NatGatewayId, VPC: nat.VpcId, Subnet: nat.SubnetId,
				Account: rc.account, Region: rc.vpcRegion(nat.VpcId),
			})
		}
	}
}

func vpcCIDRs(v vpc) []string {
	var out []string
	for _, a := range v.CidrBlockAssociationSet {
		if a.CidrBlockState == nil || a.CidrBlockState.State == "associated" {
			out = append(out, a.CidrBlock)
		}
	}
	if len(out) == 0 && v.CidrBlock != "" {
		out = append(out, v.CidrBlock)
	}
	for _, a := range v.Ipv6CidrBlockAssociationSet {
		if a.Ipv6CidrBlockState == nil || a.Ipv6CidrBlockState.State == "associated" {
			out = append(out, a.Ipv6CidrBlock)
		}
	}
	return out
}

func firstIPv6(set []ipv6Association) string {
	for _, a := range set {
		if a.Ipv6CidrBlockState == nil || a.Ipv6CidrBlockState.State == "associated" {
			return a.Ipv6CidrBlock
		}
	}
	return ""
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
