package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

const workloads = "444455556666"

func loadTwoAccounts(t *testing.T) *ingest.Estate {
	t.Helper()
	est, err := Load(filepath.Join(fixtures, "two-accounts"))
	require.NoError(t, err)
	return est
}

func TestTwoAccountsMerge(t *testing.T) {
	est := loadTwoAccounts(t)
	require.Len(t, est.Accounts, 2)
	assert.Equal(t, "management", est.Accounts[0].Name, "named by the organisation")
	assert.Equal(t, "workloads", est.Accounts[1].Name)
	assert.NotNil(t, est.Accounts[0].BlockPublicAccess)
	assert.Nil(t, est.Accounts[1].BlockPublicAccess)

	xadmin := findOne(t, est.Roles, "cross-account-admin", func(r ingest.Role) bool { return r.Name == "cross-account-admin" })
	assert.Equal(t, workloads, xadmin.Account)
	ci := findOne(t, est.Roles, "ci-deployer", func(r ingest.Role) bool { return r.Name == "ci-deployer" })
	assert.Equal(t, acct, ci.Account)
	assert.Equal(t, []string{ci.ARN}, xadmin.TrustPolicy.Statements[0].Principal.ByType["AWS"], "the second account's role trusts the first's")

	// Both accounts list AdministratorAccess; the Estate holds it once.
	admins := 0
	for _, p := range est.ManagedPolicies {
		if p.ARN == "arn:aws:iam::aws:policy/AdministratorAccess" {
			admins++
		}
	}
	assert.Equal(t, 1, admins)
}

func TestTwoAccountsRegions(t *testing.T) {
	est := loadTwoAccounts(t)
	regions := map[string]string{}
	for _, v := range est.VPCs {
		regions[v.ID] = v.Region
	}
	assert.Equal(t, map[string]string{"vpc-0ci": "us-east-1", "vpc-0euDefault": "eu-west-1"}, regions, "from the folder")
	nat := findOne(t, est.NATGateways, "nat-0workloads", func(n ingest.NATGateway) bool { return true })
	assert.Equal(t, "us-west-2", nat.Region, "from the manifest's only region; the deleted gateway is left out")
	assert.Equal(t, workloads, nat.Account)
	db := findOne(t, est.Databases, "orders-db", func(d ingest.Database) bool { return d.ID == "orders-db" })
	assert.Equal(t, ingest.Database{
		ARN: "arn:aws:rds:us-west-2:444455556666:db:orders-db", ID: "orders-db", Account: workloads, Region: "us-west-2",
		Engine: "postgres", Port: 5432, IAMAuth: true, ResourceID: "db-ABCDEFGHIJKLMNOPQRSTUVWXY0", VPC: "vpc-0workloads",
		Subnets: []string{"subnet-0wdb1", "subnet-0wdb2"}, SecurityGroups: []string{"sg-0db"},
		KMSKey: "arn:aws:kms:us-west-2:444455556666:key/5e6f7a8b-1111-2222-3333-444455556666",
		Tags:   ingest.Tags{"data-classification": "pii"},
	}, db)
}

func TestTwoAccountsOrganization(t *testing.T) {
	org := loadTwoAccounts(t).Organization
	require.NotNil(t, org)
	assert.Equal(t, "o-a1b2c3d4e5", org.ID)
	assert.Equal(t, acct, org.ManagementAccount)
	assert.Equal(t, []ingest.OrgUnit{{ID: "ou-a1b2-workload1", Name: "workloads", Parent: "r-a1b2"}, {ID: "r-a1b2", Name: "Root"}}, org.Units)
	assert.Equal(t, []ingest.OrgMember{{Account: acct, Parent: "r-a1b2"}, {Account: workloads, Parent: "ou-a1b2-workload1"}}, org.Accounts)

	scps := org.Levels(workloads, ingest.SCP)
	require.Len(t, scps, 3, "root, OU, account")
	assert.Equal(t, "FullAWSAccess", scps[0][0].Name)
	require.Len(t, scps[1], 2)
	assert.Equal(t, "deny-leave-org", scps[1][1].Name)
	assert.Equal(t, "Deny", string(scps[1][1].Document.Statements[0].Effect))
	// AWS attaches RCPFullAWSAccess to the root, every OU and every account.
	for i, level := range org.Levels(workloads, ingest.RCP) {
		require.Len(t, level, 1, "RCP level %d", i)
		assert.Equal(t, "RCPFullAWSAccess", level[0].Name)
	}
}

