package synth

import (
	"fmt"
	"path"
	"sort"
)

// obj is a JSON object as the CLI prints it.
type obj = map[string]any

const created = "2023-03-09T10:41:45+00:00"

var groupNames = []string{"admins", "developers", "readonly", "operations", "data-science"}

func (a *account) arn(kind, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:%s/%s", a.id, kind, name)
}

func doc(statements ...obj) obj {
	list := make([]any, len(statements))
	for i, s := range statements {
		list[i] = s
	}
	return obj{"Version": "2012-10-17", "Statement": list}
}

func allow(action, resource any) obj {
	return obj{"Effect": "Allow", "Action": action, "Resource": resource}
}

func (a *account) users() int { return max(1, a.roles/4) }

func (a *account) authorizationDetails() obj {
	policies := a.customerPolicies()
	return obj{
		"UserDetailList":  a.userDetails(len(policies)),
		"GroupDetailList": a.groupDetails(len(policies)),
		"RoleDetailList":  a.roleDetails(len(policies)),
		"Policies":        append(policies, awsManaged()...),
	}
}

func policyName(k int) string { return fmt.Sprintf("workload-%d", k) }

// customerPolicies are managed policies with up to three versions each,
// the older versions broader than the default, as privilege creep leaves
// them.
func (a *account) customerPolicies() []any {
	n := 3 + a.roles/5
	out := make([]any, 0, n)
	for k := 0; k < n; k++ {
		bucket := fmt.Sprintf("arn:aws:s3:::synthetic-%s-%d/*", a.id, a.rng.IntN(max(1, a.buckets)))
		versions := []any{obj{"Document": doc(allow([]string{"s3:GetObject", "s3:PutObject"}, bucket), allow("ec2:Describe*", "*")),
			"VersionId": fmt.Sprintf("v%d", 1+k%3), "IsDefaultVersion": true, "CreateDate": created}}
		for v := 1; v <= k%3; v++ {
			versions = append(versions, obj{"Document": doc(allow("s3:*", "*"), allow("iam:PassRole", a.arn("role", "*"))),
				"VersionId": fmt.Sprintf("v%d", v), "IsDefaultVersion": false, "CreateDate": created})
		}
		out = append(out, obj{
			"PolicyName": policyName(k), "PolicyId": fmt.Sprintf("ANPA%016d", a.index*100000+k), "Arn": a.arn("policy", policyName(k)),
			"Path": "/", "DefaultVersionId": fmt.Sprintf("v%d", 1+k%3), "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0,
			"IsAttachable": true, "CreateDate": created, "UpdateDate": created, "PolicyVersionList": versions,
		})
	}
	return out
}

// awsManaged are the AWS managed policies the synthetic principals
// attach, with short stand-in documents (not AWS's text).
func awsManaged() []any {
	return []any{
		managed("AdministratorAccess", doc(allow("*", "*"))),
		managed("ReadOnlyAccess", doc(allow([]string{"ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*", "iam:List*"}, "*"))),
	}
}

func managed(name string, document obj) obj {
	return obj{"PolicyName": name, "PolicyId": "ANPA" + name, "Arn": "arn:aws:iam::aws:policy/" + name, "Path": "/",
		"DefaultVersionId": "v1", "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": true,
		"CreateDate": created, "UpdateDate": created,
		"PolicyVersionList": []any{obj{"Document": document, "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": created}}}
}

func attached(arn string) obj {
	return obj{"PolicyName": path.Base(arn), "PolicyArn": arn}
}

func (a *account) groupDetails(policies int) []any {
	out := make([]any, 0, len(groupNames))
	for k, name := range groupNames {
		att := []any{attached(a.arn("policy", policyName(k%policies)))}
		if name == "admins" {
			att = append(att, obj{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})
		}
		out = append(out, obj{"Path": "/", "GroupName": name, "GroupId": fmt.Sprintf("AGPA%016d", a.index*10+k),
			"Arn": a.arn("group", name), "CreateDate": created, "GroupPolicyList": []any{}, "AttachedManagedPolicies": att})
	}
	return out
}

func (a *account) userDetails(policies int) []any {
	out := make([]any, 0, a.users())
	for k := 0; k < a.users(); k++ {
		u := obj{"Path": "/", "UserName": fmt.Sprintf("user-%d", k), "UserId": fmt.Sprintf("AIDA%016d", a.index*1000000+k),
			"Arn": a.arn("user", fmt.Sprintf("user-%d", k)), "CreateDate": created,
			"GroupList":               []string{groupNames[1+k%(len(groupNames)-1)]},
			"AttachedManagedPolicies": []any{attached(a.arn("policy", policyName(a.rng.IntN(policies))))},
			"Tags":                    []any{obj{"Key": "team", "Value": groupNames[k%len(groupNames)]}}}
		if k%7 == 0 {
			u["UserPolicyList"] = []any{obj{"PolicyName": "self-service",
				"PolicyDocument": doc(allow([]string{"iam:CreateAccessKey", "iam:UpdateLoginProfile"}, a.arn("user", "${aws:username}")))}}
		}
		if k%11 == 0 {
			u["PermissionsBoundary"] = obj{"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": a.arn("policy", policyName(0))}
		}
		out = append(out, u)
	}
	return out
}

func sortedNames(m map[string]any) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
