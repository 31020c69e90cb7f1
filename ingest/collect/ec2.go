package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// ec2API is what the collector calls on EC2.
type ec2API interface {
	ec2.DescribeVpcsAPIClient
	ec2.DescribeSubnetsAPIClient
	ec2.DescribeRouteTablesAPIClient
	ec2.DescribeInternetGatewaysAPIClient
	ec2.DescribeNatGatewaysAPIClient
	ec2.DescribeSecurityGroupsAPIClient
	ec2.DescribeNetworkAclsAPIClient
	ec2.DescribeNetworkInterfacesAPIClient
	ec2.DescribeInstancesAPIClient
	DescribeInstanceAttribute(context.Context, *ec2.DescribeInstanceAttributeInput, ...func(*ec2.Options)) (*ec2.DescribeInstanceAttributeOutput, error)
}

// ec2List is one EC2 file that is a describe call with all pages merged
// under one member.
type ec2List struct {
	file   string
	member string
	fetch  func(ctx context.Context, api ec2API) ([]any, error)
}

// ec2Lists are the EC2 files, in the order they are collected.
var ec2Lists = []ec2List{
	{"ec2-describe-vpcs.json", "Vpcs", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeVpcsPaginator(api, &ec2.DescribeVpcsInput{}),
			func(o *ec2.DescribeVpcsOutput) []types.Vpc { return o.Vpcs }))
	}},
	{"ec2-describe-subnets.json", "Subnets", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeSubnetsPaginator(api, &ec2.DescribeSubnetsInput{}),
			func(o *ec2.DescribeSubnetsOutput) []types.Subnet { return o.Subnets }))
	}},
	{"ec2-describe-route-tables.json", "RouteTables", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeRouteTablesPaginator(api, &ec2.DescribeRouteTablesInput{}),
			func(o *ec2.DescribeRouteTablesOutput) []types.RouteTable { return o.RouteTables }))
	}},
	{"ec2-describe-internet-gateways.json", "InternetGateways", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeInternetGatewaysPaginator(api, &ec2.DescribeInternetGatewaysInput{}),
			func(o *ec2.DescribeInternetGatewaysOutput) []types.InternetGateway { return o.InternetGateways }))
	}},
	{"ec2-describe-nat-gateways.json", "NatGateways", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeNatGatewaysPaginator(api, &ec2.DescribeNatGatewaysInput{}),
			func(o *ec2.DescribeNatGatewaysOutput) []types.NatGateway { return o.NatGateways }))
	}},
	{"ec2-describe-security-groups.json", "SecurityGroups", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeSecurityGroupsPaginator(api, &ec2.DescribeSecurityGroupsInput{}),
			func(o *ec2.DescribeSecurityGroupsOutput) []types.SecurityGroup { return o.SecurityGroups }))
	}},
	{"ec2-describe-network-acls.json", "NetworkAcls", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeNetworkAclsPaginator(api, &ec2.DescribeNetworkAclsInput{}),
			func(o *ec2.DescribeNetworkAclsOutput) []types.NetworkAcl { return o.NetworkAcls }))
	}},
	{"ec2-describe-network-interfaces.json", "NetworkInterfaces", func(ctx context.Context, api ec2API) ([]any, error) {
		return encoded(items(ctx, ec2.NewDescribeNetworkInterfacesPaginator(api, &ec2.DescribeNetworkInterfacesInput{}),
			func(o *ec2.DescribeNetworkInterfacesOutput) []types.NetworkInterface { return o.NetworkInterfaces }))
	}},
}

// collectEC2 writes the network files, the instances, and every instance's
// user data keyed by instance id.
func collectEC2(ctx context.Context, s *scope) error {
	api := ec2API(ec2.NewFromConfig(s.config()))
	for _, l := range ec2Lists {
		list, err := l.fetch(ctx, api)
		if err != nil {
			if stop := s.skip(ctx, err, ""); stop != nil {
				return stop
			}
			if regionUnreachable(err) {
				return nil // every other call would fail the same way
			}
			continue
		}
		if err := s.save(l.file, newObject().set(l.member, list)); err != nil {
			return err
		}
	}
	reservations, err := items(ctx, ec2.NewDescribeInstancesPaginator(api, &ec2.DescribeInstancesInput{}),
		func(o *ec2.DescribeInstancesOutput) []types.Reservation { return o.Reservations })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	if err := s.save("ec2-describe-instances.json", newObject().set("Reservations", encodeList(reservations))); err != nil {
		return err
	}
	return collectUserData(ctx, s, api, reservations)
}

// collectUserData writes ec2-describe-instance-attribute-userdata.json:
// each instance's describe-instance-attribute output, "UserData": {} when
// the instance has none. Terminated instances have no attributes to read.
func collectUserData(ctx context.Context, s *scope, api ec2API, reservations []types.Reservation) error {
	var ids []string
	for _, r := range reservations {
		for _, inst := range r.Instances {
			if inst.State != nil && inst.State.Name == types.InstanceStateNameTerminated {
				continue
			}
			ids = append(ids, aws.ToString(inst.InstanceId))
		}
	}
	results := make([]any, len(ids))
	err := forEach(ctx, len(ids), func(ctx context.Context, i int) error {
		out, err := api.DescribeInstanceAttribute(ctx, &ec2.DescribeInstanceAttributeInput{
			InstanceId: &ids[i], Attribute: types.InstanceAttributeNameUserData})
		if err != nil {
			return s.skip(ctx, err, "instance "+ids[i])
		}
		entry := encode(out).(*object)
		if out.UserData == nil {
			entry.set("UserData", newObject())
		}
		results[i] = entry
		return nil
	})
	if err != nil {
		return err
	}
	return s.save("ec2-describe-instance-attribute-userdata.json", byKey(ids, results))
}

// encoded encodes the result of a list call, passing its error on.
func encoded[T any](list []T, err error) ([]any, error) {
	if err != nil {
		return nil, err
	}
	return encodeList(list), nil
}
