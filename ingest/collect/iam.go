package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// iamAPI is what the collector calls on IAM.
type iamAPI interface {
	iam.GetAccountAuthorizationDetailsAPIClient
	iam.ListAccessKeysAPIClient
}

// collectIAM writes iam-authorization-details.json (all pages merged,
// policy documents decoded) and iam-list-access-keys.json (every user's
// keys, concatenated).
func collectIAM(ctx context.Context, s *scope) error {
	api := iamAPI(iam.NewFromConfig(s.config()))
	var users []types.UserDetail
	details := newObject().
		set("UserDetailList", []any{}).set("GroupDetailList", []any{}).
		set("RoleDetailList", []any{}).set("Policies", []any{})
	p := iam.NewGetAccountAuthorizationDetailsPaginator(api, &iam.GetAccountAuthorizationDetailsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return s.skip(ctx, err, "")
		}
		users = append(users, page.UserDetailList...)
		appendTo(details, "UserDetailList", encodeList(page.UserDetailList))
		appendTo(details, "GroupDetailList", encodeList(page.GroupDetailList))
		appendTo(details, "RoleDetailList", encodeList(page.RoleDetailList))
		appendTo(details, "Policies", encodeList(page.Policies))
	}
	if err := s.save("iam-authorization-details.json", decodePolicyDocuments(details)); err != nil {
		return err
	}
	return collectAccessKeys(ctx, s, api, users)
}

func collectAccessKeys(ctx context.Context, s *scope, api iamAPI, users []types.UserDetail) error {
	perUser := make([][]types.AccessKeyMetadata, len(users))
	err := forEach(ctx, len(users), func(ctx context.Context, i int) error {
		name := aws.ToString(users[i].UserName)
		keys, err := items(ctx, iam.NewListAccessKeysPaginator(api, &iam.ListAccessKeysInput{UserName: &name}),
			func(o *iam.ListAccessKeysOutput) []types.AccessKeyMetadata { return o.AccessKeyMetadata })
		if err != nil {
			return s.skip(ctx, err, "user "+name)
		}
		perUser[i] = keys
		return nil
	})
	if err != nil {
		return err
	}
	var all []types.AccessKeyMetadata
	for _, keys := range perUser {
		all = append(all, keys...)
	}
	return s.save("iam-list-access-keys.json", newObject().set("AccessKeyMetadata", encodeList(all)))
}

// appendTo appends to a list member of an object.
func appendTo(o *object, key string, more []any) {
	list, _ := o.get(key)
	o.set(key, append(list.([]any), more...))
}
