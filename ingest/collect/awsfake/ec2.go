package awsfake

import (
	"reflect"

	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

// ec2Lists are the EC2 describe calls that list one snapshot file.
var ec2Lists = []struct {
	op, file, member string
	output           any
}{
	{"DescribeVpcs", "ec2-describe-vpcs.json", "Vpcs", ec2.DescribeVpcsOutput{}},
	{"DescribeSubnets", "ec2-describe-subnets.json", "Subnets", ec2.DescribeSubnetsOutput{}},
	{"DescribeRouteTables", "ec2-describe-route-tables.json", "RouteTables", ec2.DescribeRouteTablesOutput{}},
	{"DescribeInternetGateways", "ec2-describe-internet-gateways.json", "InternetGateways", ec2.DescribeInternetGatewaysOutput{}},
	{"DescribeNatGateways", "ec2-describe-nat-gateways.json", "NatGateways", ec2.DescribeNatGatewaysOutput{}},
	{"DescribeSecurityGroups", "ec2-describe-security-groups.json", "SecurityGroups", ec2.DescribeSecurityGroupsOutput{}},
	{"DescribeNetworkAcls", "ec2-describe-network-acls.json", "NetworkAcls", ec2.DescribeNetworkAclsOutput{}},
	{"DescribeInstances", "ec2-describe-instances.json", "Reservations", ec2.DescribeInstancesOutput{}},
	{"DescribeNetworkInterfaces", "ec2-describe-network-interfaces.json", "NetworkInterfaces", ec2.DescribeNetworkInterfacesOutput{}},
}

func ec2Service() *service {
	ops := map[string]operation{
		"DescribeInstanceAttribute": {run: describeInstanceAttribute, goType: reflect.TypeOf(ec2.DescribeInstanceAttributeOutput{})},
		"DescribeRegions":           {run: describeRegions, goType: reflect.TypeOf(ec2.DescribeRegionsOutput{})},
	}
	for _, l := range ec2Lists {
		ops[l.op] = operation{run: describeList(l.file, l.member), goType: reflect.TypeOf(l.output)}
	}
	return &service{
		name:     "ec2",
		regional: true,
		proto:    ec2Protocol{},
		ops:      ops,
		throttle: apiError{status: 503, code: "RequestLimitExceeded", message: "Request limit exceeded."},
		disabled: apiError{status: 401, code: "AuthFailure", message: "AWS was not able to validate the provided access credentials"},
	}
}

// describeList pages one file's list. Filters and id lists in the request
// are ignored: the collector lists everything.
func describeList(file, member string) func(*call) (map[string]any, *apiError) {
	return func(c *call) (map[string]any, *apiError) {
		page, next, e := pageOf(list(c.regionFile(file)[member]), c.in["NextToken"], c.pageSize("MaxResults"))
		if e != nil {
			return nil, e
		}
		return withToken(map[string]any{member: page}, "NextToken", next), nil
	}
}

// describeInstanceAttribute answers the userData attribute, the one the
// snapshot holds.
func describeInstanceAttribute(c *call) (map[string]any, *apiError) {
	id, attribute := c.in["InstanceId"], c.in["Attribute"]
	if attribute != "userData" {
		return nil, newError(400, "InvalidParameterValue", "awsfake serves only the userData attribute, not %q", attribute)
	}
	if entry := object(c.regionFile("ec2-describe-instance-attribute-userdata.json")[id]); entry != nil {
		userData := entry["UserData"]
		if userData == nil {
			userData = map[string]any{}
		}
		return map[string]any{"InstanceId": id, "UserData": userData}, nil
	}
	if !instanceExists(c, id) {
		return nil, newError(400, "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", id)
	}
	return map[string]any{"InstanceId": id, "UserData": map[string]any{}}, nil
}

func instanceExists(c *call, id string) bool {
	for _, r := range list(c.regionFile("ec2-describe-instances.json")["Reservations"]) {
		if findItem(list(object(r)["Instances"]), "InstanceId", id) != nil {
			return true
		}
	}
	return false
}

// publicRegions are AWS's commercial regions, which DescribeRegions with
// AllRegions lists as not opted in unless they answer.
var publicRegions = []string{
	"af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
	"ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ca-central-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
	"eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
	"sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
}

// describeRegions lists the regions that answer (Options.Regions, else
// those the account's snapshot names) and, with AllRegions, the other
// public regions as not opted in.
func describeRegions(c *call) (map[string]any, *apiError) {
	answering := c.server.answeringRegions(c.acct)
	regions := []any{}
	for _, r := range answering {
		regions = append(regions, regionInfo(r, "opt-in-not-required"))
	}
	if c.in["AllRegions"] == "true" {
		for _, r := range publicRegions {
			if !contains(answering, r) {
				regions = append(regions, regionInfo(r, "not-opted-in"))
			}
		}
	}
	return map[string]any{"Regions": regions}, nil
}

func regionInfo(region, optIn string) map[string]any {
	return map[string]any{"RegionName": region, "Endpoint": "ec2." + region + ".amazonaws.com", "OptInStatus": optIn}
}
