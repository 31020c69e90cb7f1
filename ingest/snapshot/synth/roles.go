package synth

import "fmt"

// Role kinds rotate: EC2 service roles carry instance profiles, others are
// assumed by Lambda, by users of the account, or by a role in the next
// account (the cross-account trust that joins accounts in the graph).
const (
	ec2Role = iota
	lambdaRole
	userRole
	crossAccountRole
	roleKinds
)

func roleName(k int) string { return fmt.Sprintf("role-%d", k) }

func profileName(k int) string { return fmt.Sprintf("profile-%d", k) }

// profiles lists the instance profiles of the account's EC2 roles.
func (a *account) profiles() []string {
	var out []string
	for k := 0; k < a.roles; k += roleKinds {
		out = append(out, a.arn("instance-profile", profileName(k)))
	}
	return out
}

func (a *account) trust(k int) obj {
	var principal obj
	switch k % roleKinds {
	case ec2Role:
		principal = obj{"Service": "ec2.amazonaws.com"}
	case lambdaRole:
		principal = obj{"Service": "lambda.amazonaws.com"}
	case userRole:
		principal = obj{"AWS": a.arn("user", fmt.Sprintf("user-%d", a.rng.IntN(a.users())))}
	default:
		next := accountID((a.index + 1) % a.opt.Accounts)
		principal = obj{"AWS": fmt.Sprintf("arn:aws:iam::%s:role/%s", next, roleName(userRole))}
	}
	return doc(obj{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})
}

func (a *account) roleDetails(policies int) []any {
	out := make([]any, 0, a.roles)
	for k := 0; k < a.roles; k++ {
		name := roleName(k)
		trust := a.trust(k)
		att := []any{attached(a.arn("policy", policyName(a.rng.IntN(policies))))}
		switch {
		case k%97 == 0:
			att = append(att, obj{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})
		case k%5 == 0:
			att = append(att, obj{"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
		}
		profiles := []any{}
		if k%roleKinds == ec2Role {
			profiles = append(profiles, obj{"Path": "/", "InstanceProfileName": profileName(k),
				"InstanceProfileId": fmt.Sprintf("AIPA%016d", a.index*1000000+k), "Arn": a.arn("instance-profile", profileName(k)),
				"CreateDate": created, "Roles": []any{obj{"Path": "/", "RoleName": name, "Arn": a.arn("role", name),
					"CreateDate": created, "AssumeRolePolicyDocument": trust}}})
		}
		out = append(out, obj{
			"Path": "/", "RoleName": name, "RoleId": fmt.Sprintf("AROA%016d", a.index*1000000+k), "Arn": a.arn("role", name),
			"CreateDate": created, "AssumeRolePolicyDocument": trust, "InstanceProfileList": profiles,
			"RolePolicyList": []any{obj{"PolicyName": "inline", "PolicyDocument": doc(
				allow("sqs:SendMessage", fmt.Sprintf("arn:aws:sqs:us-east-1:%s:queue-%d", a.id, k%10)),
				obj{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"})}},
			"AttachedManagedPolicies": att, "Tags": []any{obj{"Key": "owner", "Value": groupNames[k%len(groupNames)]}},
			"RoleLastUsed": obj{},
		})
	}
	return out
}

func (a *account) accessKeys() obj {
	keys := make([]any, 0, a.users())
	for k := 0; k < a.users(); k++ {
		status := "Active"
		if k%4 == 3 {
			status = "Inactive"
		}
		keys = append(keys, obj{"UserName": fmt.Sprintf("user-%d", k), "AccessKeyId": fmt.Sprintf("AKIA%016d", a.index*1000000+k),
			"Status": status, "CreateDate": created})
	}
	return obj{"AccessKeyMetadata": keys}
}
