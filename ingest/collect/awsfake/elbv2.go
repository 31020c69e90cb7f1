package awsfake

import (
	elbschemas "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/schemas"
)

// queryDisabled is how the query protocols answer in a region that is not
// enabled: the region does not know the credentials.
var queryDisabled = apiError{status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid."}

func elbv2Service() *service {
	return &service{
		name:     "elasticloadbalancing",
		regional: true,
		proto:    queryProtocol{xmlns: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"},
		throttle: apiError{status: 400, code: "Throttling", message: "Rate exceeded"},
		disabled: queryDisabled,
		ops: map[string]operation{
			"DescribeLoadBalancers": {run: describeLoadBalancers, schema: elbschemas.DescribeLoadBalancersOutput},
			"DescribeListeners":     {run: describeListeners, schema: elbschemas.DescribeListenersOutput},
			"DescribeTargetGroups":  {run: describeTargetGroups, schema: elbschemas.DescribeTargetGroupsOutput},
			"DescribeTargetHealth":  {run: describeTargetHealth, schema: elbschemas.DescribeTargetHealthOutput},
		},
	}
}

func describeLoadBalancers(c *call) (map[string]any, *apiError) {
	return elbPage(c, "LoadBalancers", list(c.regionFile("elbv2-describe-load-balancers.json")["LoadBalancers"]))
}

// describeListeners lists the listeners of the request's load balancer.
func describeListeners(c *call) (map[string]any, *apiError) {
	lb := c.in["LoadBalancerArn"]
	balancers := list(c.regionFile("elbv2-describe-load-balancers.json")["LoadBalancers"])
	if lb == "" || findItem(balancers, "LoadBalancerArn", lb) == nil {
		return nil, newError(400, "LoadBalancerNotFound", "One or more load balancers not found")
	}
	var listeners []any
	for _, l := range list(c.regionFile("elbv2-describe-listeners.json")["Listeners"]) {
		if text(object(l)["LoadBalancerArn"]) == lb {
			listeners = append(listeners, l)
		}
	}
	return elbPage(c, "Listeners", listeners)
}

func describeTargetGroups(c *call) (map[string]any, *apiError) {
	groups := list(c.regionFile("elbv2-describe-target-groups.json")["TargetGroups"])
	if lb := c.in["LoadBalancerArn"]; lb != "" {
		var of []any
		for _, g := range groups {
			if contains(texts(list(object(g)["LoadBalancerArns"])), lb) {
				of = append(of, g)
			}
		}
		groups = of
	}
	return elbPage(c, "TargetGroups", groups)
}

func describeTargetHealth(c *call) (map[string]any, *apiError) {
	arn := c.in["TargetGroupArn"]
	groups := list(c.regionFile("elbv2-describe-target-groups.json")["TargetGroups"])
	if arn == "" || findItem(groups, "TargetGroupArn", arn) == nil {
		return nil, newError(400, "TargetGroupNotFound", "One or more target groups not found")
	}
	health := object(c.regionFile("elbv2-describe-target-health.json")[arn])
	descriptions := list(health["TargetHealthDescriptions"])
	if descriptions == nil {
		descriptions = []any{}
	}
	return map[string]any{"TargetHealthDescriptions": descriptions}, nil
}

// elbPage pages an ELBv2 list by Marker and PageSize.
func elbPage(c *call, member string, items []any) (map[string]any, *apiError) {
	page, next, e := pageOf(items, c.in["Marker"], c.pageSize("PageSize"))
	if e != nil {
		return nil, e
	}
	return withToken(map[string]any{member: page}, "NextMarker", next), nil
}

func texts(items []any) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, text(it))
	}
	return out
}
