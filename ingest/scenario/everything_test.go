package scenario

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

func loadEverything(t *testing.T) *ingest.Estate {
	t.Helper()
	e, err := Load(filepath.Join("testdata", "everything.yaml"))
	require.NoError(t, err)
	return e
}

func TestAccounts(t *testing.T) {
	e := loadEverything(t)
	require.Len(t, e.Accounts, 2)
	assert.Equal(t, ingest.Account{ID: "012345678901", Name: "shared", BlockPublicAccess: &ingest.PublicAccessBlock{
		BlockPublicAcls: true, BlockPublicPolicy: true,
	}}, e.Accounts[0])
	assert.Equal(t, "111122223333", e.Accounts[1].ID)
}

func TestUnquotedAccountIDKeepsLeadingZero(t *testing.T) {
	e, err := Parse("t.yaml", []byte("name: t\naccounts:\n  - id: 012345678901\n    roles:\n      - {name: r, trusted_by: 000011112222}\n"))
	require.NoError(t, err)
	assert.Equal(t, "012345678901", e.Accounts[0].ID)
	assert.Equal(t, "arn:aws:iam::012345678901:role/r", e.Roles[0].ARN)
	assert.Equal(t, []string{"arn:aws:iam::000011112222:root"}, e.Roles[0].TrustPolicy.Statements[0].Principal.ByType["AWS"])
}

func TestRoutes(t *testing.T) {
	e := loadEverything(t)
	inline := routeTable(t, e, "rtb-0inline")
	assert.Equal(t, []string{"subnet-0inline"}, inline.Subnets)
	assert.Equal(t, []ingest.Route{
		{Destination: "10.1.0.0/16", Target: "local"},
		{Destination: "2001:db8:1::/56", Target: "local"},
		{Destination: "0.0.0.0/0", Target: "pcx-0peer"},
		{Destination: "192.168.0.0/16", Target: "nat-0gone", Blackhole: true},
	}, inline.Routes)

	public := routeTable(t, e, "rtb-0public")
	assert.Equal(t, []string{"subnet-0a", "subnet-0b"}, public.Subnets, "from the subnet and from the table")
	private := routeTable(t, e, "rtb-0private")
	assert.Equal(t, []ingest.Route{
		{Destination: "10.0.0.0/16", Target: "local"},
		{Destination: "0.0.0.0/0", Target: "nat-0a"},
		{Destination: "pl-0s3", Target: "vpce-0s3"},
	}, private.Routes)

	main := routeTable(t, e, "rtb-0prod-main")
	assert.Equal(t, ingest.RouteTable{ID: "rtb-0prod-main", VPC: "vpc-0prod", Account: "111122223333", Region: "us-east-1",
		Main: true, Routes: []ingest.Route{{Destination: "10.0.0.0/16", Target: "local"}}}, main, "a VPC without a main table gets one")
	assert.Equal(t, []ingest.NATGateway{{ID: "nat-0a", VPC: "vpc-0prod", Subnet: "subnet-0a", Account: "111122223333", Region: "us-east-1"}}, e.NATGateways)
}

