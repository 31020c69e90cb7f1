package snapshot

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// convertIAM converts the authorization details: users, groups, roles and
// managed policies. A user's groups are names in the dump; they become
// ARNs through the groups of the same dump.
func (c *converter) convertIAM() {
	f := c.files.authz
	if f == nil {
		return
	}
	groupARN := map[string]string{}
	for _, g := range f.GroupDetailList {
		groupARN[g.GroupName] = g.Arn
		c.est.Groups = append(c.est.Groups, ingest.Group{
			ARN: g.Arn, Name: g.GroupName, ID: g.GroupId, Account: arnAccount(g.Arn), Path: g.Path,
			InlinePolicies:   inlinePolicies(g.GroupPolicyList),
			AttachedPolicies: attachedARNs(g.AttachedManagedPolicies),
		})
	}
	for _, u := range f.UserDetailList {
		c.est.Users = append(c.est.Users, c.user(u, groupARN))
	}
	for _, r := range f.RoleDetailList {
		c.est.Roles = append(c.est.Roles, role(r))
	}
	for _, p := range f.Policies {
		c.est.ManagedPolicies = append(c.est.ManagedPolicies, managedPolicy(p))
	}
}

func (c *converter) user(u iamUser, groupARN map[string]string) ingest.User {
	out := ingest.User{
		ARN: u.Arn, Name: u.UserName, ID: u.UserId, Account: arnAccount(u.Arn), Path: u.Path,
		InlinePolicies:      inlinePolicies(u.UserPolicyList),
		AttachedPolicies:    attachedARNs(u.AttachedManagedPolicies),
		PermissionsBoundary: boundaryARN(u.PermissionsBoundary),
		Tags:                tagMap(u.Tags),
	}
	for _, name := range u.GroupList {
		arn, ok := groupARN[name]
		if !ok {
			arn = fmt.Sprintf("arn:%s:iam::%s:group/%s", arnPartition(u.Arn), out.Account, name)
			c.warn("user %s is in group %s, which the authorization details do not list", u.Arn, name)
		}
		out.Groups = append(out.Groups, arn)
	}
	return out
}

func role(r iamRole) ingest.Role {
	out := ingest.Role{
		ARN: r.Arn, Name: r.RoleName, ID: r.RoleId, Account: arnAccount(r.Arn), Path: r.Path,
		TrustPolicy:         r.AssumeRolePolicyDocument.doc,
		InlinePolicies:      inlinePolicies(r.RolePolicyList),
		AttachedPolicies:    attachedARNs(r.AttachedManagedPolicies),
		PermissionsBoundary: boundaryARN(r.PermissionsBoundary),
		Tags:                tagMap(r.Tags),
	}
	for _, p := range r.InstanceProfileList {
		out.InstanceProfiles = append(out.InstanceProfiles, ingest.InstanceProfile{ARN: p.Arn, Name: p.InstanceProfileName})
	}
	return out
}

func managedPolicy(p iamManagedPolicy) ingest.ManagedPolicy {
	out := ingest.ManagedPolicy{ARN: p.Arn, Name: p.PolicyName, DefaultVersion: p.DefaultVersionId}
	for _, v := range p.PolicyVersionList {
		out.Versions = append(out.Versions, ingest.PolicyVersion{
			ID: v.VersionId, Default: v.IsDefaultVersion, Document: v.Document.doc,
		})
		if out.DefaultVersion == "" && v.IsDefaultVersion {
			out.DefaultVersion = v.VersionId
		}
	}
	return out
}

func inlinePolicies(list []inlinePolicy) []ingest.InlinePolicy {
	var out []ingest.InlinePolicy
	for _, p := range list {
		out = append(out, ingest.InlinePolicy{Name: p.PolicyName, Document: p.PolicyDocument.doc})
	}
	return out
}

func attachedARNs(list []attachedPolicy) []string {
	var out []string
	for _, p := range list {
		out = append(out, p.PolicyArn)
	}
	return out
}

func boundaryARN(b *permissionsBoundary) string {
	if b == nil {
		return ""
	}
	return b.PermissionsBoundaryArn
}

func arnPartition(arn string) string {
	if p, ok := parseARN(arn); ok {
		return p.Partition
	}
	return "aws"
}

// isAWSManaged reports whether a policy ARN is an AWS managed policy.
func isAWSManaged(arn string) bool {
	p, ok := parseARN(arn)
	return ok && p.Account == "aws" && strings.HasPrefix(p.Resource, "policy/")
}
