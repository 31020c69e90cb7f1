package awsfake

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/stretchr/testify/require"
)

var regionRebuilds = map[string]rebuild{
	"ec2-describe-vpcs.json":                        ec2List("Vpcs"),
	"ec2-describe-subnets.json":                     ec2List("Subnets"),
	"ec2-describe-route-tables.json":                ec2List("RouteTables"),
	"ec2-describe-internet-gateways.json":           ec2List("InternetGateways"),
	"ec2-describe-nat-gateways.json":                ec2List("NatGateways"),
	"ec2-describe-security-groups.json":             ec2List("SecurityGroups"),
	"ec2-describe-network-acls.json":                ec2List("NetworkAcls"),
	"ec2-describe-instances.json":                   ec2List("Reservations"),
	"ec2-describe-network-interfaces.json":          ec2List("NetworkInterfaces"),
	"ec2-describe-instance-attribute-userdata.json": rebuildUserData,
	"elbv2-describe-load-balancers.json": func(t testing.TB, cfg aws.Config, _ string) any {
		return asTree(t, map[string]any{"LoadBalancers": loadBalancers(t, cfg)})
	},
	"elbv2-describe-listeners.json": rebuildListeners,
	"elbv2-describe-target-groups.json": func(t testing.TB, cfg aws.Config, _ string) any {
		return asTree(t, map[string]any{"TargetGroups": targetGroups(t, cfg)})
	},
	"elbv2-describe-target-health.json": rebuildTargetHealth,
	"lambda-list-functions.json":        rebuildFunctions,
	"lambda-get-policy.json":            rebuildFunctionPolicies,
	"kms-keys.json":                     rebuildKeys,
	"secretsmanager-list-secrets.json":  rebuildSecrets,
	"rds-describe-db-instances.json":    rebuildDatabases,
	"dynamodb-tables.json":              rebuildTables,
}

func loadBalancers(t testing.TB, cfg aws.Config) any {
	c := elb.NewFromConfig(cfg)
	var all []any
	p := elb.NewDescribeLoadBalancersPaginator(c, &elb.DescribeLoadBalancersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, lb := range page.LoadBalancers {
			all = append(all, lb)
		}
	}
	return all
}

func rebuildListeners(t testing.TB, cfg aws.Config, _ string) any {
	c := elb.NewFromConfig(cfg)
	var all []any
	for _, lb := range list(asTree(t, loadBalancers(t, cfg))) {
		arn := aws.String(text(object(lb)["LoadBalancerArn"]))
		p := elb.NewDescribeListenersPaginator(c, &elb.DescribeListenersInput{LoadBalancerArn: arn})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx(t))
			require.NoError(t, err)
			for _, l := range page.Listeners {
				all = append(all, l)
			}
		}
	}
	return asTree(t, map[string]any{"Listeners": all})
}

func targetGroups(t testing.TB, cfg aws.Config) any {
	var all []any
	p := elb.NewDescribeTargetGroupsPaginator(elb.NewFromConfig(cfg), &elb.DescribeTargetGroupsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, g := range page.TargetGroups {
			all = append(all, g)
		}
	}
	return all
}

func rebuildTargetHealth(t testing.TB, cfg aws.Config, _ string) any {
	out := map[string]any{}
	for _, g := range list(asTree(t, targetGroups(t, cfg))) {
		arn := text(object(g)["TargetGroupArn"])
		h, err := elb.NewFromConfig(cfg).DescribeTargetHealth(ctx(t), &elb.DescribeTargetHealthInput{TargetGroupArn: &arn})
		require.NoError(t, err)
		out[arn] = asTree(t, map[string]any{"TargetHealthDescriptions": h.TargetHealthDescriptions})
	}
	return out
}

func rebuildFunctions(t testing.TB, cfg aws.Config, _ string) any {
	c := lambda.NewFromConfig(cfg)
	var all []any
	p := lambda.NewListFunctionsPaginator(c, &lambda.ListFunctionsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, f := range page.Functions {
			tags, err := c.ListTags(ctx(t), &lambda.ListTagsInput{Resource: f.FunctionArn})
			require.NoError(t, err)
			entry := object(asTree(t, f))
			entry["Tags"] = asTree(t, tags.Tags)
			all = append(all, entry)
		}
	}
	return map[string]any{"Functions": all}
}

