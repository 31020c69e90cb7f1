package snapshot

import (
	"errors"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type routeTablesFile struct {
	RouteTables []routeTable `json:"RouteTables"`
}

type routeTable struct {
	RouteTableId string             `json:"RouteTableId"`
	VpcId        string             `json:"VpcId"`
	OwnerId      accountID          `json:"OwnerId"`
	Associations []routeAssociation `json:"Associations"`
	Routes       []route            `json:"Routes"`
	Tags         []tag              `json:"Tags"`
}

func (t *routeTable) validate() error { return requireID("RouteTableId", t.RouteTableId) }

type routeAssociation struct {
	Main                    bool   `json:"Main"`
	RouteTableAssociationId string `json:"RouteTableAssociationId"`
	RouteTableId            string `json:"RouteTableId"`
	SubnetId                string `json:"SubnetId"`
	GatewayId               string `json:"GatewayId"`
	AssociationState        *struct {
		State string `json:"State"`
	} `json:"AssociationState"`
}

type route struct {
	DestinationCidrBlock        string `json:"DestinationCidrBlock"`
	DestinationIpv6CidrBlock    string `json:"DestinationIpv6CidrBlock"`
	DestinationPrefixListId     string `json:"DestinationPrefixListId"`
	GatewayId                   string `json:"GatewayId"`
	NatGatewayId                string `json:"NatGatewayId"`
	TransitGatewayId            string `json:"TransitGatewayId"`
	VpcPeeringConnectionId      string `json:"VpcPeeringConnectionId"`
	EgressOnlyInternetGatewayId string `json:"EgressOnlyInternetGatewayId"`
	CarrierGatewayId            string `json:"CarrierGatewayId"`
	LocalGatewayId              string `json:"LocalGatewayId"`
	InstanceId                  string `json:"InstanceId"`
	NetworkInterfaceId          string `json:"NetworkInterfaceId"`
	CoreNetworkArn              string `json:"CoreNetworkArn"`
	State                       string `json:"State"`
	Origin                      string `json:"Origin"`
}

func (r *route) validate() error {
	if r.DestinationCidrBlock == "" && r.DestinationIpv6CidrBlock == "" && r.DestinationPrefixListId == "" {
		return errors.New("route has no destination (DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId)")
	}
	return checkEnum(r.State, "active", "blackhole")
}

func decodeRouteTables(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.routeTables = &routeTablesFile{}
	return decodeObject(file, data, "$", r.routeTables)
}

// convertRouteTables keeps the main flag and the explicit subnet
// associations; a subnet without one uses its VPC's main table.
func (rc *regionConverter) convertRouteTables() {
	if rc.files.routeTables == nil {
		return
	}
	for _, t := range rc.files.routeTables.RouteTables {
		out := ingest.RouteTable{
			ID: t.RouteTableId, VPC: t.VpcId, Account: rc.owner(string(t.OwnerId)),
			Region: rc.vpcRegion(t.VpcId), Routes: []ingest.Route{},
		}
		for _, a := range t.Associations {
			if a.AssociationState != nil && a.AssociationState.State != "associated" {
				continue // being or already disassociated
			}
			out.Main = out.Main || a.Main
			if a.SubnetId != "" {
				out.Subnets = append(out.Subnets, a.SubnetId)
			}
		}
		for _, r := range t.Routes {
			out.Routes = append(out.Routes, ingest.Route{
				Destination: firstNonEmpty(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.DestinationPrefixListId),
				Target:      routeTarget(r),
				Blackhole:   r.State == "blackhole",
			})
		}
		rc.est.RouteTables = append(rc.est.RouteTables, out)
	}
}

// routeTarget names what a route sends traffic to. A NAT instance route
// names both the instance and its interface; the instance is what a
// reader recognises.
func routeTarget(r route) string {
	return firstNonEmpty(r.GatewayId, r.NatGatewayId, r.TransitGatewayId, r.VpcPeeringConnectionId,
		r.EgressOnlyInternetGatewayId, r.CarrierGatewayId, r.LocalGatewayId, r.InstanceId,
		r.NetworkInterfaceId, r.CoreNetworkArn)
}
