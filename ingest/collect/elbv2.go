package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// elbAPI is what the collector calls on Elastic Load Balancing v2.
type elbAPI interface {
	elb.DescribeLoadBalancersAPIClient
	elb.DescribeListenersAPIClient
	elb.DescribeTargetGroupsAPIClient
	elb.DescribeTargetHealthAPIClient
}

// collectELBv2 writes the load balancers, their listeners (concatenated),
// the target groups and each group's target health keyed by its ARN.
func collectELBv2(ctx context.Context, s *scope) error {
	api := elbAPI(elb.NewFromConfig(s.config()))
	lbs, err := items(ctx, elb.NewDescribeLoadBalancersPaginator(api, &elb.DescribeLoadBalancersInput{}),
		func(o *elb.DescribeLoadBalancersOutput) []types.LoadBalancer { return o.LoadBalancers })
	if err != nil {
		if stop := s.skip(ctx, err, ""); stop != nil {
			return stop
		}
		if regionUnreachable(err) {
			return nil // every other call would fail the same way
		}
	} else {
		if err := s.save("elbv2-describe-load-balancers.json", newObject().set("LoadBalancers", encodeList(lbs))); err != nil {
			return err
		}
		if err := collectListeners(ctx, s, api, lbs); err != nil {
			return err
		}
	}
	groups, err := items(ctx, elb.NewDescribeTargetGroupsPaginator(api, &elb.DescribeTargetGroupsInput{}),
		func(o *elb.DescribeTargetGroupsOutput) []types.TargetGroup { return o.TargetGroups })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	if err := s.save("elbv2-describe-target-groups.json", newObject().set("TargetGroups", encodeList(groups))); err != nil {
		return err
	}
	return collectTargetHealth(ctx, s, api, groups)
}

func collectListeners(ctx context.Context, s *scope, api elbAPI, lbs []types.LoadBalancer) error {
	perLB := make([][]any, len(lbs))
	err := forEach(ctx, len(lbs), func(ctx context.Context, i int) error {
		arn := aws.ToString(lbs[i].LoadBalancerArn)
		listeners, err := items(ctx, elb.NewDescribeListenersPaginator(api, &elb.DescribeListenersInput{LoadBalancerArn: &arn}),
			func(o *elb.DescribeListenersOutput) []types.Listener { return o.Listeners })
		if err != nil {
			return s.skip(ctx, err, arn)
		}
		perLB[i] = encodeList(listeners)
		return nil
	})
	if err != nil {
		return err
	}
	all := []any{}
	for _, l := range perLB {
		all = append(all, l...)
	}
	return s.save("elbv2-describe-listeners.json", newObject().set("Listeners", all))
}

func collectTargetHealth(ctx context.Context, s *scope, api elbAPI, groups []types.TargetGroup) error {
	arns := make([]string, len(groups))
	for i, g := range groups {
		arns[i] = aws.ToString(g.TargetGroupArn)
	}
	results := make([]any, len(groups))
	err := forEach(ctx, len(groups), func(ctx context.Context, i int) error {
		out, err := api.DescribeTargetHealth(ctx, &elb.DescribeTargetHealthInput{TargetGroupArn: &arns[i]})
		if err != nil {
			return s.skip(ctx, err, arns[i])
		}
		results[i] = encode(out)
		return nil
	})
	if err != nil {
		return err
	}
	return s.save("elbv2-describe-target-health.json", byKey(arns, results))
}