func TestNetworkACLs(t *testing.T) {
	e := loadEverything(t)
	acl := func(id string) ingest.NetworkACL {
		return find(t, e.NetworkACLs, func(a ingest.NetworkACL) string { return a.ID }, id)
	}
	def := acl("acl-0prod-default")
	assert.True(t, def.Default)
	assert.Equal(t, []string{"subnet-0a", "subnet-0b"}, def.Subnets, "subnets without an ACL use the default one")
	strict := acl("acl-0strict")
	assert.Equal(t, []ingest.ACLEntry{
		{RuleNumber: 10, Protocol: "6", Allow: false, CIDR: "0.0.0.0/0", FromPort: 22, ToPort: 22},
		{RuleNumber: 20, Protocol: "6", Allow: true, CIDR: "10.0.0.0/16", FromPort: 1024, ToPort: 65535},
		{RuleNumber: 32767, Protocol: "-1", CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
		{RuleNumber: 10, Egress: true, Protocol: "-1", Allow: true, CIDR: "10.0.0.0/16", FromPort: -1, ToPort: -1},
		{RuleNumber: 32767, Egress: true, Protocol: "-1", CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
	}, strict.Entries)
	v6 := acl("acl-0shared-default")
	assert.Contains(t, v6.Entries, ingest.ACLEntry{RuleNumber: 101, Protocol: "-1", Allow: true, CIDR: "::/0", FromPort: -1, ToPort: -1})
	assert.Contains(t, v6.Entries, ingest.ACLEntry{RuleNumber: 32767, Egress: true, Protocol: "-1", CIDR: "::/0", FromPort: -1, ToPort: -1})
}

func TestSecurityGroups(t *testing.T) {
	e := loadEverything(t)
	shared := securityGroup(t, e, "sg-0shared")
	assert.Equal(t, "sg-0shared", shared.Name, "the name defaults to the id")
	assert.Equal(t, []ingest.SGRule{{Protocol: "icmp", FromPort: 8, ToPort: -1, CIDRs: []string{"10.0.0.0/8"}}}, shared.Ingress)
	assert.Equal(t, []ingest.SGRule{{Protocol: "-1", FromPort: -1, ToPort: -1, CIDRs: []string{"0.0.0.0/0"}}}, shared.Egress, "AWS's default egress rule")

	alb := securityGroup(t, e, "sg-0alb")
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 443, ToPort: 443, CIDRs: []string{"0.0.0.0/0", "::/0"}, Description: "public HTTPS"}}, alb.Ingress)
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 8000, ToPort: 8080, Groups: []string{"sg-0web"}}}, alb.Egress)

	web := securityGroup(t, e, "sg-0web")
	assert.Equal(t, ingest.SGRule{Protocol: "udp", FromPort: 0, ToPort: 65535, PrefixLists: []string{"pl-0corp"}}, web.Ingress[1])
	assert.Empty(t, web.Egress, "egress: [] means no egress rule")
	assert.Equal(t, "tcp", securityGroup(t, e, "sg-0db").Ingress[0].Protocol, "protocol 6 is reported as tcp")
}

func TestInstances(t *testing.T) {
	e := loadEverything(t)
	web1 := instance(t, e, "i-0web1")
	assert.Equal(t, ingest.IMDS{Endpoint: "enabled", Tokens: "optional", HopLimit: 1}, web1.Metadata, "AWS's defaults")
	assert.Equal(t, "running", web1.State)
	assert.Equal(t, ingest.Tags{"Name": "web-1", "team": "data"}, web1.Tags, "merge key applied")
	assert.Equal(t, "#!/bin/bash\necho hello\n", web1.UserData)
	assert.Equal(t, "arn:aws:iam::111122223333:instance-profile/web-profile", web1.InstanceProfile)
	web2 := instance(t, e, "i-0web2")
	assert.Equal(t, ingest.IMDS{Endpoint: "disabled", Tokens: "required", HopLimit: 2}, web2.Metadata)
	assert.Equal(t, "stopped", web2.State)
}

func TestLoadBalancers(t *testing.T) {
	e := loadEverything(t)
	require.Len(t, e.LoadBalancers, 2)
	web := find(t, e.LoadBalancers, func(l ingest.LoadBalancer) string { return l.Name }, "web")
	assert.Regexp(t, `^arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/[0-9a-f]{16}$`, web.ARN)
	assert.Regexp(t, `^web-[0-9]{10}\.us-east-1\.elb\.amazonaws\.com$`, web.DNSName)
	assert.Equal(t, "internet-facing", web.Scheme)
	assert.Equal(t, "vpc-0prod", web.VPC)
	require.Len(t, web.Listeners, 1)
	assert.Equal(t, "HTTPS", web.Listeners[0].Protocol)
	require.Len(t, web.Listeners[0].TargetGroups, 1)
	tg := find(t, e.TargetGroups, func(g ingest.TargetGroup) string { return g.ARN }, web.Listeners[0].TargetGroups[0])
	assert.Regexp(t, `^arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-443/[0-9a-f]{16}$`, tg.ARN)
	assert.Equal(t, "HTTP", tg.Protocol)
	assert.Equal(t, 8080, tg.Port)
	assert.Equal(t, []ingest.Target{{ID: "i-0web1", Port: 8000, Health: "healthy"}, {ID: "i-0web2", Port: 8080}}, tg.Targets)

	api := find(t, e.LoadBalancers, func(l ingest.LoadBalancer) string { return l.Name }, "api")
	assert.Regexp(t, `:loadbalancer/net/api/[0-9a-f]{16}$`, api.ARN)
	assert.Regexp(t, `^internal-api-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$`, api.DNSName)
	assert.Equal(t, "TCP", api.Listeners[0].Protocol)
	assert.Contains(t, api.Listeners[0].TargetGroups[0], ":targetgroup/api-db/")
}

