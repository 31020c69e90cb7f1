package awsfake

import (
	"sort"
	"strings"

	iamschemas "github.com/aws/aws-sdk-go-v2/service/iam/schemas"
)

func iamService() *service {
	return &service{
		name:     "iam",
		proto:    queryProtocol{xmlns: "https://iam.amazonaws.com/doc/2010-05-08/"},
		throttle: apiError{status: 400, code: "Throttling", message: "Rate exceeded"},
		ops: map[string]operation{
			"GetAccountAuthorizationDetails": {run: getAccountAuthorizationDetails, schema: iamschemas.GetAccountAuthorizationDetailsResponse},
			"ListAccessKeys":                 {run: listAccessKeys, schema: iamschemas.ListAccessKeysResponse},
			"ListAccountAliases":             {run: listAccountAliases, schema: iamschemas.ListAccountAliasesResponse},
		},
	}
}

// authzEntry is one item of GetAccountAuthorizationDetails: its four
// lists page as one sequence.
type authzEntry struct {
	member string
	item   map[string]any
}

func getAccountAuthorizationDetails(c *call) (map[string]any, *apiError) {
	file := c.acct.file("iam-authorization-details.json")
	filters := c.in.members("Filter")
	var entries []any
	for _, member := range []string{"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"} {
		for _, it := range list(file[member]) {
			if authzFilterAllows(filters, member, object(it)) {
				entries = append(entries, authzEntry{member, object(it)})
			}
		}
	}
	page, next, e := pageOf(entries, c.in["Marker"], c.pageSize("MaxItems"))
	if e != nil {
		return nil, e
	}
	out := map[string]any{"UserDetailList": []any{}, "GroupDetailList": []any{}, "RoleDetailList": []any{}, "Policies": []any{}, "IsTruncated": next != ""}
	for _, p := range page {
		entry := p.(authzEntry)
		out[entry.member] = append(out[entry.member].([]any), urlEncodePolicies(entry.item))
	}
	return withToken(out, "Marker", next), nil
}

// authzFilterAllows applies the request's Filter (EntityType values): no
// filter allows everything.
func authzFilterAllows(filters []string, member string, item map[string]any) bool {
	if len(filters) == 0 {
		return true
	}
	want := map[string]string{"UserDetailList": "User", "GroupDetailList": "Group", "RoleDetailList": "Role"}[member]
	if member == "Policies" {
		want = "LocalManagedPolicy"
		if arnAccount(text(item["Arn"])) == "" {
			want = "AWSManagedPolicy"
		}
	}
	for _, f := range filters {
		if f == want {
			return true
		}
	}
	return false
}

func listAccessKeys(c *call) (map[string]any, *apiError) {
	user := c.in["UserName"]
	var keys []any
	for _, k := range list(c.acct.file("iam-list-access-keys.json")["AccessKeyMetadata"]) {
		if user != "" && text(object(k)["UserName"]) == user {
			keys = append(keys, k)
		}
	}
	users := list(c.acct.file("iam-authorization-details.json")["UserDetailList"])
	if user != "" && len(keys) == 0 && findItem(users, "UserName", user) == nil {
		return nil, newError(404, "NoSuchEntity", "The user with name %s cannot be found.", user)
	}
	page, next, e := pageOf(keys, c.in["Marker"], c.pageSize("MaxItems"))
	if e != nil {
		return nil, e
	}
	out := map[string]any{"AccessKeyMetadata": page, "IsTruncated": next != ""}
	return withToken(out, "Marker", next), nil
}

// listAccountAliases answers with the manifest's account_name: the alias
// is what names a standalone account.
func listAccountAliases(c *call) (map[string]any, *apiError) {
	aliases := []any{}
	if c.acct.name != "" {
		aliases = append(aliases, c.acct.name)
	}
	return map[string]any{"AccountAliases": aliases, "IsTruncated": false}, nil
}

// members reads a query-protocol list member: Name.member.1, Name.member.2, ...
func (in input) members(name string) []string {
	type item struct {
		n int
		v string
	}
	var items []item
	for k, v := range in {
		if rest, ok := strings.CutPrefix(k, name+".member."); ok {
			if n, ok := positive(rest); ok {
				items = append(items, item{n, v})
			}
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].n < items[j].n })
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.v)
	}
	return out
}
