package scenario

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

const (
	prodAccount = "111122223333"
	wafARN      = "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf"
	wafRoleARN  = "arn:aws:iam::111122223333:role/waf-role"
	opsAdminARN = "arn:aws:iam::111122223333:role/ops-admin"
	aliceARN    = "arn:aws:iam::111122223333:user/alice"
	keyARN      = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
)

func loadReplica(t *testing.T, name string) *ingest.Estate {
	t.Helper()
	e, err := Load(filepath.Join("..", "..", "testdata", "scenarios", name))
	require.NoError(t, err)
	return e
}

// find returns the element of list whose key is id.
func find[T any](t *testing.T, list []T, key func(T) string, id string) T {
	t.Helper()
	for _, v := range list {
		if key(v) == id {
			return v
		}
	}
	require.Failf(t, "not found", "%q", id)
	var zero T
	return zero
}

func instance(t *testing.T, e *ingest.Estate, id string) ingest.Instance {
	return find(t, e.Instances, func(i ingest.Instance) string { return i.ID }, id)
}

func role(t *testing.T, e *ingest.Estate, arn string) ingest.Role {
	return find(t, e.Roles, func(r ingest.Role) string { return r.ARN }, arn)
}

func bucket(t *testing.T, e *ingest.Estate, name string) ingest.Bucket {
	return find(t, e.Buckets, func(b ingest.Bucket) string { return b.Name }, name)
}

func routeTable(t *testing.T, e *ingest.Estate, id string) ingest.RouteTable {
	return find(t, e.RouteTables, func(r ingest.RouteTable) string { return r.ID }, id)
}

func securityGroup(t *testing.T, e *ingest.Estate, id string) ingest.SecurityGroup {
	return find(t, e.SecurityGroups, func(g ingest.SecurityGroup) string { return g.ID }, id)
}

