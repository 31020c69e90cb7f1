package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// isolateAWS points the SDK at temporary config and credentials files and
// turns the instance metadata endpoint off; with keys, the default profile
// holds static test keys.
func isolateAWS(t *testing.T, keys bool) {
	t.Helper()
	for _, k := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_SERVICE_ENDPOINT",
	} {
		t.Setenv(k, "")
		require.NoError(t, os.Unsetenv(k))
	}
	dir := t.TempDir()
	creds := ""
	if keys {
		creds = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "config"), []byte("[default]\nregion = us-east-1\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "credentials"), []byte(creds), 0o600))
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func snapshotDir(name string) string {
	return filepath.Join(repoRoot, "testdata", "snapshots", name)
}

// runCLIWithin runs the CLI and fails the test when it has not returned
// after limit.
func runCLIWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := runCLI(t, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(limit):
		t.Fatalf("pathfinder %s did not return within %s", strings.Join(args, " "), limit)
		return "", "", 0
	}
}

func TestCollectWithoutCredentials(t *testing.T) {
	isolateAWS(t, false)
	out := filepath.Join(t.TempDir(), "snap")
	stdout, stderr, code := runCLIWithin(t, 30*time.Second, "collect", "aws", "-o", out)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
	assert.Contains(t, stderr, "no AWS credentials found")
	assert.Contains(t, stderr, "--profile")
	assert.NoDirExists(t, out)
}

func TestCollectBadUsage(t *testing.T) {
	isolateAWS(t, true)
	dir := t.TempDir()
	full := filepath.Join(dir, "full")
	require.NoError(t, os.MkdirAll(full, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(full, "manifest.json"), []byte("{}"), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no provider", []string{"collect", "-o", dir}, "pathfinder collect aws -o DIR"},
		{"another provider", []string{"collect", "gcp", "-o", dir}, `(got "gcp")`},
		{"no output", []string{"collect", "aws"}, "give -o DIR"},
		{"unknown service", []string{"collect", "aws", "-o", dir, "--services", "ec2,sqs"}, `unknown service "sqs"`},
		{"bad region", []string{"collect", "aws", "-o", dir, "--regions", "us-east-1,mars-1"}, `"mars-1" is not an AWS region`},
		{"bad role", []string{"collect", "aws", "-o", dir, "--role-arn", "arn:aws:iam::111122223333:user/x"}, "is not a role ARN"},
		{"output not empty", []string{"collect", "aws", "-o", full}, "is not empty"},
		{"unknown profile", []string{"collect", "aws", "-o", filepath.Join(dir, "new"), "--profile", "nosuch"}, "nosuch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLIWithin(t, 30*time.Second, tt.args...)
			assert.Equal(t, exitUsage, code, stderr)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, stdout)
		})
	}
}

// pathsJSON runs `pathfinder paths` and returns the paths of its answer.
func pathsJSON(t *testing.T, source string, query ...string) []any {
	t.Helper()
	args := append([]string{"paths", source, "--format", "json"}, query...)
	stdout, stderr, code := runCLI(t, args...)
	require.Equal(t, exitOK, code, stderr)
	var answer struct {
		Paths []any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &answer))
	return answer.Paths
}

// TestCollectThenPathsGivesTheOriginalPaths is the promise: from a
// server that answers like AWS with snapshot S, `collect` then `paths`
// finds what `paths S` finds.
func TestCollectThenPathsGivesTheOriginalPaths(t *testing.T) {
	tests := []struct {
		name     string
		snapshot string
		collect  []string
		queries  [][]string
	}{
		{"capital one", "capital-one", []string{"--regions", "us-east-1"}, [][]string{
			{},
			{"--from", "arn:aws:iam::111122223333:user/alice", "--to", "admin"},
		}},
		{"organisation", "two-accounts", []string{"--regions", "us-east-1,eu-west-1,us-west-2", "--org-role", "OrganizationAccountAccessRole"}, [][]string{
			{"--from", "arn:aws:iam::111122223333:role/ci-deployer", "--to", "admin"},
			{"--from", "arn:aws:iam::111122223333:role/ci-deployer", "--to", "tag:data-classification=pii"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolateAWS(t, true)
			fake, err := awsfake.New(snapshotDir(tt.snapshot), awsfake.Options{PageSize: 1})
			require.NoError(t, err)
			defer fake.Close()
			out := filepath.Join(t.TempDir(), "collected")
			args := append([]string{"collect", "aws", "-o", out, "--endpoint-url", fake.URL(), "--quiet"}, tt.collect...)
			stdout, stderr, code := runCLIWithin(t, 60*time.Second, args...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stdout)
			assert.Empty(t, stderr, "--quiet")
			for _, q := range tt.queries {
				want := pathsJSON(t, snapshotDir(tt.snapshot), q...)
				require.NotEmpty(t, want, "query %v finds paths in the original", q)
				assert.Equal(t, want, pathsJSON(t, out, q...), "query %v", q)
			}
		})
	}
}

func TestCollectReportsProgressAndGapsWhenNotATerminal(t *testing.T) {
	isolateAWS(t, true)
	fake, err := awsfake.New(snapshotDir("capital-one"), awsfake.Options{Deny: map[string]string{"kms:ListKeys": "AccessDeniedException"}})
	require.NoError(t, err)
	defer fake.Close()
	out := filepath.Join(t.TempDir(), "collected")
	_, stderr, code := runCLIWithin(t, 60*time.Second, "collect", "aws", "-o", out, "--endpoint-url", fake.URL(), "--regions", "us-east-1")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "msg=collected account=111122223333 region=us-east-1 service=ec2 not_collected=0")
	assert.Contains(t, stderr, "msg=collected account=111122223333 region=global service=iam not_collected=0")
	assert.Contains(t, stderr, "1 part was not collected")
	assert.Contains(t, stderr, "account 111122223333: kms in us-east-1: AccessDeniedException")
	assert.FileExists(t, filepath.Join(out, "manifest.json"))
}
