package snapshot

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

const acct = "111122223333"

func loadCapitalOne(t *testing.T) *ingest.Estate {
	t.Helper()
	est, err := Load(filepath.Join(fixtures, "capital-one"))
	require.NoError(t, err)
	return est
}

func TestCapitalOneNetwork(t *testing.T) {
	est := loadCapitalOne(t)
	assert.Equal(t, []ingest.Account{{ID: acct, Name: "production"}}, est.Accounts)
	assert.Empty(t, est.Warnings)

	vpc := findOne(t, est.VPCs, "vpc-0prod", func(v ingest.VPC) bool { return v.ID == "vpc-0prod" })
	assert.Equal(t, []string{"10.0.0.0/16"}, vpc.CIDRs)
	assert.Equal(t, "us-east-1", vpc.Region)
	igw := findOne(t, est.InternetGateways, "igw-0prod", func(g ingest.InternetGateway) bool { return g.ID == "igw-0prod" })
	assert.Equal(t, []string{"vpc-0prod"}, igw.VPCs)

	public := findOne(t, est.Subnets, "subnet-0public", func(s ingest.Subnet) bool { return s.ID == "subnet-0public" })
	assert.Equal(t, "10.0.1.0/24", public.CIDR)
	assert.Equal(t, "us-east-1a", public.AvailabilityZone)
	private := findOne(t, est.Subnets, "subnet-0private", func(s ingest.Subnet) bool { return s.ID == "subnet-0private" })
	assert.Equal(t, "10.0.2.0/24", private.CIDR)
	assert.Equal(t, "us-east-1b", private.AvailabilityZone)

	rtPublic := findOne(t, est.RouteTables, "rtb-0public", func(r ingest.RouteTable) bool { return r.ID == "rtb-0public" })
	assert.False(t, rtPublic.Main)
	assert.Equal(t, []string{"subnet-0public"}, rtPublic.Subnets)
	assert.Equal(t, []ingest.Route{{Destination: "10.0.0.0/16", Target: "local"}, {Destination: "0.0.0.0/0", Target: "igw-0prod"}}, rtPublic.Routes)
	rtMain := findOne(t, est.RouteTables, "rtb-0main", func(r ingest.RouteTable) bool { return r.ID == "rtb-0main" })
	assert.True(t, rtMain.Main)
	assert.Empty(t, rtMain.Subnets, "subnet-0private uses the main table implicitly")
	assert.Equal(t, []ingest.Route{{Destination: "10.0.0.0/16", Target: "local"}}, rtMain.Routes)

	acl := findOne(t, est.NetworkACLs, "acl-0default", func(n ingest.NetworkACL) bool { return n.ID == "acl-0default" })
	assert.True(t, acl.Default)
	assert.ElementsMatch(t, []string{"subnet-0public", "subnet-0private"}, acl.Subnets)
	for _, egress := range []bool{false, true} {
		assert.Contains(t, acl.Entries, ingest.ACLEntry{RuleNumber: 100, Egress: egress, Protocol: "-1", Allow: true, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1})
		assert.Contains(t, acl.Entries, ingest.ACLEntry{RuleNumber: 32767, Egress: egress, Protocol: "-1", Allow: false, CIDR: "0.0.0.0/0", FromPort: -1, ToPort: -1})
	}
}

func TestCapitalOneSecurityGroups(t *testing.T) {
	est := loadCapitalOne(t)
	allOut := []ingest.SGRule{{Protocol: "-1", FromPort: -1, ToPort: -1, CIDRs: []string{"0.0.0.0/0"}}}

	waf := findOne(t, est.SecurityGroups, "sg-0waf", func(g ingest.SecurityGroup) bool { return g.ID == "sg-0waf" })
	assert.Equal(t, "waf-sg", waf.Name)
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 443, ToPort: 443, CIDRs: []string{"0.0.0.0/0"}, Description: "HTTPS from anywhere"}}, waf.Ingress)
	assert.Equal(t, allOut, waf.Egress)

	app := findOne(t, est.SecurityGroups, "sg-0app", func(g ingest.SecurityGroup) bool { return g.ID == "sg-0app" })
	assert.Equal(t, "app-sg", app.Name)
	assert.Equal(t, []ingest.SGRule{{Protocol: "tcp", FromPort: 8080, ToPort: 8080, Groups: []string{"sg-0waf"}}}, app.Ingress)
	assert.Equal(t, allOut, app.Egress)
}