func rebuildFunctionPolicies(t testing.TB, cfg aws.Config, _ string) any {
	c := lambda.NewFromConfig(cfg)
	out := map[string]any{}
	for _, f := range list(object(rebuildFunctions(t, cfg, ""))["Functions"]) {
		arn := text(object(f)["FunctionArn"])
		p, err := c.GetPolicy(ctx(t), &lambda.GetPolicyInput{FunctionName: &arn})
		if optional(t, p, err, "ResourceNotFoundException") != nil {
			out[arn] = asTree(t, map[string]any{"Policy": p.Policy, "RevisionId": p.RevisionId})
		}
	}
	return out
}

func rebuildKeys(t testing.TB, cfg aws.Config, _ string) any {
	c := kms.NewFromConfig(cfg)
	var all []any
	p := kms.NewListKeysPaginator(c, &kms.ListKeysInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, k := range page.Keys {
			d, err := c.DescribeKey(ctx(t), &kms.DescribeKeyInput{KeyId: k.KeyId})
			require.NoError(t, err)
			policy, err := c.GetKeyPolicy(ctx(t), &kms.GetKeyPolicyInput{KeyId: k.KeyId, PolicyName: aws.String("default")})
			require.NoError(t, err)
			aliases, err := c.ListAliases(ctx(t), &kms.ListAliasesInput{KeyId: k.KeyId, Limit: aws.Int32(100)})
			require.NoError(t, err)
			tags := pages(t, func(ctx context.Context, tok *string) ([]any, *string, error) {
				o, err := c.ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: k.KeyId, Marker: tok})
				if err != nil {
					return nil, nil, err
				}
				return list(asTree(t, o.Tags)), o.NextMarker, nil
			})
			all = append(all, asTree(t, map[string]any{"KeyMetadata": d.KeyMetadata, "Policy": policy.Policy, "Aliases": aliases.Aliases, "Tags": tags}))
		}
	}
	return map[string]any{"Keys": all}
}

func rebuildSecrets(t testing.TB, cfg aws.Config, _ string) any {
	c := secretsmanager.NewFromConfig(cfg)
	var all []any
	p := secretsmanager.NewListSecretsPaginator(c, &secretsmanager.ListSecretsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, s := range page.SecretList {
			policy, err := c.GetResourcePolicy(ctx(t), &secretsmanager.GetResourcePolicyInput{SecretId: s.ARN})
			require.NoError(t, err)
			entry := object(asTree(t, s))
			entry["ResourcePolicy"] = asTree(t, policy.ResourcePolicy)
			all = append(all, entry)
		}
	}
	return map[string]any{"SecretList": all}
}

func rebuildDatabases(t testing.TB, cfg aws.Config, _ string) any {
	var all []any
	p := rds.NewDescribeDBInstancesPaginator(rds.NewFromConfig(cfg), &rds.DescribeDBInstancesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, d := range page.DBInstances {
			all = append(all, d)
		}
	}
	return asTree(t, map[string]any{"DBInstances": all})
}

func rebuildTables(t testing.TB, cfg aws.Config, _ string) any {
	c := dynamodb.NewFromConfig(cfg)
	var all []any
	p := dynamodb.NewListTablesPaginator(c, &dynamodb.ListTablesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		require.NoError(t, err)
		for _, name := range page.TableNames {
			d, err := c.DescribeTable(ctx(t), &dynamodb.DescribeTableInput{TableName: &name})
			require.NoError(t, err)
			entry := object(asTree(t, d.Table))
			policy, err := c.GetResourcePolicy(ctx(t), &dynamodb.GetResourcePolicyInput{ResourceArn: d.Table.TableArn})
			if entry["ResourcePolicy"] = optional(t, policy, err, "PolicyNotFoundException"); policy != nil {
				entry["ResourcePolicy"] = aws.ToString(policy.Policy)
			}
			entry["Tags"] = pages(t, func(ctx context.Context, tok *string) ([]any, *string, error) {
				o, err := c.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: d.Table.TableArn, NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return list(asTree(t, o.Tags)), o.NextToken, nil
			})
			all = append(all, entry)
		}
	}
	return map[string]any{"Tables": all}
}
