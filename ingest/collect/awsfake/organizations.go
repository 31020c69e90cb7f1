package awsfake

import (
	orgschemas "github.com/aws/aws-sdk-go-v2/service/organizations/schemas"
)

// Organizations answers from the caller's own account directory: the
// management account (or a delegated administrator) holds the
// organisation's files. An account without organizations-describe-
// organization.json is in no organisation; one that has it but not the
// tree's files may not read the tree.

func organizationsService() *service {
	ops := map[string]operation{
		"DescribeOrganization":             {run: describeOrganization, schema: orgschemas.DescribeOrganizationResponse},
		"ListRoots":                        {run: listRoots, schema: orgschemas.ListRootsResponse},
		"ListOrganizationalUnitsForParent": {run: listChildren("organizations-list-organizational-units.json", "OrganizationalUnits"), schema: orgschemas.ListOrganizationalUnitsForParentResponse},
		"ListAccountsForParent":            {run: listChildren("organizations-list-accounts-for-parent.json", "Accounts"), schema: orgschemas.ListAccountsForParentResponse},
		"ListAccounts":                     {run: listAccounts, schema: orgschemas.ListAccountsResponse},
		"ListPolicies":                     {run: listPolicies, schema: orgschemas.ListPoliciesResponse},
		"DescribePolicy":                   {run: describePolicy, schema: orgschemas.DescribePolicyResponse},
		"ListTargetsForPolicy":             {run: listTargetsForPolicy, schema: orgschemas.ListTargetsForPolicyResponse},
	}
	return &service{
		name:     "organizations",
		proto:    jsonProtocol{target: "AWSOrganizationsV20161128", version: "1.1"},
		throttle: apiError{status: 400, code: "TooManyRequestsException", message: "AWS Organizations can't complete your request because the rate of requests is too high."},
		ops:      ops,
	}
}

// orgFile is one of the organisation's files of the caller's account.
func orgFile(c *call, name string) (map[string]any, *apiError) {
	if c.acct.file("organizations-describe-organization.json") == nil {
		return nil, newError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.")
	}
	f := c.acct.file(name)
	if f == nil {
		return nil, newError(400, "AccessDeniedException", "You don't have permissions to access this resource.")
	}
	return f, nil
}

// orgPage pages an Organizations list by NextToken and MaxResults.
func orgPage(c *call, member string, items []any) (map[string]any, *apiError) {
	page, next, e := pageOf(items, c.in["NextToken"], c.pageSize("MaxResults"))
	if e != nil {
		return nil, e
	}
	return withToken(map[string]any{member: page}, "NextToken", next), nil
}

func describeOrganization(c *call) (map[string]any, *apiError) {
	return orgFile(c, "organizations-describe-organization.json")
}

func listRoots(c *call) (map[string]any, *apiError) {
	f, e := orgFile(c, "organizations-list-roots.json")
	if e != nil {
		return nil, e
	}
	return orgPage(c, "Roots", list(f["Roots"]))
}

// listChildren lists one parent's entry of a per-parent file.
func listChildren(file, member string) func(*call) (map[string]any, *apiError) {
	return func(c *call) (map[string]any, *apiError) {
		f, e := orgFile(c, file)
		if e != nil {
			return nil, e
		}
		parent := object(f[c.in["ParentId"]])
		if parent == nil {
			return nil, newError(400, "ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.")
		}
		return orgPage(c, member, list(parent[member]))
	}
}

// listAccounts lists every account of every parent, by account id.
func listAccounts(c *call) (map[string]any, *apiError) {
	f, e := orgFile(c, "organizations-list-accounts-for-parent.json")
	if e != nil {
		return nil, e
	}
	byID := map[string]any{}
	for _, parent := range f {
		for _, a := range list(object(parent)["Accounts"]) {
			byID[text(object(a)["Id"])] = a
		}
	}
	accounts := []any{}
	for _, id := range sortedKeys(byID) {
		accounts = append(accounts, byID[id])
	}
	return orgPage(c, "Accounts", accounts)
}

func policies(c *call) ([]any, *apiError) {
	f, e := orgFile(c, "organizations-list-policies.json")
	if e != nil {
		return nil, e
	}
	return list(f["Policies"]), nil
}

// listPolicies lists the summaries of the policies of the requested type:
// the snapshot merges each policy's content and targets into them.
func listPolicies(c *call) (map[string]any, *apiError) {
	all, e := policies(c)
	if e != nil {
		return nil, e
	}
	var of []any
	for _, p := range all {
		if text(object(p)["Type"]) == c.in["Filter"] {
			of = append(of, without(object(p), "Content", "Targets"))
		}
	}
	return orgPage(c, "Policies", of)
}

func policy(c *call) (map[string]any, *apiError) {
	all, e := policies(c)
	if e != nil {
		return nil, e
	}
	if p := findItem(all, "Id", c.in["PolicyId"]); p != nil {
		return p, nil
	}
	return nil, newError(400, "PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.")
}

func describePolicy(c *call) (map[string]any, *apiError) {
	p, e := policy(c)
	if e != nil {
		return nil, e
	}
	return map[string]any{"Policy": map[string]any{"PolicySummary": without(p, "Content", "Targets"), "Content": p["Content"]}}, nil
}

func listTargetsForPolicy(c *call) (map[string]any, *apiError) {
	p, e := policy(c)
	if e != nil {
		return nil, e
	}
	return orgPage(c, "Targets", list(p["Targets"]))
}