func TestFunctions(t *testing.T) {
	e := loadEverything(t)
	require.Len(t, e.Functions, 1)
	f := e.Functions[0]
	assert.Equal(t, "arn:aws:lambda:us-east-1:111122223333:function:billing", f.ARN)
	assert.Equal(t, "arn:aws:iam::111122223333:role/billing-role", f.Role)
	assert.Equal(t, map[string]string{"AWS_ACCESS_KEY_ID": "AKIAEXAMPLEBOB000001", "LEADING_ZERO": "0123"}, f.Environment)
	assert.Equal(t, []string{"true"}, f.ResourcePolicy.Statements[0].Conditions[1].Values, "YAML booleans are policy strings")
	assert.Equal(t, ingest.Tags{"team": "data"}, f.Tags)
}

func TestIdentities(t *testing.T) {
	e := loadEverything(t)
	require.Len(t, e.Users, 1)
	bob := e.Users[0]
	assert.Equal(t, "arn:aws:iam::111122223333:user/staff/bob", bob.ARN)
	assert.Equal(t, "AIDAEXAMPLEBOB000001", bob.ID)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:group/developers"}, bob.Groups)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:policy/boundaries/dev-boundary", "arn:aws:iam::aws:policy/AdministratorAccess"}, bob.AttachedPolicies)
	assert.Equal(t, "arn:aws:iam::111122223333:policy/boundaries/dev-boundary", bob.PermissionsBoundary)
	assert.Equal(t, []ingest.AccessKey{
		{User: bob.ARN, ID: "AKIAEXAMPLEBOB000001", Status: "Active"},
		{User: bob.ARN, ID: "AKIAEXAMPLEBOB000002", Status: "Inactive"},
	}, e.AccessKeys)

	require.Len(t, e.Groups, 1)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:policy/deploy"}, e.Groups[0].AttachedPolicies)
	assert.Equal(t, "read-logs", e.Groups[0].InlinePolicies[0].Name)

	auditor := role(t, e, "arn:aws:iam::012345678901:role/audit/auditor")
	assert.Equal(t, []string{"arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"}, auditor.AttachedPolicies)
	assert.Equal(t, []string{"arn:aws:iam::999988887777:root"}, auditor.TrustPolicy.Statements[0].Principal.ByType["AWS"], "trust policy given as a JSON string")

	billing := role(t, e, "arn:aws:iam::111122223333:role/billing-role")
	assert.Equal(t, map[string][]string{
		"AWS":     {"arn:aws:iam::012345678901:role/audit/auditor", "arn:aws:iam::012345678901:root", "arn:aws:iam::111122223333:role/web"},
		"Service": {"lambda.amazonaws.com"},
	}, billing.TrustPolicy.Statements[0].Principal.ByType)
	web := role(t, e, "arn:aws:iam::111122223333:role/web")
	assert.Len(t, web.InstanceProfiles, 2)

	require.Len(t, e.ManagedPolicies, 2)
	deploy := find(t, e.ManagedPolicies, func(p ingest.ManagedPolicy) string { return p.Name }, "deploy")
	assert.Equal(t, "v2", deploy.DefaultVersion)
	assert.False(t, deploy.Versions[0].Default)
	assert.True(t, deploy.Versions[1].Default)
	assert.Equal(t, []string{"lambda:UpdateFunctionCode"}, deploy.Document().Statements[0].Action)
}