func TestCapitalOneReplica(t *testing.T) {
	e := loadReplica(t, "capital-one.yaml")

	assert.Equal(t, []ingest.Account{{ID: prodAccount, Name: "production"}}, e.Accounts)
	assert.Equal(t, []ingest.VPC{{ID: "vpc-0prod", Account: prodAccount, Region: "us-east-1", CIDRs: []string{"10.0.0.0/16"}}}, e.VPCs)
	assert.Equal(t, []ingest.InternetGateway{{ID: "igw-0prod", Account: prodAccount, Region: "us-east-1", VPCs: []string{"vpc-0prod"}}}, e.InternetGateways)

	public := routeTable(t, e, "rtb-0public")
	assert.Equal(t, []string{"subnet-0public"}, public.Subnets)
	assert.False(t, public.Main)
	assert.Equal(t, []ingest.Route{{Destination: "10.0.0.0/16", Target: "local"}, {Destination: "0.0.0.0/0", Target: "igw-0prod"}}, public.Routes)
	main := routeTable(t, e, "rtb-0main")
	assert.True(t, main.Main)
	assert.Empty(t, main.Subnets, "subnet-0private uses the main table implicitly")
	assert.Equal(t, []ingest.Route{{Destination: "10.0.0.0/16", Target: "local"}}, main.Routes)
	assert.Len(t, e.RouteTables, 2)

	subnet := find(t, e.Subnets, func(s ingest.Subnet) string { return s.ID }, "subnet-0public")
	assert.Equal(t, ingest.Subnet{ID: "subnet-0public", VPC: "vpc-0prod", Account: prodAccount, Region: "us-east-1", AvailabilityZone: "us-east-1a", CIDR: "10.0.1.0/24"}, subnet)

	require.Len(t, e.NetworkACLs, 1)
	acl := e.NetworkACLs[0]
	assert.Equal(t, "acl-0default", acl.ID)
	assert.True(t, acl.Default)
	assert.Equal(t, []string{"subnet-0private", "subnet-0public"}, acl.Subnets)
	assert.Equal(t, []ingest.ACLEntry{
		{RuleNumber: 100, Protocol: "-1", Allow: true, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
		{RuleNumber: 32767, Protocol: "-1", Allow: false, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
		{RuleNumber: 100, Egress: true, Protocol: "-1", Allow: true, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
		{RuleNumber: 32767, Egress: true, Protocol: "-1", Allow: false, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1},
	}, acl.Entries)

	waf := securityGroup(t, e, "sg-0waf")
	assert.Equal(t, "waf-sg", waf.Name)
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 443, ToPort: 443, CIDRs: []string{"0.0.0.0/0"}, Description: "HTTPS from anywhere"}}, waf.Ingress)
	assert.Equal(t, []ingest.SGRule{{Protocol: "-1", FromPort: -1, ToPort: -1, CIDRs: []string{"0.0.0.0/0"}}}, waf.Egress)
	app := securityGroup(t, e, "sg-0app")
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 8080, ToPort: 8080, Groups: []string{"sg-0waf"}}}, app.Ingress)

	assert.Equal(t, ingest.Instance{
		ARN: wafARN, ID: "i-0waf", Account: prodAccount, Region: "us-east-1", VPC: "vpc-0prod",
		Subnet: "subnet-0public", State: "running", PublicIP: "203.0.113.10", PrivateIP: "10.0.1.10",
		SecurityGroups:  []string{"sg-0waf"},
		InstanceProfile: "arn:aws:iam::111122223333:instance-profile/waf-profile",
		Metadata:        ingest.IMDS{Endpoint: "enabled", Tokens: "optional", HopLimit: 1},
		Tags:            ingest.Tags{"Name": "waf-proxy"},
	}, instance(t, e, "i-0waf"))

	wafRole := role(t, e, wafRoleARN)
	assert.Equal(t, []ingest.InstanceProfile{{ARN: "arn:aws:iam::111122223333:instance-profile/waf-profile", Name: "waf-profile"}}, wafRole.InstanceProfiles)
	assert.JSONEq(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, string(wafRole.TrustPolicy.Raw()))
	require.Len(t, wafRole.InlinePolicies, 1)
	assert.Equal(t, "waf-s3", wafRole.InlinePolicies[0].Name)
	assert.JSONEq(t, `{"Sid":"ReadBuckets","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","s3:ListAllMyBuckets"],"Resource":"*"}`,
		statementJSON(t, wafRole.InlinePolicies[0].Document, 0))

	ops := role(t, e, opsAdminARN)
	assert.Equal(t, []string{"arn:aws:iam::aws:policy/AdministratorAccess"}, ops.AttachedPolicies)
	assert.Equal(t, []string{aliceARN}, ops.TrustPolicy.Statements[0].Principal.ByType["AWS"])
	assert.Equal(t, []string{"sts:AssumeRole"}, ops.TrustPolicy.Statements[0].Action)

	alice := find(t, e.Users, func(u ingest.User) string { return u.ARN }, aliceARN)
	require.Len(t, alice.InlinePolicies, 1)
	assert.Equal(t, "assume-ops", alice.InlinePolicies[0].Name)
	assert.Equal(t, []string{opsAdminARN}, alice.InlinePolicies[0].Document.Statements[0].Resource)
	assert.Equal(t, []ingest.AccessKey{{User: aliceARN, ID: "AKIAEXAMPLEALICE0001", Status: "Active"}}, e.AccessKeys)

	allBlocked := &ingest.PublicAccessBlock{BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
	assert.Equal(t, ingest.Bucket{
		Name: "customer-data", ARN: "arn:aws:s3:::customer-data", Account: prodAccount, Region: "us-east-1",
		BlockPublicAccess: allBlocked, Encryption: &ingest.BucketEncryption{Algorithm: "AES256"},
		Tags: ingest.Tags{"data-classification": "pii"},
	}, bucket(t, e, "customer-data"))
	assert.Equal(t, ingest.Bucket{
		Name: "waf-logs", ARN: "arn:aws:s3:::waf-logs", Account: prodAccount, Region: "us-east-1",
		BlockPublicAccess: allBlocked, Encryption: &ingest.BucketEncryption{Algorithm: "AES256"},
	}, bucket(t, e, "waf-logs"))
	assert.Empty(t, e.KMSKeys)
	assert.Nil(t, e.Organization)
}

