package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// dynamoAPI is what the collector calls on DynamoDB.
type dynamoAPI interface {
	dynamodb.ListTablesAPIClient
	DescribeTable(context.Context, *dynamodb.DescribeTableInput, ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
	GetResourcePolicy(context.Context, *dynamodb.GetResourcePolicyInput, ...func(*dynamodb.Options)) (*dynamodb.GetResourcePolicyOutput, error)
	ListTagsOfResource(context.Context, *dynamodb.ListTagsOfResourceInput, ...func(*dynamodb.Options)) (*dynamodb.ListTagsOfResourceOutput, error)
}

// collectDynamoDB writes dynamodb-tables.json: each table's description
// with its resource policy (null when none) and its tags (when any).
func collectDynamoDB(ctx context.Context, s *scope) error {
	api := dynamoAPI(dynamodb.NewFromConfig(s.config()))
	names, err := items(ctx, dynamodb.NewListTablesPaginator(api, &dynamodb.ListTablesInput{}),
		func(o *dynamodb.ListTablesOutput) []string { return o.TableNames })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	kept, err := eachEntry(ctx, len(names), func(ctx context.Context, i int) (*object, error) {
		return dynamoTable(ctx, s, api, names[i])
	})
	if err != nil {
		return err
	}
	return s.save("dynamodb-tables.json", newObject().set("Tables", kept))
}

// dynamoTable is one entry of dynamodb-tables.json, or nil when the table
// cannot be described (recorded as a gap).
func dynamoTable(ctx context.Context, s *scope, api dynamoAPI, name string) (*object, error) {
	d, err := api.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &name})
	if err != nil {
		return nil, s.skip(ctx, err, "table "+name)
	}
	if d.Table == nil {
		return nil, nil
	}
	entry := encode(d.Table).(*object)
	arn := aws.ToString(d.Table.TableArn)
	var policy any
	p, err := api.GetResourcePolicy(ctx, &dynamodb.GetResourcePolicyInput{ResourceArn: &arn})
	switch {
	case errorCode(err) == "PolicyNotFoundException":
	case err != nil:
		if err := s.skip(ctx, err, arn); err != nil {
			return nil, err
		}
	default:
		policy = encode(p.Policy)
	}
	entry.set("ResourcePolicy", policy)
	tags, err := tableTags(ctx, api, arn)
	if err != nil {
		return entry, s.skip(ctx, err, arn)
	}
	if len(tags) > 0 {
		entry.set("Tags", encodeList(tags))
	}
	return entry, nil
}

// tableTags follows ListTagsOfResource's NextToken, which the SDK has no
// paginator for.
func tableTags(ctx context.Context, api dynamoAPI, arn string) ([]types.Tag, error) {
	var tags []types.Tag
	var token *string
	for {
		out, err := api.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: &arn, NextToken: token})
		if err != nil {
			return nil, err
		}
		tags = append(tags, out.Tags...)
		next := aws.ToString(out.NextToken)
		if next == "" || next == aws.ToString(token) {
			return tags, nil
		}
		token = &next
	}
}
