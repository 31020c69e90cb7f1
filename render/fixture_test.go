package render

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/queries"
)

var update = flag.Bool("update", false, "update golden files")

const (
	account = "111122223333"
	wafARN  = "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf"
	appARN  = "arn:aws:ec2:us-east-1:111122223333:instance/i-0app"
	wafRole = "arn:aws:iam::111122223333:role/waf-role"
	appRole = "arn:aws:iam::111122223333:role/app-role"
	bucket  = "arn:aws:s3:::customer-data"
	secret  = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-password-AbCdEf"
)

// estateGraph is the Capital One chain (internet → i-0waf → its IMDS →
// waf-role → customer-data), a sibling path from waf-role to a secret that
// shares its first three hops, and a dearer path that needs code execution
// on i-0app and whose last hop is conditional and needs the bucket's KMS key.
func estateGraph(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder()
	inVPC := func(n graph.Node, subnet string) graph.Node {
		n.Account, n.Region, n.VPC, n.Subnet = account, "us-east-1", "vpc-0prod", subnet
		return n
	}
	for _, n := range []graph.Node{
		{ID: graph.InternetID, Kind: graph.KindInternet, Name: "internet"},
		inVPC(graph.Node{ID: wafARN, Kind: graph.KindInstance, Name: "i-0waf"}, "subnet-0pub"),
		inVPC(graph.Node{ID: graph.MetadataID(wafARN), Kind: graph.KindMetadata, Name: "i-0waf imds"}, "subnet-0pub"),
		inVPC(graph.Node{ID: appARN, Kind: graph.KindInstance, Name: "i-0app"}, "subnet-0app"),
		{ID: wafRole, Kind: graph.KindRole, Name: "waf-role", Account: account},
		{ID: appRole, Kind: graph.KindRole, Name: "app-role", Account: account},
		{ID: bucket, Kind: graph.KindBucket, Name: "customer-data", Account: account,
			Tags: map[string]string{"data-classification": "pii"}},
		{ID: secret, Kind: graph.KindSecret, Name: "db-password", Account: account, Region: "us-east-1"},
	} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	for _, e := range estateEdges() {
		require.NoError(t, b.AddEdge(e))
	}
	return b.Freeze()
}

