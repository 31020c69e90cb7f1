package collect

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
)

// orgAPI is what the collector calls on AWS Organizations.
type orgAPI interface {
	DescribeOrganization(context.Context, *organizations.DescribeOrganizationInput, ...func(*organizations.Options)) (*organizations.DescribeOrganizationOutput, error)
	DescribePolicy(context.Context, *organizations.DescribePolicyInput, ...func(*organizations.Options)) (*organizations.DescribePolicyOutput, error)
	organizations.ListRootsAPIClient
	organizations.ListOrganizationalUnitsForParentAPIClient
	organizations.ListAccountsForParentAPIClient
	organizations.ListPoliciesAPIClient
	organizations.ListTargetsForPolicyAPIClient
}

// authorisationPolicyTypes are the organisation policies that take part in
// authorisation; tag, backup and other policies do not.
var authorisationPolicyTypes = []types.PolicyType{types.PolicyTypeServiceControlPolicy, types.PolicyTypeResourceControlPolicy}

// collectOrganizations writes the organizations-*.json files when the
// account can read its organisation's structure: the management account,
// or a delegated administrator. Other accounts write none, as the CLI
// script does.
func collectOrganizations(ctx context.Context, s *scope) error {
	api := orgAPI(organizations.NewFromConfig(s.config()))
	org, err := api.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if errorCode(err) == "AWSOrganizationsNotInUseException" {
		return nil
	}
	if err != nil {
		return s.skip(ctx, err, "")
	}
	roots, err := items(ctx, organizations.NewListRootsPaginator(api, &organizations.ListRootsInput{}),
		func(o *organizations.ListRootsOutput) []types.Root { return o.Roots })
	if err != nil {
		management := org.Organization != nil && aws.ToString(org.Organization.MasterAccountId) == s.acct.id
		if !management && strings.HasPrefix(errorCode(err), "AccessDenied") {
			return nil // a member that is not a delegated administrator
		}
		return s.skip(ctx, err, "")
	}
	if err := s.save("organizations-describe-organization.json", encode(org)); err != nil {
		return err
	}
	if err := s.save("organizations-list-roots.json", newObject().set("Roots", encodeList(roots))); err != nil {
		return err
	}
	if err := collectOrgTree(ctx, s, api, roots); err != nil {
		return err
	}
	return collectOrgPolicies(ctx, s, api)
}

// collectOrgTree walks down from the roots and writes the OUs and the
// accounts of every parent, keyed by the parent's id.
func collectOrgTree(ctx context.Context, s *scope, api orgAPI, roots []types.Root) error {
	units, accounts := newObject(), newObject()
	var queue []string
	for _, r := range roots {
		queue = append(queue, aws.ToString(r.Id))
	}
	for len(queue) > 0 {
		parent := queue[0]
		queue = queue[1:]
		ous, err := items(ctx, organizations.NewListOrganizationalUnitsForParentPaginator(api,
			&organizations.ListOrganizationalUnitsForParentInput{ParentId: &parent}),
			func(o *organizations.ListOrganizationalUnitsForParentOutput) []types.OrganizationalUnit {
				return o.OrganizationalUnits
			})
		if err != nil {
			if err := s.skip(ctx, err, parent); err != nil {
				return err
			}
		} else {
			units.set(parent, newObject().set("OrganizationalUnits", encodeList(ous)))
			for _, ou := range ous {
				queue = append(queue, aws.ToString(ou.Id))
			}
		}
		accts, err := items(ctx, organizations.NewListAccountsForParentPaginator(api,
			&organizations.ListAccountsForParentInput{ParentId: &parent}),
			func(o *organizations.ListAccountsForParentOutput) []types.Account { return o.Accounts })
		if err != nil {
			if err := s.skip(ctx, err, parent); err != nil {
				return err
			}
			continue
		}
		accounts.set(parent, newObject().set("Accounts", encodeList(accts)))
	}
	if err := s.save("organizations-list-organizational-units.json", units); err != nil {
		return err
	}
	return s.save("organizations-list-accounts-for-parent.json", accounts)
}

// collectOrgPolicies writes every SCP and RCP with its content and its
// targets merged into the policy's summary.
func collectOrgPolicies(ctx context.Context, s *scope, api orgAPI) error {
	var summaries []types.PolicySummary
	for _, t := range authorisationPolicyTypes {
		page, err := items(ctx, organizations.NewListPoliciesPaginator(api, &organizations.ListPoliciesInput{Filter: t}),
			func(o *organizations.ListPoliciesOutput) []types.PolicySummary { return o.Policies })
		if err != nil {
			if err := s.skip(ctx, err, string(t)); err != nil {
				return err
			}
			continue
		}
		summaries = append(summaries, page...)
	}
	policies := make([]any, len(summaries))
	err := forEach(ctx, len(summaries), func(ctx context.Context, i int) error {
		p, err := orgPolicy(ctx, s, api, summaries[i])
		policies[i] = p
		return err
	})
	if err != nil {
		return err
	}
	return s.save("organizations-list-policies.json", newObject().set("Policies", policies))
}

func orgPolicy(ctx context.Context, s *scope, api orgAPI, summary types.PolicySummary) (*object, error) {
	id := aws.ToString(summary.Id)
	entry := encode(summary).(*object)
	var content any
	d, err := api.DescribePolicy(ctx, &organizations.DescribePolicyInput{PolicyId: &id})
	if err != nil {
		if err := s.skip(ctx, err, "policy "+id); err != nil {
			return nil, err
		}
	} else if d.Policy != nil {
		content = encode(d.Policy.Content)
	}
	entry.set("Content", content)
	targets, err := items(ctx, organizations.NewListTargetsForPolicyPaginator(api, &organizations.ListTargetsForPolicyInput{PolicyId: &id}),
		func(o *organizations.ListTargetsForPolicyOutput) []types.PolicyTargetSummary { return o.Targets })
	if err != nil {
		if err := s.skip(ctx, err, "policy "+id); err != nil {
			return nil, err
		}
	}
	return entry.set("Targets", encodeList(targets)), nil
}
