package ingest

import "github.com/pathfinder-sec/pathfinder/iam"

// Organization is an AWS Organization: its tree of roots, OUs and accounts,
// and its SCPs and RCPs with the targets they are attached to.
type Organization struct {
	ID                string      `json:"id"`
	ManagementAccount string      `json:"management_account"`
	Units             []OrgUnit   `json:"units"`
	Accounts          []OrgMember `json:"accounts"`
	Policies          []OrgPolicy `json:"policies,omitempty"`
}

// OrgUnit is a root (Parent empty) or an organisational unit.
type OrgUnit struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"`
}

// OrgMember places an account under a root or OU.
type OrgMember struct {
	Account string `json:"account"`
	Parent  string `json:"parent"`
}

// OrgPolicyType distinguishes service and resource control policies.
type OrgPolicyType string

// The organisation policy types that take part in authorisation.
const (
	SCP OrgPolicyType = "SERVICE_CONTROL_POLICY"
	RCP OrgPolicyType = "RESOURCE_CONTROL_POLICY"
)

// OrgPolicy is an SCP or RCP and the roots, OUs and accounts it targets.
type OrgPolicy struct {
	ID       string        `json:"id"`
	ARN      string        `json:"arn"`
	Name     string        `json:"name"`
	Type     OrgPolicyType `json:"type"`
	Document *iam.Policy   `json:"document"`
	Targets  []string      `json:"targets"`
}

// Levels returns, for an account, the policies of the given type at each
// level from the root down to the account itself. It returns nil when the
// account is not in the organisation (no SCPs apply).
func (o *Organization) Levels(account string, typ OrgPolicyType) [][]OrgPolicy {
	if o == nil {
		return nil
	}
	chain := o.chain(account)
	if chain == nil {
		return nil
	}
	levels := make([][]OrgPolicy, len(chain))
	for i, target := range chain {
		for _, p := range o.Policies {
			if p.Type == typ && contains(p.Targets, target) {
				levels[i] = append(levels[i], p)
			}
		}
	}
	return levels
}

// chain lists the targets from the root to the account: root, OUs, account.
func (o *Organization) chain(account string) []string {
	parent := ""
	for _, m := range o.Accounts {
		if m.Account == account {
			parent = m.Parent
		}
	}
	if parent == "" {
		return nil
	}
	chain := []string{account}
	for seen := 0; parent != "" && seen <= len(o.Units); seen++ {
		chain = append([]string{parent}, chain...)
		parent = o.unitParent(parent)
	}
	return chain
}

func (o *Organization) unitParent(id string) string {
	for _, u := range o.Units {
		if u.ID == id {
			return u.Parent
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
