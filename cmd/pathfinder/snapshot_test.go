package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSnapshotAndScenarioAgree checks that the Capital One replica written
// as AWS CLI output (testdata/snapshots/capital-one) and written by hand
// (testdata/scenarios/capital-one.yaml) give exactly the same answers: the
// two ingest paths build the same estate.
func TestSnapshotAndScenarioAgree(t *testing.T) {
	snapshotDir := filepath.Join(repoRoot, "testdata", "snapshots", "capital-one")
	queries := [][]string{
		{},
		piiQuery,
		{"--from", "arn:aws:iam::111122223333:user/alice", "--to", "admin"},
		{"--from", "kind:iam-role", "--to", "kind:s3-bucket"},
	}
	for _, q := range queries {
		args := append([]string{"--format", "json"}, q...)
		fromSnapshot, stderr, code := runCLI(t, append([]string{"paths", snapshotDir}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		fromScenario, stderr, code := runCLI(t, append([]string{"paths", scenarioFile("capital-one.yaml")}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		assert.JSONEq(t, fromScenario, fromSnapshot, "query %v", q)
		assert.Contains(t, fromSnapshot, `"technique"`, "query %v finds paths", q)
	}
}

// TestSeveralSourcesMerge checks that two sources describing different
// accounts merge, and that two describing the same account are refused.
func TestSeveralSourcesMerge(t *testing.T) {
	stdout, stderr, code := runCLI(t, "paths", scenarioFile("capital-one.yaml"), scenarioFile("web-shop.yaml"), "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "arn:aws:s3:::customer-data")
	assert.Contains(t, stdout, "arn:aws:s3:::shop-orders")

	_, stderr, code = runCLI(t, "paths", scenarioFile("capital-one.yaml"), filepath.Join(repoRoot, "testdata", "snapshots", "capital-one"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "account 111122223333 is described by both")
}
