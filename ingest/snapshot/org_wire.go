package snapshot

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
)

// orgFiles are the AWS Organizations files of a management (or delegated
// administrator) account.
type orgFiles struct {
	describe *describeOrgFile
	roots    *rootsFile
	units    map[string]orgUnitsPage    // parent id → its OUs
	accounts map[string]orgAccountsPage // parent id → its accounts
	policies *orgPoliciesFile
}

func (o orgFiles) present() bool {
	return o.describe != nil || o.roots != nil || o.units != nil || o.accounts != nil || o.policies != nil
}

type describeOrgFile struct {
	Organization struct {
		Id               string    `json:"Id"`
		Arn              string    `json:"Arn"`
		FeatureSet       string    `json:"FeatureSet"`
		MasterAccountArn string    `json:"MasterAccountArn"`
		MasterAccountId  accountID `json:"MasterAccountId"`
	} `json:"Organization"`
}

type rootsFile struct {
	Roots []orgNode `json:"Roots"`
}

// orgNode is a root or an organisational unit.
type orgNode struct {
	Id   string `json:"Id"`
	Arn  string `json:"Arn"`
	Name string `json:"Name"`
}

func (n *orgNode) validate() error {
	if n.Id == "" {
		return errors.New("Id is missing")
	}
	return nil
}

type orgUnitsPage struct {
	OrganizationalUnits []orgNode `json:"OrganizationalUnits"`
}

type orgAccountsPage struct {
	Accounts []orgAccount `json:"Accounts"`
}

type orgAccount struct {
	Id              accountID `json:"Id"`
	Arn             string    `json:"Arn"`
	Name            string    `json:"Name"`
	Email           string    `json:"Email"`
	Status          string    `json:"Status"`
	JoinedTimestamp timestamp `json:"JoinedTimestamp"`
}

func (a *orgAccount) validate() error {
	if a.Id == "" {
		return errors.New("Id is missing")
	}
	return nil
}

// orgPoliciesFile is `aws organizations list-policies --filter T` for the
// SCP and RCP types, each PolicySummary merged with describe-policy's
// Content and list-targets-for-policy's Targets.
type orgPoliciesFile struct {
	Policies []orgPolicy `json:"Policies"`
}

type orgPolicy struct {
	Id          string      `json:"Id"`
	Arn         string      `json:"Arn"`
	Name        string      `json:"Name"`
	Description string      `json:"Description"`
	Type        string      `json:"Type"`
	AwsManaged  bool        `json:"AwsManaged"`
	Content     policyDoc   `json:"Content"`
	Targets     []orgTarget `json:"Targets"`
}

func (p *orgPolicy) validate() error {
	if p.Id == "" {
		return errors.New("Id is missing")
	}
	if p.Type == "" {
		return errors.New("Type is missing")
	}
	return nil
}

type orgTarget struct {
	TargetId string `json:"TargetId"`
	Arn      string `json:"Arn"`
	Name     string `json:"Name"`
	Type     string `json:"Type"`
}

func decodeOrganization(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &describeOrgFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.org.describe = f
	return nil
}

func decodeRoots(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &rootsFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.org.roots = f
	return nil
}

func decodeOrgPolicies(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &orgPoliciesFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.org.policies = f
	return nil
}

// orgParentPattern matches root and OU ids, the keys of the per-parent files.
var orgParentPattern = regexp.MustCompile(`^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$`)

func checkOrgParent(key string) error {
	if !orgParentPattern.MatchString(key) {
		return fmt.Errorf("key %q is not a root (r-...) or OU (ou-...) id", key)
	}
	return nil
}

func decodeOrgUnits(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	a.org.units = map[string]orgUnitsPage{}
	return decodeKeyed(file, data, checkOrgParent, func(key, path string, raw json.RawMessage) error {
		var page orgUnitsPage
		if err := decodeObject(file, raw, path, &page); err != nil {
			return err
		}
		a.org.units[key] = page
		return nil
	})
}

func decodeOrgAccounts(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	a.org.accounts = map[string]orgAccountsPage{}
	return decodeKeyed(file, data, checkOrgParent, func(key, path string, raw json.RawMessage) error {
		var page orgAccountsPage
		if err := decodeObject(file, raw, path, &page); err != nil {
			return err
		}
		a.org.accounts[key] = page
		return nil
	})
}