func estateEdges() []graph.Edge {
	ingress := func(to, name, sg, subnet, ip string) graph.Edge {
		return graph.Edge{From: graph.InternetID, To: to, Technique: "internet-ingress", Cost: 1,
			Explanation: "Anyone on the internet reaches " + name + " on tcp 443 at its public IP " + ip + ".",
			Evidence: []graph.Evidence{
				{Kind: "public-ip", Source: name, Detail: "public IPv4 address " + ip},
				{Kind: "route", Source: "rtb-0pub", Detail: "subnet " + subnet + " routes 0.0.0.0/0 to internet gateway igw-0main"},
				{Kind: "security-group-rule", Source: sg, Detail: sg + " (web) admits tcp 443 from 0.0.0.0/0"},
			},
			Remediation: "Remove the 0.0.0.0/0 rule from " + sg + ", or move " + name + " behind a load balancer in a private subnet."}
	}
	return []graph.Edge{
		ingress(wafARN, "i-0waf", "sg-0web", "subnet-0pub", "54.210.1.10"),
		ingress(appARN, "i-0app", "sg-0app", "subnet-0app", "54.210.1.11"),
		{From: wafARN, To: graph.MetadataID(wafARN), Technique: "ssrf-imdsv1", Cost: 1.5,
			Explanation:   "A server-side request forgery in i-0waf's application fetches http://169.254.169.254/ without a session token.",
			Evidence:      []graph.Evidence{{Kind: "imds", Source: "i-0waf", Detail: "MetadataOptions HttpEndpoint=enabled, HttpTokens=optional"}},
			Preconditions: []string{"an SSRF flaw in the application on tcp 443"},
			Remediation:   "Require IMDSv2: aws ec2 modify-instance-metadata-options --instance-id i-0waf --http-tokens required"},
		{From: graph.MetadataID(wafARN), To: wafRole, Technique: "instance-credentials", Cost: 0.5,
			Explanation: "The metadata endpoint hands out temporary credentials of waf-role.",
			Evidence:    []graph.Evidence{{Kind: "instance-profile", Source: "i-0waf", Detail: "instance profile waf-profile holds role waf-role"}},
			Remediation: "Give i-0waf an instance profile whose role holds only what the WAF needs."},
		{From: appARN, To: appRole, Technique: "instance-credentials", Cost: 3,
			Explanation:   "Code running on i-0app fetches app-role's credentials from the metadata endpoint.",
			Evidence:      []graph.Evidence{{Kind: "instance-profile", Source: "i-0app", Detail: "instance profile app-profile holds role app-role"}},
			Preconditions: []string{"code execution on i-0app"},
			Assumes:       []graph.Assumption{graph.AssumeRCE},
			Remediation:   "Patch i-0app and narrow app-role to what the application needs."},
		{From: wafRole, To: bucket, Technique: "s3-read", Cost: 0.5,
			Explanation: "waf-role reads every object of customer-data.",
			Evidence: []graph.Evidence{{Kind: "policy-statement", Source: "arn:aws:iam::111122223333:policy/waf-s3",
				Detail: "statement 0 (ReadAll): Allow s3:GetObject, s3:ListBucket on *"}},
			Remediation: "Scope policy waf-s3 to the buckets the WAF needs instead of *."},
		{From: wafRole, To: secret, Technique: "secretsmanager-read", Cost: 0.5,
			Explanation: "waf-role reads the value of secret db-password.",
			Evidence: []graph.Evidence{{Kind: "policy-statement", Source: "arn:aws:iam::111122223333:policy/waf-s3",
				Detail: "statement 1: Allow secretsmanager:GetSecretValue on *"}},
			Remediation: "Remove secretsmanager:GetSecretValue on * from policy waf-s3."},
		{From: appRole, To: bucket, Technique: "s3-read", Techniques: []string{"s3-read", "kms-decrypt"}, Cost: 1,
			Explanation: "app-role reads customer-data's objects and decrypts them with key alias/data.",
			Evidence: []graph.Evidence{
				{Kind: "policy-statement", Source: "arn:aws:iam::111122223333:policy/app-s3",
					Detail: "statement 0 (FromVpc): Allow s3:GetObject on arn:aws:s3:::customer-data/* when StringEquals aws:SourceVpc vpc-0prod"},
				{Kind: "key-policy", Source: "arn:aws:kms:us-east-1:111122223333:key/0f3c",
					Detail: "statement 0 (EnableIAM): Allow arn:aws:iam::111122223333:root kms:* on *"},
			},
			Conditions: []iam.ConditionRef{{
				StatementRef: iam.StatementRef{Policy: "arn:aws:iam::111122223333:policy/app-s3", Type: iam.IdentityPolicy, Index: 0, Sid: "FromVpc"},
				Operator:     "StringEquals", Key: "aws:SourceVpc", Values: []string{"vpc-0prod"}}},
			Remediation: "Drop s3:GetObject from policy app-s3 or limit it to the prefixes the app needs."},
	}
}

// pathOf builds the path through the given node ids, taking the first edge
// between each pair, as a query would return it.
func pathOf(t testing.TB, g *graph.Graph, ids ...string) queries.Path {
	t.Helper()
	var p queries.Path
	for i, id := range ids {
		n, ok := g.Lookup(id)
		require.True(t, ok, "node %s", id)
		p.Nodes = append(p.Nodes, n)
		if i == 0 {
			continue
		}
		e := edgeBetween(g, p.Nodes[i-1], n)
		require.GreaterOrEqual(t, e, graph.EdgeID(0), "edge %s → %s", ids[i-1], id)
		p.Edges = append(p.Edges, e)
		p.Cost += g.Cost(e)
	}
	return p
}

func edgeBetween(g *graph.Graph, from, to graph.NodeIndex) graph.EdgeID {
	first, end := g.Out(from)
	for e := first; e < end; e++ {
		if g.To(e) == to {
			return e
		}
	}
	return -1
}

// estatePaths are the three paths of estateGraph, cheapest first.
func estatePaths(t testing.TB, g *graph.Graph) []queries.Path {
	return []queries.Path{
		pathOf(t, g, graph.InternetID, wafARN, graph.MetadataID(wafARN), wafRole, bucket),
		pathOf(t, g, graph.InternetID, wafARN, graph.MetadataID(wafARN), wafRole, secret),
		pathOf(t, g, graph.InternetID, appARN, appRole, bucket),
	}
}

func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file %s (run go test -update to create it)", path)
	assert.Equal(t, string(want), string(got), "golden file %s", path)
}
