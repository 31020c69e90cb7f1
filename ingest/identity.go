package ingest

import "github.com/pathfinder-sec/pathfinder/iam"

// InlinePolicy is a policy embedded in a user, group or role.
type InlinePolicy struct {
	Name     string      `json:"name"`
	Document *iam.Policy `json:"document"`
}

// User is an IAM user.
type User struct {
	ARN     string `json:"arn"`
	Name    string `json:"name"`
	ID      string `json:"id,omitempty"`
	Account string `json:"account"`
	Path    string `json:"path,omitempty"`
	// Groups holds the ARNs of the groups the user belongs to.
	Groups           []string       `json:"groups,omitempty"`
	InlinePolicies   []InlinePolicy `json:"inline_policies,omitempty"`
	AttachedPolicies []string       `json:"attached_policies,omitempty"`
	// PermissionsBoundary is the ARN of the boundary policy, if any.
	PermissionsBoundary string `json:"permissions_boundary,omitempty"`
	Tags                Tags   `json:"tags,omitempty"`
}

// Group is an IAM group.
type Group struct {
	ARN              string         `json:"arn"`
	Name             string         `json:"name"`
	ID               string         `json:"id,omitempty"`
	Account          string         `json:"account"`
	Path             string         `json:"path,omitempty"`
	InlinePolicies   []InlinePolicy `json:"inline_policies,omitempty"`
	AttachedPolicies []string       `json:"attached_policies,omitempty"`
}

// Role is an IAM role.
type Role struct {
	ARN                 string            `json:"arn"`
	Name                string            `json:"name"`
	ID                  string            `json:"id,omitempty"`
	Account             string            `json:"account"`
	Path                string            `json:"path,omitempty"`
	TrustPolicy         *iam.Policy       `json:"trust_policy"`
	InlinePolicies      []InlinePolicy    `json:"inline_policies,omitempty"`
	AttachedPolicies    []string          `json:"attached_policies,omitempty"`
	PermissionsBoundary string            `json:"permissions_boundary,omitempty"`
	InstanceProfiles    []InstanceProfile `json:"instance_profiles,omitempty"`
	Tags                Tags              `json:"tags,omitempty"`
}

// InstanceProfile is an instance profile that carries a role.
type InstanceProfile struct {
	ARN  string `json:"arn"`
	Name string `json:"name"`
}

// ManagedPolicy is a customer managed or AWS managed policy with its
// versions. AWS managed policies have ARNs in the "aws" account.
type ManagedPolicy struct {
	ARN            string          `json:"arn"`
	Name           string          `json:"name"`
	DefaultVersion string          `json:"default_version"`
	Versions       []PolicyVersion `json:"versions"`
	// Source says where an AWS managed policy's document came from when
	// the estate did not hold it (the built-in catalogue).
	Source string `json:"source,omitempty"`
}

// PolicyVersion is one version of a managed policy.
type PolicyVersion struct {
	ID       string      `json:"id"`
	Default  bool        `json:"default"`
	Document *iam.Policy `json:"document"`
}

// Document returns the default version's document, or nil.
func (p *ManagedPolicy) Document() *iam.Policy {
	for i := range p.Versions {
		if p.Versions[i].ID == p.DefaultVersion || p.Versions[i].Default {
			return p.Versions[i].Document
		}
	}
	return nil
}

// AccessKey is an IAM user's access key (metadata only: never the secret).
type AccessKey struct {
	User   string `json:"user"` // the user's ARN
	ID     string `json:"id"`
	Status string `json:"status"` // Active or Inactive
}
