package awsmanaged

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged/internal/catalog"
)

func TestCatalogueLoads(t *testing.T) {
	require.NoError(t, Err())
	assert.GreaterOrEqual(t, len(All()), 42)
}

func TestEveryEntryIsCompleteAndParses(t *testing.T) {
	for _, e := range All() {
		t.Run(e.Name, func(t *testing.T) {
			assert.True(t, strings.HasPrefix(e.ARN, catalog.ARNPrefix), "ARN %s", e.ARN)
			assert.True(t, strings.HasSuffix(e.ARN, "/"+e.Name), "ARN %s does not end in %s", e.ARN, e.Name)
			assert.Regexp(t, `^v[0-9]+$`, e.Version)
			assert.Regexp(t, `^[\w.-]+/[\w.-]+:\S+@[0-9a-f]{40}$`, e.Source)
			require.NotNil(t, e.Document)
			assert.NotEmpty(t, e.Document.Statements)
			reparsed, err := iam.Parse(e.Document.Raw())
			require.NoError(t, err)
			assert.Equal(t, e.Document.Statements, reparsed.Statements)
			assert.NoError(t, e.Document.Compile(), "the evaluator must understand every condition")
		})
	}
}

func TestAllIsSortedByARNAndOwnedByTheCaller(t *testing.T) {
	all := All()
	assert.True(t, sort.SliceIsSorted(all, func(i, j int) bool { return all[i].ARN < all[j].ARN }))
	all[0] = Entry{}
	assert.NotEmpty(t, All()[0].ARN, "changing All's result must not change the catalogue")
}

// requiredARNs are the policies the catalogue promises: the common ones
// and every AWS managed policy in the iam-vulnerable corpus.
var requiredARNs = []string{
	"arn:aws:iam::aws:policy/AdministratorAccess",
	"arn:aws:iam::aws:policy/PowerUserAccess",
	"arn:aws:iam::aws:policy/ReadOnlyAccess",
	"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
	"arn:aws:iam::aws:policy/SecurityAudit",
	"arn:aws:iam::aws:policy/AmazonS3FullAccess",
	"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
	"arn:aws:iam::aws:policy/IAMFullAccess",
	"arn:aws:iam::aws:policy/IAMReadOnlyAccess",
	"arn:aws:iam::aws:policy/AmazonEC2FullAccess",
	"arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess",
	"arn:aws:iam::aws:policy/AWSLambda_FullAccess",
	"arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess",
	"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
	"arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
	"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
	"arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess",
	"arn:aws:iam::aws:policy/AmazonRDSFullAccess",
	"arn:aws:iam::aws:policy/SecretsManagerReadWrite",
	"arn:aws:iam::aws:policy/AWSKeyManagementServicePowerUser",
	"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
	"arn:aws:iam::aws:policy/AmazonSSMFullAccess",
	"arn:aws:iam::aws:policy/AWSCloudFormationFullAccess",
	"arn:aws:iam::aws:policy/AmazonECS_FullAccess",
	"arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess",
	"arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
	"arn:aws:iam::aws:policy/AWSCodeBuildAdminAccess",
	"arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
	"arn:aws:iam::aws:policy/AmazonVPCFullAccess",
	"arn:aws:iam::aws:policy/AWSOrganizationsFullAccess",
	"arn:aws:iam::aws:policy/job-function/DatabaseAdministrator",
	"arn:aws:iam::aws:policy/job-function/NetworkAdministrator",
	"arn:aws:iam::aws:policy/job-function/SystemAdministrator",
	"arn:aws:iam::aws:policy/job-function/DataScientist",
	"arn:aws:iam::aws:policy/aws-service-role/AWSSSOServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AWSOrganizationsServiceTrustPolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AmazonSSMServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AWSTrustedAdvisorServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AWSSecurityHubServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy",
	"arn:aws:iam::aws:policy/aws-service-role/CloudFormationStackSetsOrgMemberServiceRolePolicy",
}

func TestRequiredPoliciesArePresent(t *testing.T) {
	for _, arn := range requiredARNs {
		_, ok := Lookup(arn)
		assert.True(t, ok, "%s is missing from the catalogue", arn)
	}
}

// TestCatalogueMatchesItsSources fails when testdata/policies changed but
// catalogue.json.gz was not regenerated, or the other way round.
func TestCatalogueMatchesItsSources(t *testing.T) {
	records, err := catalog.ReadDir("testdata/policies")
	require.NoError(t, err)
	rebuilt, err := catalog.Encode(records)
	require.NoError(t, err)
	assert.True(t, string(rebuilt) == string(embedded),
		"catalogue.json.gz is stale: run `go generate ./iam/awsmanaged`")
}

// corpusPath is the iam-vulnerable dump in the shared corpora, beside
// the repository.
const corpusPath = "../../../shared/corpora/iam-vulnerable-authz-details.cloudsplaining-2023.json"

func TestCorpusPoliciesMatchTheCorpusVerbatim(t *testing.T) {
	data, err := os.ReadFile(corpusPath)
	if os.IsNotExist(err) {
		t.Skipf("corpus not present at %s", corpusPath)
	}
	require.NoError(t, err)
	fromCorpus, err := catalog.FromAuthorizationDetails(data, "corpus")
	require.NoError(t, err)
	require.Len(t, fromCorpus, 12)
	for _, want := range fromCorpus {
		got, ok := Lookup(want.ARN)
		require.True(t, ok, want.ARN)
		assert.Equal(t, want.Version, got.Version, want.ARN)
		assert.JSONEq(t, string(want.Document), string(got.Document.Raw()), want.ARN)
	}
}

func TestConcurrentUseIsSafe(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e, ok := Lookup("AdministratorAccess")
			assert.True(t, ok)
			assert.NotNil(t, e.Document)
			assert.NotEmpty(t, All())
		}()
	}
	wg.Wait()
}

func TestLoadRejectsCorruptData(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"not gzip", []byte("not gzip"), "decompress catalogue"},
		{"not a list", gzipped(t, `{}`), "decode catalogue"},
		{"no source", gzipped(t, `[{"name":"X","arn":"arn:aws:iam::aws:policy/X","version":"v1",
			"document":{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}}]`), "source"},
		{"bad document", gzipped(t, `[{"name":"X","arn":"arn:aws:iam::aws:policy/X","version":"v1",
			"source":"o/r:p@c","document":{"Version":"2012-10-17"}}]`), "arn:aws:iam::aws:policy/X: policy document: Statement is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.data)
			assert.ErrorContains(t, err, "load AWS managed policy catalogue")
			assert.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestSourcesListsEveryEntry keeps SOURCES.md, which reviewers read, in
// step with the data: one row per policy naming its version and source.
func TestSourcesListsEveryEntry(t *testing.T) {
	doc, err := os.ReadFile("SOURCES.md")
	require.NoError(t, err)
	for _, e := range All() {
		repo, rest, _ := strings.Cut(e.Source, ":")
		file, commit, _ := strings.Cut(rest, "@")
		row := fmt.Sprintf("| `%s` | %s | %s | `%s` | `%s` |",
			strings.TrimPrefix(e.ARN, catalog.ARNPrefix), e.Version, repo, file, commit)
		assert.Contains(t, string(doc), row, "SOURCES.md has no row for %s", e.ARN)
	}
}
