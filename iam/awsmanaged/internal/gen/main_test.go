package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged/internal/catalog"
)

const policyVersion = `{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
	"Action": "cloudformation:*", "Resource": "*"}]}, "VersionId": "v1", "IsDefaultVersion": true}}`

func TestImportThenBuild(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "policies"), filepath.Join(dir, "catalogue.json.gz")
	in := filepath.Join(dir, "v.json")
	require.NoError(t, os.WriteFile(in, []byte(policyVersion), 0o644))

	var stdout, stderr bytes.Buffer
	code := run([]string{"-src", src, "-out", out, "-import-version", in,
		"-arn", "arn:aws:iam::aws:policy/AWSCloudFormationFullAccess", "-source", "o/r:p@c"}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "imported arn:aws:iam::aws:policy/AWSCloudFormationFullAccess v1")
	assert.Contains(t, stdout.String(), "1 policies")
	assert.FileExists(t, filepath.Join(src, "AWSCloudFormationFullAccess.json"))

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	records, err := catalog.Decode(data)
	require.NoError(t, err)
	require.Len(t, records, 1)
	assert.Equal(t, "o/r:p@c", records[0].Source)
}

func TestRebuildingUnchangedSourcesChangesNoByte(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "policies")
	in := filepath.Join(dir, "v.json")
	require.NoError(t, os.WriteFile(in, []byte(policyVersion), 0o644))
	first, second := filepath.Join(dir, "a.gz"), filepath.Join(dir, "b.gz")
	var out bytes.Buffer
	require.Equal(t, 0, run([]string{"-src", src, "-out", first, "-import-version", in,
		"-arn", "arn:aws:iam::aws:policy/X", "-source", "s"}, &out, &out), out.String())
	require.Equal(t, 0, run([]string{"-src", src, "-out", second}, &out, &out), out.String())
	a, err := os.ReadFile(first)
	require.NoError(t, err)
	b, err := os.ReadFile(second)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"import without source", []string{"-import-authz", "x.json"}, 2, "an import needs -source"},
		{"version without arn", []string{"-import-version", "x.json", "-source", "s"}, 2, "-import-version needs -arn"},
		{"arn alone", []string{"-arn", "arn:aws:iam::aws:policy/A"}, 2, "-arn is only used with -import-version"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"missing import file", []string{"-src", "/nonexistent", "-import-authz", "/nonexistent/x.json", "-source", "s"},
			1, "import /nonexistent/x.json"},
		{"missing source directory", []string{"-src", "/nonexistent/src", "-out", "/nonexistent/out.gz"},
			1, "read catalogue sources /nonexistent/src"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tt.code, run(tt.args, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tt.wantErr)
		})
	}
}
