package snapshot

import (
	"errors"
	"fmt"
)

// authzFile is `aws iam get-account-authorization-details`, all pages merged.
type authzFile struct {
	UserDetailList  []iamUser          `json:"UserDetailList"`
	GroupDetailList []iamGroup         `json:"GroupDetailList"`
	RoleDetailList  []iamRole          `json:"RoleDetailList"`
	Policies        []iamManagedPolicy `json:"Policies"`
}

func decodeAuthorizationDetails(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &authzFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.authz = f
	return nil
}

type attachedPolicy struct {
	PolicyName string `json:"PolicyName"`
	PolicyArn  string `json:"PolicyArn"`
}

type inlinePolicy struct {
	PolicyName     string    `json:"PolicyName"`
	PolicyDocument policyDoc `json:"PolicyDocument"`
}

func (p *inlinePolicy) validate() error {
	if p.PolicyName == "" {
		return errors.New("PolicyName is missing")
	}
	if p.PolicyDocument.raw == nil {
		return errors.New("PolicyDocument is missing")
	}
	return nil
}

type permissionsBoundary struct {
	PermissionsBoundaryType string `json:"PermissionsBoundaryType"`
	PermissionsBoundaryArn  string `json:"PermissionsBoundaryArn"`
}

type iamUser struct {
	Path                    string               `json:"Path"`
	UserName                string               `json:"UserName"`
	UserId                  string               `json:"UserId"`
	Arn                     string               `json:"Arn"`
	CreateDate              timestamp            `json:"CreateDate"`
	UserPolicyList          []inlinePolicy       `json:"UserPolicyList"`
	GroupList               []string             `json:"GroupList"`
	AttachedManagedPolicies []attachedPolicy     `json:"AttachedManagedPolicies"`
	PermissionsBoundary     *permissionsBoundary `json:"PermissionsBoundary"`
	Tags                    []tag                `json:"Tags"`
}

func (u *iamUser) validate() error { return requireARN("iam", u.Arn) }

type iamGroup struct {
	Path                    string           `json:"Path"`
	GroupName               string           `json:"GroupName"`
	GroupId                 string           `json:"GroupId"`
	Arn                     string           `json:"Arn"`
	CreateDate              timestamp        `json:"CreateDate"`
	GroupPolicyList         []inlinePolicy   `json:"GroupPolicyList"`
	AttachedManagedPolicies []attachedPolicy `json:"AttachedManagedPolicies"`
}

func (g *iamGroup) validate() error { return requireARN("iam", g.Arn) }

type iamRole struct {
	Path                     string               `json:"Path"`
	RoleName                 string               `json:"RoleName"`
	RoleId                   string               `json:"RoleId"`
	Arn                      string               `json:"Arn"`
	CreateDate               timestamp            `json:"CreateDate"`
	AssumeRolePolicyDocument policyDoc            `json:"AssumeRolePolicyDocument"`
	InstanceProfileList      []iamInstanceProfile `json:"InstanceProfileList"`
	RolePolicyList           []inlinePolicy       `json:"RolePolicyList"`
	AttachedManagedPolicies  []attachedPolicy     `json:"AttachedManagedPolicies"`
	PermissionsBoundary      *permissionsBoundary `json:"PermissionsBoundary"`
	Tags                     []tag                `json:"Tags"`
}

func (r *iamRole) validate() error {
	if r.AssumeRolePolicyDocument.raw == nil {
		return errors.New("AssumeRolePolicyDocument is missing")
	}
	return requireARN("iam", r.Arn)
}

// iamInstanceProfile omits the profile's Roles: they repeat the role.
type iamInstanceProfile struct {
	Path                string    `json:"Path"`
	InstanceProfileName string    `json:"InstanceProfileName"`
	InstanceProfileId   string    `json:"InstanceProfileId"`
	Arn                 string    `json:"Arn"`
	CreateDate          timestamp `json:"CreateDate"`
}

func (p *iamInstanceProfile) validate() error { return requireARN("iam", p.Arn) }

type iamManagedPolicy struct {
	PolicyName                    string             `json:"PolicyName"`
	PolicyId                      string             `json:"PolicyId"`
	Arn                           string             `json:"Arn"`
	Path                          string             `json:"Path"`
	DefaultVersionId              string             `json:"DefaultVersionId"`
	AttachmentCount               int                `json:"AttachmentCount"`
	PermissionsBoundaryUsageCount int                `json:"PermissionsBoundaryUsageCount"`
	IsAttachable                  bool               `json:"IsAttachable"`
	CreateDate                    timestamp          `json:"CreateDate"`
	UpdateDate                    timestamp          `json:"UpdateDate"`
	PolicyVersionList             []iamPolicyVersion `json:"PolicyVersionList"`
}

func (p *iamManagedPolicy) validate() error { return requireARN("iam", p.Arn) }

type iamPolicyVersion struct {
	Document         policyDoc `json:"Document"`
	VersionId        string    `json:"VersionId"`
	IsDefaultVersion bool      `json:"IsDefaultVersion"`
	CreateDate       timestamp `json:"CreateDate"`
}

func (v *iamPolicyVersion) validate() error {
	if v.VersionId == "" {
		return errors.New("VersionId is missing")
	}
	if v.Document.raw == nil {
		return errors.New("Document is missing")
	}
	return nil
}

// requireARN checks an object's Arn, the identity everything refers to.
func requireARN(service, arn string) error {
	if arn == "" {
		return errors.New("Arn is missing")
	}
	p, ok := parseARN(arn)
	if !ok || p.Service != service {
		return fmt.Errorf("Arn %q is not an %s ARN", arn, service)
	}
	return nil
}