func TestTwoAccountsComputeAndData(t *testing.T) {
	est := loadTwoAccounts(t)
	ci := findOne(t, est.Instances, "i-0ci", func(i ingest.Instance) bool { return i.ID == "i-0ci" })
	assert.Equal(t, "#!/bin/bash\nexport DEPLOY_ENV=ci\n/opt/ci/bootstrap.sh\n", ci.UserData)
	assert.Equal(t, ingest.IMDS{Endpoint: "enabled", Tokens: "required", HopLimit: 2}, ci.Metadata)
	assert.Equal(t, []string{"2600:1f18:1234:5601::20"}, ci.IPv6Addresses)

	lb := findOne(t, est.LoadBalancers, "ci-web", func(l ingest.LoadBalancer) bool { return l.Name == "ci-web" })
	assert.Equal(t, "internet-facing", lb.Scheme)
	require.Len(t, lb.Listeners, 2)
	assert.Equal(t, 80, lb.Listeners[0].Port)
	assert.Empty(t, lb.Listeners[0].TargetGroups, "a redirect forwards nowhere")
	assert.Len(t, lb.Listeners[1].TargetGroups, 2, "both weighted groups of the ForwardConfig")
	web := findOne(t, est.TargetGroups, "ci-web", func(g ingest.TargetGroup) bool { return g.Name == "ci-web" })
	assert.Equal(t, []ingest.Target{{ID: "i-0ci", Port: 8080, Health: "healthy"}}, web.Targets)

	sg := findOne(t, est.SecurityGroups, "sg-0ci", func(g ingest.SecurityGroup) bool { return g.ID == "sg-0ci" })
	assert.Equal(t, []ingest.SGRule{
		{Protocol: "tcp", FromPort: 22, ToPort: 22, CIDRs: []string{"::/0"}, Description: "SSH over IPv6"},
		{Protocol: "tcp", FromPort: 22, ToPort: 22, PrefixLists: []string{"pl-0vpn"}, Description: "corporate VPN"},
		{Protocol: "tcp", FromPort: 8080, ToPort: 8080, Groups: []string{"sg-0alb"}, Description: "from the load balancer"},
	}, sg.Ingress)

	fn := findOne(t, est.Functions, "report-builder", func(f ingest.Function) bool { return f.Name == "report-builder" })
	assert.Equal(t, "AKIAEXAMPLEBOB000001", fn.Environment["AWS_ACCESS_KEY_ID_LEGACY"])
	assert.Equal(t, ingest.Tags{"team": "reporting"}, fn.Tags)
	require.NotNil(t, fn.ResourcePolicy)
	assert.Equal(t, []string{"s3.amazonaws.com"}, fn.ResourcePolicy.Statements[0].Principal.ByType["Service"])

	key := findOne(t, est.KMSKeys, "audit key", func(k ingest.KMSKey) bool { return true })
	assert.Equal(t, []string{"alias/audit-logs"}, key.Aliases)
	assert.Equal(t, "CUSTOMER", key.Manager)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:root"}, key.Policy.Statements[0].Principal.ByType["AWS"])

	bucket := findOne(t, est.Buckets, "mgmt-audit-logs", func(b ingest.Bucket) bool { return true })
	assert.Equal(t, "eu-west-1", bucket.Region)
	assert.Equal(t, "aws:kms", bucket.Encryption.Algorithm)
	assert.Equal(t, "AWSCloudTrailWrite", bucket.Policy.Statements[0].Sid)
	assert.Nil(t, bucket.BlockPublicAccess, "null means no bucket-level configuration")

	table := findOne(t, est.Tables, "orders", func(tb ingest.Table) bool { return true })
	assert.Equal(t, "dynamodb:GetItem", table.Policy.Statements[0].Action[0])
	secret := findOne(t, est.Secrets, "ci/github-token", func(s ingest.Secret) bool { return true })
	assert.Nil(t, secret.Policy)
	assert.Equal(t, key.ARN, secret.KMSKey)
}

