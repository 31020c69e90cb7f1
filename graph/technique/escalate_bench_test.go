package technique

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// BenchmarkEscalations10k builds the escalation edges of an estate of
// 10,000 principals (10 accounts of 500 users and 500 roles, with groups,
// instances, functions and access keys): the figure of docs/performance.md,
// "Privilege escalation".
func BenchmarkEscalations10k(b *testing.B) {
	e := escalationEstate(10, 500, 500)
	if err := e.ResolveAWSManaged(); err != nil {
		b.Fatal(err)
	}
	techs := escalations()
	for b.Loop() {
		start := processCPU()
		g, _, err := Build(e, techs)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(g.NumEdges()), "edges")
		b.ReportMetric((processCPU() - start).Seconds(), "cpu-s")
	}
}

// escalationPolicies is each account's pool of customer managed policies:
// ordinary ones, and the risky grants escalations are made of, scoped the
// way real policies scope them.
var escalationPolicies = []string{
	`{"Effect":"Allow","Action":["s3:GetObject","ec2:Describe*"],"Resource":"*"}`,
	`{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::ACCT:role/app-*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}},{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}`,
	`{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::ACCT:role/fn-*"},{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:InvokeFunction","lambda:UpdateFunctionCode"],"Resource":"arn:aws:lambda:*:ACCT:function:team-*"}`,
	`{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:UpdateLoginProfile","iam:EnableMFADevice"],"Resource":"arn:aws:iam::ACCT:user/${aws:username}"},{"Effect":"Allow","Action":"iam:CreateVirtualMFADevice","Resource":"arn:aws:iam::ACCT:mfa/*"}`,
	`{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:CreateLoginProfile","iam:DeleteAccessKey"],"Resource":"arn:aws:iam::ACCT:user/*"}`,
	`{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::ACCT:policy/team-*"},{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*","Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}}`,
	`{"Effect":"Allow","Action":["ssm:SendCommand","ssm:StartSession"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"}}}`,
	`{"Effect":"Allow","Action":["iam:UpdateAssumeRolePolicy","iam:PutRolePolicy","iam:AttachRolePolicy","sts:AssumeRole"],"Resource":"arn:aws:iam::ACCT:role/app-*"}`,
	`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"platform"}}},{"Effect":"Allow","Action":"iam:TagUser","Resource":"arn:aws:iam::ACCT:user/${aws:username}"}`,
	`{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}`,
}

// policyWeights is how many of every 100 principals get each pool policy
// attached: most get ordinary ones, a few the risky ones. Groups get only
// ordinary ones (read, self-service), and one group is the admins.
var policyWeights = []int{50, 8, 8, 15, 1, 3, 6, 1, 1, 5}

var groupPolicies = []int{0, 3}

func escalationEstate(accounts, users, roles int) *ingest.Estate {
	rng := rand.New(rand.NewPCG(1, 2))
	e := &ingest.Estate{}
	for a := 0; a < accounts; a++ {
		acct := fmt.Sprintf("%012d", 100000000000+a)
		e.Accounts = append(e.Accounts, ingest.Account{ID: acct})
		pool := accountPolicies(e, acct)
		for k := 0; k < 10; k++ {
			policy := iamARN(acct, "policy", fmt.Sprintf("team-%d", groupPolicies[k%len(groupPolicies)]))
			if k == 0 {
				policy = "arn:aws:iam::aws:policy/AdministratorAccess"
			}
			e.Groups = append(e.Groups, ingest.Group{ARN: iamARN(acct, "group", fmt.Sprintf("group-%d", k)), Name: fmt.Sprintf("group-%d", k),
				Account: acct, AttachedPolicies: []string{policy}})
		}
		for k := 0; k < users; k++ {
			addUser(e, rng, acct, k, pool)
		}
		for k := 0; k < roles; k++ {
			addRole(e, rng, acct, k, users, pool)
		}
	}
	return e
}