func TestDataStores(t *testing.T) {
	e := loadEverything(t)
	dataKey := "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321"
	assert.Equal(t, &ingest.BucketEncryption{Algorithm: "aws:kms", KMSKey: dataKey}, bucket(t, e, "uploads").Encryption)
	assert.Nil(t, bucket(t, e, "legacy").Encryption, "encryption: none")
	assert.Equal(t, &ingest.BucketEncryption{Algorithm: "aws:kms", KMSKey: "alias/aws/s3"}, bucket(t, e, "managed-key").Encryption)
	archive := bucket(t, e, "archive")
	assert.Equal(t, "eu-west-1", archive.Region)
	assert.Equal(t, "aws:kms:dsse", archive.Encryption.Algorithm)
	assert.True(t, bucket(t, e, "uploads").Policy.Statements[0].Principal.Wildcard)

	key := find(t, e.KMSKeys, func(k ingest.KMSKey) string { return k.ARN }, dataKey)
	assert.Equal(t, []string{"alias/data", "alias/data-2"}, key.Aliases)
	assert.JSONEq(t, `{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",
		"Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}`, string(key.Policy.Raw()), "AWS's default key policy")

	require.Len(t, e.Secrets, 1)
	assert.Regexp(t, `^arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-password-[A-Za-z0-9]{6}$`, e.Secrets[0].ARN)
	assert.Equal(t, dataKey, e.Secrets[0].KMSKey)

	require.Len(t, e.Databases, 1)
	db := e.Databases[0]
	assert.Equal(t, "arn:aws:rds:us-east-1:111122223333:db:orders-db", db.ARN)
	assert.Equal(t, 5432, db.Port)
	assert.True(t, db.IAMAuth)
	assert.Regexp(t, `^db-[A-Z0-9]{26}$`, db.ResourceID)
	assert.Equal(t, "vpc-0prod", db.VPC)
	assert.Equal(t, dataKey, db.KMSKey, "key given by alias ARN")

	require.Len(t, e.Tables, 1)
	assert.Equal(t, "arn:aws:dynamodb:us-east-1:111122223333:table/sessions", e.Tables[0].ARN)
	assert.Equal(t, dataKey, e.Tables[0].KMSKey)
}

func TestOrganization(t *testing.T) {
	org := loadEverything(t).Organization
	require.NotNil(t, org)
	assert.Equal(t, "o-a1b2c3d4e5", org.ID)
	assert.Equal(t, []ingest.OrgMember{{Account: "012345678901", Parent: "ou-a1b2-22222222"}, {Account: "111122223333", Parent: "r-a1b2"}}, org.Accounts)

	scps := org.Levels("012345678901", ingest.SCP)
	require.Len(t, scps, 4, "root, two OUs, the account")
	assert.Equal(t, []string{"p-FullAWSAccess", "p-ec7c2040"}, policyIDs(scps[0]))
	assert.Equal(t, []string{"p-FullAWSAccess"}, policyIDs(scps[3]))
	rcps := org.Levels("012345678901", ingest.RCP)
	assert.Equal(t, []string{"p-RCPFullAWSAccess", "p-rcp00000001"}, policyIDs(rcps[2]))
	deny := find(t, org.Policies, func(p ingest.OrgPolicy) string { return p.Name }, "deny-leave")
	assert.Equal(t, "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-ec7c2040", deny.ARN)
}

func policyIDs(ps []ingest.OrgPolicy) []string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return ids
}

func TestDeterministic(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "everything.yaml"))
	require.NoError(t, err)
	first, err := Parse("everything.yaml", data)
	require.NoError(t, err)
	want := estateJSON(t, first)
	for range 5 {
		again, err := Parse("everything.yaml", data)
		require.NoError(t, err)
		require.Equal(t, want, estateJSON(t, again))
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "nope.yaml"))
	assert.ErrorContains(t, err, "load scenario: open testdata/nope.yaml")
}

func TestDecodeKeepsNameAndDescription(t *testing.T) {
	s, err := Read(filepath.Join("..", "..", "testdata", "scenarios", "capital-one.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "capital-one", s.Name)
	assert.Contains(t, s.Description, "WAF proxy with IMDSv1")
	assert.Len(t, s.Estate.Instances, 1)
}

// TestDocumentedExamples loads every complete example (a yaml block that
// starts with "name:") of docs/scenarios.md, so the reference stays true.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "scenarios.md"))
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```yaml\n(name:.*?)```").FindAllSubmatch(doc, -1)
	require.NotEmpty(t, blocks)
	for i, b := range blocks {
		_, err := Parse("docs/scenarios.md example "+itoa(i+1), b[1])
		assert.NoError(t, err)
	}
}