func TestTwoAccountsIdentities(t *testing.T) {
	est := loadTwoAccounts(t)
	bob := findOne(t, est.Users, "bob", func(u ingest.User) bool { return u.Name == "bob" })
	assert.Equal(t, "arn:aws:iam::111122223333:policy/dev-boundary", bob.PermissionsBoundary)
	assert.Equal(t, []string{"arn:aws:iam::111122223333:group/developers"}, bob.Groups)
	assert.Nil(t, bob.InlinePolicies, "UserPolicyList is absent for users without inline policies")
	deploy := findOne(t, est.ManagedPolicies, "deploy", func(p ingest.ManagedPolicy) bool { return p.Name == "deploy" })
	assert.Equal(t, "v2", deploy.DefaultVersion)
	assert.Len(t, deploy.Versions, 2)
	assert.Equal(t, []string{"ec2:Describe*", "elasticloadbalancing:Describe*"}, deploy.Document().Statements[0].Action)
	assert.Equal(t, []ingest.AccessKey{
		{User: bob.ARN, ID: "AKIAEXAMPLEBOB000001", Status: "Active"},
		{User: bob.ARN, ID: "AKIAEXAMPLEBOB000002", Status: "Inactive"},
	}, est.AccessKeys)
}

func TestTwoAccountsWarnings(t *testing.T) {
	assert.Equal(t, []string{
		"account 111122223333: lambda in eu-west-1 was not collected: AccessDeniedException: User: arn:aws:iam::111122223333:role/collector is not authorized to perform: lambda:ListFunctions",
		"instance arn:aws:ec2:us-east-1:111122223333:instance/i-0legacy is in subnet subnet-0gone, which the snapshot does not list",
		"instance arn:aws:ec2:us-east-1:111122223333:instance/i-0legacy uses instance profile arn:aws:iam::111122223333:instance-profile/deleted-profile, which no role lists in RoleDetailList[].InstanceProfileList[]: its role is unknown",
	}, loadTwoAccounts(t).Warnings)
}

func TestLoadIsDeterministic(t *testing.T) {
	first := loadTwoAccounts(t)
	for i := 0; i < 3; i++ {
		assert.Equal(t, first, loadTwoAccounts(t))
	}
}

// copyDir copies a fixture so a test can change it.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	require.NoError(t, os.CopyFS(to, os.DirFS(from)))
}

func TestMultiAccountErrors(t *testing.T) {
	t.Run("duplicate account names both directories", func(t *testing.T) {
		dir := t.TempDir()
		copyDir(t, filepath.Join(fixtures, "two-accounts", workloads), filepath.Join(dir, workloads))
		copyDir(t, filepath.Join(fixtures, "two-accounts", workloads), filepath.Join(dir, "workloads-copy"))
		_, err := Load(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "account 444455556666 is in two directories: 444455556666 and workloads-copy")
	})
	t.Run("sub-directory without an account id", func(t *testing.T) {
		dir := writeSnapshot(t, map[string]string{"prod/ec2-describe-vpcs.json": `{"Vpcs": []}`})
		_, err := Load(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "directory prod: cannot tell its account")
	})
	t.Run("manifest contradicts the directory name", func(t *testing.T) {
		dir := writeSnapshot(t, map[string]string{"111122223333/manifest.json": `{"account_id": "444455556666"}`})
		_, err := Load(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "111122223333/manifest.json: $.account_id: account 444455556666 differs from the directory's name 111122223333")
	})
	t.Run("stray file next to account directories", func(t *testing.T) {
		dir := writeSnapshot(t, map[string]string{"111122223333/manifest.json": `{"account_id": "111122223333"}`, "notes.txt": "x"})
		_, err := Load(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `notes.txt: unknown file "notes.txt"`)
	})
	t.Run("the same object twice in an account", func(t *testing.T) {
		vpcs := `{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "111122223333"}]}`
		dir := writeSnapshot(t, map[string]string{"ec2-describe-vpcs.json": vpcs, "us-east-1/ec2-describe-vpcs.json": vpcs})
		_, err := Load(dir)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "VPC vpc-1 is listed twice")
	})
}
