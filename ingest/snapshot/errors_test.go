package snapshot

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// instances builds an ec2-describe-instances.json whose third instance has
// the given MetadataOptions.
func instances(metadata string) string {
	ok := `{"InstanceId": "i-%d", "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"}}`
	return fmt.Sprintf(`{"Reservations": [{"OwnerId": "111122223333", "Instances": [%s, %s, {"InstanceId": "i-3", "MetadataOptions": %s}]}]}`,
		fmt.Sprintf(ok, 1), fmt.Sprintf(ok, 2), metadata)
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string // the file the error names
		path  string // the JSONPath it names
		msg   string
	}{
		{"malformed JSON", map[string]string{"ec2-describe-vpcs.json": `{"Vpcs": [{"VpcId": "vpc-1",]}`},
			"ec2-describe-vpcs.json", "$.Vpcs[0]", "malformed JSON at byte 29: invalid character ']'"},
		{"truncated file", map[string]string{"ec2-describe-vpcs.json": `{"Vpcs": [{"VpcId": "vpc-1"}, `},
			"ec2-describe-vpcs.json", "$.Vpcs[1]", "malformed JSON"},
		{"empty file", map[string]string{"ec2-describe-subnets.json": ``},
			"ec2-describe-subnets.json", "$", "empty file"},
		{"array at the top", map[string]string{"ec2-describe-subnets.json": `[]`},
			"ec2-describe-subnets.json", "$", "expected a JSON object, got an array"},
		{"data after the object", map[string]string{"ec2-describe-subnets.json": `{"Subnets": []} {}`},
			"ec2-describe-subnets.json", "$", "invalid character '{' after top-level value"},
		{"Reservations is a string", map[string]string{"ec2-describe-instances.json": `{"Reservations": "none"}`},
			"ec2-describe-instances.json", "$.Reservations", "expected an array, got string"},
		{"HttpTokens of the wrong type", map[string]string{"ec2-describe-instances.json": instances(`{"HttpTokens": 2}`)},
			"ec2-describe-instances.json", "$.Reservations[0].Instances[2].MetadataOptions.HttpTokens", "expected a string, got number"},
		{"HttpTokens not optional or required", map[string]string{"ec2-describe-instances.json": instances(`{"HttpTokens": "sometimes"}`)},
			"ec2-describe-instances.json", "$.Reservations[0].Instances[2].MetadataOptions.HttpTokens", `"sometimes" is not one of optional, required`},
		{"hop limit not a number", map[string]string{"ec2-describe-instances.json": instances(`{"HttpPutResponseHopLimit": "1"}`)},
			"ec2-describe-instances.json", "$.Reservations[0].Instances[2].MetadataOptions.HttpPutResponseHopLimit", "expected an integer, got string"},
		{"instance without an id", map[string]string{"ec2-describe-instances.json": `{"Reservations": [{"Instances": [{"State": {"Name": "running"}}]}]}`},
			"ec2-describe-instances.json", "$.Reservations[0].Instances[0]", "InstanceId is missing"},
		{"unknown top-level key", map[string]string{"ec2-describe-instances.json": `{"Reservations": [], "Reservationz": []}`},
			"ec2-describe-instances.json", "$.Reservationz", `unknown key "Reservationz" (expected Reservations)`},
		{"one page only", map[string]string{"iam-authorization-details.json": `{"UserDetailList": [], "IsTruncated": true}`},
			"iam-authorization-details.json", "$.IsTruncated", "the output holds one page only"},
		{"owner id not an account", map[string]string{"ec2-describe-instances.json": `{"Reservations": [{"OwnerId": "12345", "Instances": []}]}`},
			"ec2-describe-instances.json", "$.Reservations[0].OwnerId", `account id "12345" is not 12 digits`},
		{"port as a string", map[string]string{"ec2-describe-security-groups.json": `{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": "443"}]}]}`},
			"ec2-describe-security-groups.json", "$.SecurityGroups[0].IpPermissions[0].FromPort", "expected an integer, got string"},
		{"NACL action", map[string]string{"ec2-describe-network-acls.json": `{"NetworkAcls": [{"NetworkAclId": "acl-1", "Entries": [{"RuleNumber": 100, "CidrBlock": "0.0.0.0/0", "RuleAction": "permit"}]}]}`},
			"ec2-describe-network-acls.json", "$.NetworkAcls[0].Entries[0]", `"permit" is not one of allow, deny`},
		{"route without destination", map[string]string{"ec2-describe-route-tables.json": `{"RouteTables": [{"RouteTableId": "rtb-1", "Routes": [{"GatewayId": "local"}]}]}`},
			"ec2-describe-route-tables.json", "$.RouteTables[0].Routes[0]", "route has no destination"},
		{"boto3 timestamp with a bad date", map[string]string{"iam-authorization-details.json": `{"UserDetailList": [{"Arn": "arn:aws:iam::111122223333:user/a", "CreateDate": "2023-13-09 10:41:45+00:00"}]}`},
			"iam-authorization-details.json", "$.UserDetailList[0].CreateDate", "is neither 2024-05-14T16:02:11+00:00 nor"},
		{"bad trust policy", map[string]string{"iam-authorization-details.json": `{"RoleDetailList": [{"Arn": "arn:aws:iam::111122223333:role/r", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Maybe", "Action": "*"}]}}]}`},
			"iam-authorization-details.json", "$.RoleDetailList[0].AssumeRolePolicyDocument", `Effect "Maybe" is not Allow or Deny`},
		{"role without trust policy", map[string]string{"iam-authorization-details.json": `{"RoleDetailList": [{"Arn": "arn:aws:iam::111122223333:role/r"}]}`},
			"iam-authorization-details.json", "$.RoleDetailList[0]", "AssumeRolePolicyDocument is missing"},
		{"user ARN of another service", map[string]string{"iam-authorization-details.json": `{"UserDetailList": [{"Arn": "arn:aws:s3:::bucket"}]}`},
			"iam-authorization-details.json", "$.UserDetailList[0]", `Arn "arn:aws:s3:::bucket" is not an iam ARN`},
		{"managed policy version without document", map[string]string{"iam-authorization-details.json": `{"Policies": [{"Arn": "arn:aws:iam::111122223333:policy/p", "PolicyVersionList": [{"VersionId": "v1"}]}]}`},
			"iam-authorization-details.json", "$.Policies[0].PolicyVersionList[0]", "Document is missing"},
		{"bucket policy string is not JSON", map[string]string{"s3-buckets.json": `{"Buckets": [{"Name": "b", "Policy": "{not json"}]}`},
			"s3-buckets.json", "$.Buckets[0].Policy", "policy document"},
		{"access key status", map[string]string{"iam-list-access-keys.json": `{"AccessKeyMetadata": [{"UserName": "a", "AccessKeyId": "AKIA1", "Status": "Enabled"}]}`},
			"iam-list-access-keys.json", "$.AccessKeyMetadata[0]", `"Enabled" is not one of Active, Inactive, Expired`},
		{"target health keyed by a name", map[string]string{"elbv2-describe-target-health.json": `{"web": {"TargetHealthDescriptions": []}}`},
			"elbv2-describe-target-health.json", "$.web", `key "web" is not a target group ARN`},
		{"unknown key in a per-item entry", map[string]string{"elbv2-describe-target-health.json": `{"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1": {"TargetHealth": []}}`},
			"elbv2-describe-target-health.json", `$["arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1"].TargetHealth`, `unknown key "TargetHealth"`},
		{"user data not base64", map[string]string{"ec2-describe-instance-attribute-userdata.json": `{"i-1": {"InstanceId": "i-1", "UserData": {"Value": "%%%"}}}`},
			"ec2-describe-instance-attribute-userdata.json", `$["i-1"].UserData.Value`, "not base64"},
		{"user data under another instance", map[string]string{"ec2-describe-instance-attribute-userdata.json": `{"i-1": {"InstanceId": "i-2", "UserData": {}}}`},
			"ec2-describe-instance-attribute-userdata.json", `$["i-1"].InstanceId`, "instance i-2 is filed under key i-1"},
		{"Lambda policy not a policy", map[string]string{"lambda-get-policy.json": `{"arn:aws:lambda:us-east-1:111122223333:function:f": {"Policy": "[]"}}`},
			"lambda-get-policy.json", `$["arn:aws:lambda:us-east-1:111122223333:function:f"].Policy`, "must be a JSON object"},
		{"listener actions not a list", map[string]string{"elbv2-describe-listeners.json": `{"Listeners": [{"LoadBalancerArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/a/1", "DefaultActions": {"Type": "forward"}}]}`},
			"elbv2-describe-listeners.json", "$.Listeners[0].DefaultActions", "expected an array, got object"},
		{"load balancer scheme", map[string]string{"elbv2-describe-load-balancers.json": `{"LoadBalancers": [{"LoadBalancerArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/a/1", "Scheme": "public"}]}`},
			"elbv2-describe-load-balancers.json", "$.LoadBalancers[0]", `"public" is not one of internet-facing, internal`},
		{"KMS key without metadata", map[string]string{"kms-keys.json": `{"Keys": [{"Policy": null}]}`},
			"kms-keys.json", "$.Keys[0]", "KeyMetadata is missing"},
		{"SCP content not a policy", map[string]string{"organizations-list-policies.json": `{"Policies": [{"Id": "p-1", "Type": "SERVICE_CONTROL_POLICY", "Content": "{\"Statement\": 5}"}]}`},
			"organizations-list-policies.json", "$.Policies[0].Content", "Statement"},
		{"OU file keyed by a name", map[string]string{"organizations-list-organizational-units.json": `{"Root": {"OrganizationalUnits": []}}`},
			"organizations-list-organizational-units.json", "$.Root", "is not a root (r-...) or OU (ou-...) id"},
		{"manifest region", map[string]string{"manifest.json": `{"account_id": "111122223333", "regions": ["us-east-1", "mars-1"]}`},
			"manifest.json", "$.regions[1]", `"mars-1" is not an AWS region name`},
		{"manifest gap without service", map[string]string{"manifest.json": `{"not_collected": [{"region": "us-east-1", "reason": "denied"}]}`},
			"manifest.json", "$.not_collected[0]", "service is missing"},
		{"unknown file", map[string]string{"ec2-describe-instances.json": `{"Reservations": []}`, "ec2-describe-volumes.json": `{}`},
			"ec2-describe-volumes.json", "", `unknown file "ec2-describe-volumes.json"`},
		{"unknown directory", map[string]string{"ec2-describe-instances.json": `{"Reservations": []}`, "backup/ec2-describe-instances.json": `{}`},
			"backup", "", "unknown directory"},
		{"account file in a region folder", map[string]string{"us-east-1/iam-authorization-details.json": `{}`},
			"us-east-1/iam-authorization-details.json", "", "describes the whole account"},
		{"error in a region folder", map[string]string{"eu-west-1/ec2-describe-subnets.json": `{"Subnets": [{"SubnetId": 7}]}`},
			"eu-west-1/ec2-describe-subnets.json", "$.Subnets[0].SubnetId", "expected a string, got number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeSnapshot(t, tt.files))
			require.Error(t, err)
			var snapErr *Error
			require.True(t, errors.As(err, &snapErr), "want a *snapshot.Error, got %v", err)
			assert.Equal(t, tt.file, snapErr.File)
			assert.Equal(t, tt.path, snapErr.Path)
			assert.Contains(t, err.Error(), tt.msg)
			want := tt.file + ": " + tt.path
			if tt.path == "" {
				want = tt.file + ": "
			}
			assert.True(t, strings.Contains(err.Error(), want), "%q names %q", err.Error(), want)
		})
	}
}

func TestUnknownNestedFieldsAreAccepted(t *testing.T) {
	dir := writeSnapshot(t, map[string]string{
		"ec2-describe-vpcs.json": `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333", "FieldAWSAddsIn2030": {"x": [1, 2]}}]}`,
		".DS_Store":              "not json at all",
		".collector/state":       "ignored too",
	})
	est, err := Load(dir)
	require.NoError(t, err)
	require.Len(t, est.VPCs, 1)
	assert.Equal(t, "vpc-1", est.VPCs[0].ID)
}

func TestMissingDirectory(t *testing.T) {
	_, err := Load("testdata/does-not-exist")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "load snapshot testdata/does-not-exist")
}
