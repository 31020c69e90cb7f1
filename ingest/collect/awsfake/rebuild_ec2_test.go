package awsfake

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/stretchr/testify/require"
)

// pages calls next until it returns no token, collecting what each page
// adds: the SDK's paginators reduced to what the tests need.
func pages[T any](t testing.TB, next func(ctx context.Context, token *string) ([]T, *string, error)) []T {
	t.Helper()
	var all []T
	var token *string
	for {
		items, nextToken, err := next(ctx(t), token)
		require.NoError(t, err)
		all = append(all, items...)
		if aws.ToString(nextToken) == "" {
			return all
		}
		token = nextToken
	}
}

// ec2List rebuilds the file of one EC2 describe call.
func ec2List(member string) rebuild {
	return func(t testing.TB, cfg aws.Config, _ string) any {
		c := ec2.NewFromConfig(cfg)
		var items any
		switch member {
		case "Vpcs":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.Vpc, *string, error) {
				o, err := c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.Vpcs, o.NextToken, nil
			})
		case "Subnets":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.Subnet, *string, error) {
				o, err := c.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.Subnets, o.NextToken, nil
			})
		case "RouteTables":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.RouteTable, *string, error) {
				o, err := c.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.RouteTables, o.NextToken, nil
			})
		case "InternetGateways":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.InternetGateway, *string, error) {
				o, err := c.DescribeInternetGateways(ctx, &ec2.DescribeInternetGatewaysInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.InternetGateways, o.NextToken, nil
			})
		case "NatGateways":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.NatGateway, *string, error) {
				o, err := c.DescribeNatGateways(ctx, &ec2.DescribeNatGatewaysInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.NatGateways, o.NextToken, nil
			})
		case "SecurityGroups":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.SecurityGroup, *string, error) {
				o, err := c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.SecurityGroups, o.NextToken, nil
			})
		case "NetworkAcls":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.NetworkAcl, *string, error) {
				o, err := c.DescribeNetworkAcls(ctx, &ec2.DescribeNetworkAclsInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.NetworkAcls, o.NextToken, nil
			})
		case "Reservations":
			items = reservations(t, c)
		case "NetworkInterfaces":
			items = pages(t, func(ctx context.Context, tok *string) ([]ec2types.NetworkInterface, *string, error) {
				o, err := c.DescribeNetworkInterfaces(ctx, &ec2.DescribeNetworkInterfacesInput{NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return o.NetworkInterfaces, o.NextToken, nil
			})
		}
		return asTree(t, map[string]any{member: items})
	}
}

func reservations(t testing.TB, c *ec2.Client) []ec2types.Reservation {
	return pages(t, func(ctx context.Context, tok *string) ([]ec2types.Reservation, *string, error) {
		o, err := c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{NextToken: tok})
		if err != nil {
			return nil, nil, err
		}
		return o.Reservations, o.NextToken, nil
	})
}

// rebuildUserData keys each instance's user data by its id; instances
// without any are left out, as the fixtures leave them.
func rebuildUserData(t testing.TB, cfg aws.Config, _ string) any {
	c := ec2.NewFromConfig(cfg)
	out := map[string]any{}
	for _, r := range reservations(t, c) {
		for _, i := range r.Instances {
			o, err := c.DescribeInstanceAttribute(ctx(t), &ec2.DescribeInstanceAttributeInput{InstanceId: i.InstanceId, Attribute: ec2types.InstanceAttributeNameUserData})
			require.NoError(t, err)
			out[aws.ToString(i.InstanceId)] = asTree(t, map[string]any{"InstanceId": o.InstanceId, "UserData": o.UserData})
		}
	}
	return out
}
