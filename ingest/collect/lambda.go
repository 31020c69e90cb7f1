package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

// lambdaAPI is what the collector calls on Lambda.
type lambdaAPI interface {
	lambda.ListFunctionsAPIClient
	ListTags(context.Context, *lambda.ListTagsInput, ...func(*lambda.Options)) (*lambda.ListTagsOutput, error)
	GetPolicy(context.Context, *lambda.GetPolicyInput, ...func(*lambda.Options)) (*lambda.GetPolicyOutput, error)
}

// collectLambda writes lambda-list-functions.json (each function with its
// tags merged in, when it has any) and lambda-get-policy.json (the
// resource policy of each function that has one, keyed by its ARN).
func collectLambda(ctx context.Context, s *scope) error {
	api := lambdaAPI(lambda.NewFromConfig(s.config()))
	functions, err := items(ctx, lambda.NewListFunctionsPaginator(api, &lambda.ListFunctionsInput{}),
		func(o *lambda.ListFunctionsOutput) []types.FunctionConfiguration { return o.Functions })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	arns := make([]string, len(functions))
	for i, f := range functions {
		arns[i] = aws.ToString(f.FunctionArn)
	}
	entries := make([]any, len(functions))
	policies := make([]any, len(functions))
	err = forEach(ctx, len(functions), func(ctx context.Context, i int) error {
		entry := encode(functions[i]).(*object)
		entries[i] = entry
		tags, err := api.ListTags(ctx, &lambda.ListTagsInput{Resource: &arns[i]})
		if err != nil {
			if err := s.skip(ctx, err, arns[i]); err != nil {
				return err
			}
		} else if len(tags.Tags) > 0 {
			entry.set("Tags", encode(tags.Tags))
		}
		policy, err := api.GetPolicy(ctx, &lambda.GetPolicyInput{FunctionName: &arns[i]})
		switch {
		case errorCode(err) == "ResourceNotFoundException":
		case err != nil:
			return s.skip(ctx, err, arns[i])
		default:
			policies[i] = encode(policy)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.save("lambda-list-functions.json", newObject().set("Functions", entries)); err != nil {
		return err
	}
	return s.save("lambda-get-policy.json", byKey(arns, policies))
}