func TestCapitalOneIMDSv2(t *testing.T) {
	e := loadReplica(t, "capital-one-imdsv2.yaml")
	assert.Equal(t, ingest.IMDS{Endpoint: "enabled", Tokens: "required", HopLimit: 1}, instance(t, e, "i-0waf").Metadata)
	assert.Equal(t, "arn:aws:iam::111122223333:instance-profile/waf-profile", instance(t, e, "i-0waf").InstanceProfile)
	assertSameExcept(t, loadReplica(t, "capital-one.yaml"), e, func(e *ingest.Estate) { e.Instances = nil })
}

func TestKMSNoDecrypt(t *testing.T) {
	e := loadReplica(t, "kms-no-decrypt.yaml")
	b := bucket(t, e, "customer-data")
	assert.Equal(t, &ingest.BucketEncryption{Algorithm: "aws:kms", KMSKey: keyARN}, b.Encryption)
	assert.Equal(t, ingest.Tags{"data-classification": "pii"}, b.Tags)

	require.Len(t, e.KMSKeys, 1)
	key := e.KMSKeys[0]
	assert.Equal(t, keyARN, key.ARN)
	assert.Equal(t, "1234abcd-12ab-34cd-56ef-1234567890ab", key.ID)
	assert.Equal(t, []string{"alias/customer-data"}, key.Aliases)
	assert.Equal(t, "CUSTOMER", key.Manager)
	require.Len(t, key.Policy.Statements, 1, "the key policy has no statement for the account root")
	st := key.Policy.Statements[0]
	assert.Equal(t, map[string][]string{"AWS": {opsAdminARN}}, st.Principal.ByType)
	assert.Equal(t, []string{"kms:*"}, st.Action)

	wafPolicy := role(t, e, wafRoleARN).InlinePolicies[0].Document
	require.Len(t, wafPolicy.Statements, 2)
	assert.Equal(t, "ReadBuckets", wafPolicy.Statements[0].Sid)
	assert.Equal(t, []string{"kms:Decrypt"}, wafPolicy.Statements[1].Action)
	assert.Equal(t, []string{"*"}, wafPolicy.Statements[1].Resource)

	assertSameExcept(t, loadReplica(t, "capital-one.yaml"), e, func(e *ingest.Estate) {
		e.KMSKeys, e.Roles, e.Buckets = nil, nil, nil
	})
}

func TestPrivateSubnet(t *testing.T) {
	e := loadReplica(t, "private-subnet.yaml")
	waf := instance(t, e, "i-0waf")
	assert.Equal(t, "subnet-0private", waf.Subnet)
	assert.Equal(t, "203.0.113.10", waf.PublicIP, "the stale public IP is kept")
	assert.Equal(t, []string{"sg-0waf"}, waf.SecurityGroups)
	// subnet-0private has no explicit association: it uses the main table,
	// which has no route to the internet gateway.
	for _, rt := range e.RouteTables {
		if rt.Main {
			assert.NotContains(t, rt.Routes, ingest.Route{Destination: "0.0.0.0/0", Target: "igw-0prod"})
		} else {
			assert.NotContains(t, rt.Subnets, "subnet-0private")
		}
	}
	assertSameExcept(t, loadReplica(t, "capital-one.yaml"), e, func(e *ingest.Estate) { e.Instances = nil })
}

// assertSameExcept checks that two estates are equal once clear has removed
// what a variant changes.
func assertSameExcept(t *testing.T, want, got *ingest.Estate, clear func(*ingest.Estate)) {
	t.Helper()
	clear(want)
	clear(got)
	assert.Equal(t, estateJSON(t, want), estateJSON(t, got))
}

func statementJSON(t *testing.T, p *iam.Policy, i int) string {
	t.Helper()
	var doc struct{ Statement []any }
	require.NoError(t, jsonUnmarshal(p.Raw(), &doc))
	require.Greater(t, len(doc.Statement), i)
	return mustJSON(t, doc.Statement[i])
}

// TestEveryScenarioFileLoads keeps every scenario of the repository in the
// format this package reads.
func TestEveryScenarioFileLoads(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "scenarios", "*.yaml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 4)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := Read(f)
			require.NoError(t, err)
			assert.NotEmpty(t, s.Name)
			assert.NotEmpty(t, s.Estate.Accounts)
		})
	}
}