func TestCapitalOneInstance(t *testing.T) {
	est := loadCapitalOne(t)
	i := findOne(t, est.Instances, "i-0waf", func(i ingest.Instance) bool { return i.ID == "i-0waf" })
	assert.Equal(t, "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf", i.ARN)
	assert.Equal(t, ingest.Tags{"Name": "waf-proxy"}, i.Tags)
	assert.Equal(t, "subnet-0public", i.Subnet)
	assert.Equal(t, "vpc-0prod", i.VPC)
	assert.Equal(t, "203.0.113.10", i.PublicIP)
	assert.Equal(t, "10.0.1.10", i.PrivateIP)
	assert.Equal(t, []string{"sg-0waf"}, i.SecurityGroups)
	assert.Equal(t, "running", i.State)
	assert.Equal(t, ingest.IMDS{Endpoint: "enabled", Tokens: "optional", HopLimit: 1}, i.Metadata)
	assert.Equal(t, "arn:aws:iam::111122223333:instance-profile/waf-profile", i.InstanceProfile)

	role := findOne(t, est.Roles, "the instance's role", func(r ingest.Role) bool {
		for _, p := range r.InstanceProfiles {
			if p.ARN == i.InstanceProfile {
				return true
			}
		}
		return false
	})
	assert.Equal(t, "arn:aws:iam::111122223333:role/waf-role", role.ARN)
}

func TestCapitalOneIAM(t *testing.T) {
	est := loadCapitalOne(t)
	waf := findOne(t, est.Roles, "waf-role", func(r ingest.Role) bool { return r.Name == "waf-role" })
	trust := waf.TrustPolicy.Statements[0]
	assert.Equal(t, []string{"ec2.amazonaws.com"}, trust.Principal.ByType["Service"])
	assert.Equal(t, []string{"sts:AssumeRole"}, trust.Action)
	require.Len(t, waf.InlinePolicies, 1)
	assert.Equal(t, "waf-s3", waf.InlinePolicies[0].Name)
	stmt := waf.InlinePolicies[0].Document.Statements[0]
	assert.Equal(t, "ReadBuckets", stmt.Sid)
	assert.Equal(t, []string{"s3:GetObject", "s3:ListBucket", "s3:ListAllMyBuckets"}, stmt.Action)
	assert.Equal(t, []string{"*"}, stmt.Resource)

	ops := findOne(t, est.Roles, "ops-admin", func(r ingest.Role) bool { return r.Name == "ops-admin" })
	assert.Equal(t, []string{"arn:aws:iam::111122223333:user/alice"}, ops.TrustPolicy.Statements[0].Principal.ByType["AWS"])
	assert.Equal(t, []string{"arn:aws:iam::aws:policy/AdministratorAccess"}, ops.AttachedPolicies)
	admin := findOne(t, est.ManagedPolicies, "AdministratorAccess", func(p ingest.ManagedPolicy) bool { return p.Name == "AdministratorAccess" })
	require.NotNil(t, admin.Document())
	assert.Equal(t, []string{"*"}, admin.Document().Statements[0].Action)

	alice := findOne(t, est.Users, "alice", func(u ingest.User) bool { return u.Name == "alice" })
	assert.Equal(t, "arn:aws:iam::111122223333:user/alice", alice.ARN)
	require.Len(t, alice.InlinePolicies, 1)
	assume := alice.InlinePolicies[0].Document.Statements[0]
	assert.Equal(t, []string{"sts:AssumeRole"}, assume.Action)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:role/ops-admin"}, assume.Resource)
	assert.Equal(t, []ingest.AccessKey{{User: alice.ARN, ID: "AKIAEXAMPLEALICE0001", Status: "Active"}}, est.AccessKeys)
}

func TestCapitalOneBuckets(t *testing.T) {
	est := loadCapitalOne(t)
	allBlocked := &ingest.PublicAccessBlock{BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
	want := []ingest.Bucket{
		{Name: "customer-data", ARN: "arn:aws:s3:::customer-data", Account: acct, Region: "us-east-1",
			BlockPublicAccess: allBlocked, Encryption: &ingest.BucketEncryption{Algorithm: "AES256"},
			Tags: ingest.Tags{"data-classification": "pii"}},
		{Name: "waf-logs", ARN: "arn:aws:s3:::waf-logs", Account: acct, Region: "us-east-1",
			BlockPublicAccess: allBlocked, Encryption: &ingest.BucketEncryption{Algorithm: "AES256"}},
	}
	assert.Equal(t, want, est.Buckets)
}
