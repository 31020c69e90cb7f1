package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twinCase is one technique scenario of issue #4, written twice: by hand as
// YAML (testdata/scenarios/<name>.yaml) and as the AWS CLI would print it
// (testdata/snapshots/<name>/).
type twinCase struct {
	name      string
	query     []string
	wantPaths bool
}

const twinAccount = "arn:aws:iam::111122223333:user/"

// twinCases lists, for each technique, its positive scenario and its
// negative twin, with the query each scenario's header documents.
var twinCases = []twinCase{
	{name: "lambda-env-credentials", query: []string{"--from", twinAccount + "intern"}, wantPaths: true},
	{name: "lambda-env-credentials-inactive", query: []string{"--from", twinAccount + "intern"}},
	{name: "ec2-userdata-credentials", wantPaths: true},
	{name: "ec2-userdata-credentials-no-key"},
	{name: "secretsmanager-read", query: []string{"--from", twinAccount + "dev"}, wantPaths: true},
	{name: "secretsmanager-read-denied", query: []string{"--from", twinAccount + "dev"}},
	{name: "dynamodb-read", query: []string{"--from", twinAccount + "analyst"}, wantPaths: true},
	{name: "dynamodb-read-scoped", query: []string{"--from", twinAccount + "analyst"}},
	{name: "rds-public-endpoint", wantPaths: true},
	{name: "rds-private-endpoint"},
	{name: "rds-iam-auth", query: []string{"--from", twinAccount + "analyst"}, wantPaths: true},
	{name: "rds-iam-auth-disabled", query: []string{"--from", twinAccount + "analyst"}},
	{name: "web-shop", query: piiQuery, wantPaths: true},
	{name: "web-shop-target-closed", query: piiQuery},
	{name: "capital-one", query: piiQuery, wantPaths: true},
	{name: "private-subnet", query: piiQuery},
}

// TestSnapshotTwinsAgree checks that every technique scenario gives the
// same answer whether it is read from the hand-written YAML or from AWS
// CLI output of the same estate, and that the positive case finds a path
// while its negative twin finds none.
func TestSnapshotTwinsAgree(t *testing.T) {
	for _, tc := range twinCases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--format", "json"}, tc.query...)
			fromScenario, stderr, code := runCLI(t, append([]string{"paths", scenarioFile(tc.name + ".yaml")}, args...)...)
			require.Equal(t, exitOK, code, stderr)
			snapshotDir := filepath.Join(repoRoot, "testdata", "snapshots", tc.name)
			fromSnapshot, stderr, code := runCLI(t, append([]string{"paths", snapshotDir}, args...)...)
			require.Equal(t, exitOK, code, stderr)

			assert.JSONEq(t, fromScenario, fromSnapshot)
			if tc.wantPaths {
				assert.NotEmpty(t, pathCount(t, fromSnapshot), "the positive case finds a path")
			} else {
				assert.Zero(t, pathCount(t, fromSnapshot), "the negative twin finds no path")
			}
		})
	}
}

// pathCount returns how many paths a `paths --format json` answer holds.
func pathCount(t *testing.T, answer string) int {
	t.Helper()
	var decoded struct {
		Paths []json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(answer), &decoded))
	return len(decoded.Paths)
}