func accountPolicies(e *ingest.Estate, acct string) []string {
	var pool []string
	for k, stmts := range escalationPolicies {
		arn := iamARN(acct, "policy", fmt.Sprintf("team-%d", k))
		doc := iam.MustParse(`{"Version":"2012-10-17","Statement":[` + strings.ReplaceAll(stmts, "ACCT", acct) + `]}`)
		e.ManagedPolicies = append(e.ManagedPolicies, ingest.ManagedPolicy{ARN: arn, Name: fmt.Sprintf("team-%d", k), DefaultVersion: "v1",
			Versions: []ingest.PolicyVersion{{ID: "v1", Default: true, Document: doc}}})
		for range policyWeights[k] {
			pool = append(pool, arn)
		}
	}
	return pool
}

func addUser(e *ingest.Estate, rng *rand.Rand, acct string, k int, pool []string) {
	name := fmt.Sprintf("user-%d", k)
	u := ingest.User{ARN: iamARN(acct, "user", name), Name: name, Account: acct,
		Groups:           []string{iamARN(acct, "group", fmt.Sprintf("group-%d", 1+rng.IntN(9)))},
		AttachedPolicies: []string{pick(rng, pool)}, Tags: ingest.Tags{"team": []string{"web", "data", "platform-ops"}[k%3]}}
	if k%50 == 0 {
		u.Groups = append(u.Groups, iamARN(acct, "group", "group-0"))
	}
	e.Users = append(e.Users, u)
	for i := 0; i <= k%3/2; i++ {
		e.AccessKeys = append(e.AccessKeys, ingest.AccessKey{User: u.ARN, ID: fmt.Sprintf("AKIA%s%06d%d", acct[8:], k, i), Status: "Active"})
	}
}

func addRole(e *ingest.Estate, rng *rand.Rand, acct string, k, users int, pool []string) {
	services := []string{"ec2.amazonaws.com", "lambda.amazonaws.com", "", "ecs-tasks.amazonaws.com", "sagemaker.amazonaws.com", "glue.amazonaws.com"}
	svc := services[k%len(services)]
	prefix := map[string]string{"ec2.amazonaws.com": "app-", "lambda.amazonaws.com": "fn-"}[svc]
	name := fmt.Sprintf("%srole-%d", prefix, k)
	trust := fmt.Sprintf(`{"Service":%q}`, svc)
	if svc == "" {
		trust = fmt.Sprintf(`{"AWS":%q}`, iamARN(acct, "user", fmt.Sprintf("user-%d", rng.IntN(users))))
	}
	r := ingest.Role{ARN: iamARN(acct, "role", name), Name: name, Account: acct, AttachedPolicies: []string{pick(rng, pool)},
		TrustPolicy: iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":` + trust + `,"Action":"sts:AssumeRole"}]}`)}
	if k%40 == 0 {
		r.AttachedPolicies = append(r.AttachedPolicies, "arn:aws:iam::aws:policy/AdministratorAccess")
	}
	e.Roles = append(e.Roles, r)
	switch svc {
	case "ec2.amazonaws.com":
		prof := ingest.InstanceProfile{ARN: iamARN(acct, "instance-profile", name), Name: name}
		e.Roles[len(e.Roles)-1].InstanceProfiles = []ingest.InstanceProfile{prof}
		id := fmt.Sprintf("i-%s%06d", acct[8:], k)
		e.Instances = append(e.Instances, ingest.Instance{ARN: fmt.Sprintf("arn:aws:ec2:us-east-1:%s:instance/%s", acct, id), ID: id,
			Account: acct, Region: "us-east-1", State: "running", InstanceProfile: prof.ARN,
			Tags: ingest.Tags{"env": []string{"dev", "prod"}[k%2]}})
	case "lambda.amazonaws.com":
		fn := fmt.Sprintf("team-%d", k)
		e.Functions = append(e.Functions, ingest.Function{ARN: fmt.Sprintf("arn:aws:lambda:us-east-1:%s:function:%s", acct, fn),
			Name: fn, Account: acct, Region: "us-east-1", Role: r.ARN})
	}
}

func iamARN(acct, kind, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:%s/%s", acct, kind, name)
}

func pick(rng *rand.Rand, pool []string) string { return pool[rng.IntN(len(pool))] }
