package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSimulateRequestFiles runs every request of iam/testdata/simulate
// through the CLI and compares the answer with the one stored beside it.
func TestSimulateRequestFiles(t *testing.T) {
	requests, err := filepath.Glob(filepath.Join(repoRoot, "iam", "testdata", "simulate", "*.request.json"))
	require.NoError(t, err)
	require.NotEmpty(t, requests)
	for _, req := range requests {
		t.Run(filepath.Base(req), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "simulate", "--request", req, "--format", "json")
			require.Equal(t, exitOK, code, stderr)
			want, err := os.ReadFile(strings.TrimSuffix(req, ".request.json") + ".answer.json")
			require.NoError(t, err)
			assert.JSONEq(t, string(want), stdout)
		})
	}
}

func TestSimulateAgainstAnEstate(t *testing.T) {
	const acct = "arn:aws:iam::111122223333:"
	tests := []struct {
		name                        string
		principal, action, resource string
		extra                       []string
		want                        string
		cites                       string
	}{
		{"the WAF role reads the PII", acct + "role/waf-role", "s3:GetObject", "arn:aws:s3:::customer-data/applications.csv", nil,
			"allow", acct + "role/waf-role inline policy waf-s3"},
		{"the WAF role cannot write it", acct + "role/waf-role", "s3:PutObject", "arn:aws:s3:::customer-data/applications.csv", nil,
			"deny", ""},
		{"alice assumes ops-admin", acct + "user/alice", "sts:AssumeRole", acct + "role/ops-admin", nil,
			"allow", acct + "role/ops-admin trust policy"},
		{"the WAF role is not trusted by ops-admin", acct + "role/waf-role", "sts:AssumeRole", acct + "role/ops-admin", nil,
			"deny", ""},
		{"context keys are accepted", acct + "role/ops-admin", "ec2:TerminateInstances", "*",
			[]string{"--context", "aws:SourceIp=203.0.113.7", "--unknown", "aws:MultiFactorAuthPresent"}, "allow", "AdministratorAccess"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"simulate", scenarioFile("capital-one.yaml"), "--principal", tt.principal,
				"--action", tt.action, "--resource", tt.resource, "--format", "json"}, tt.extra...)
			stdout, stderr, code := runCLI(t, args...)
			require.Equal(t, exitOK, code, stderr)
			var ans struct {
				Decision   string `json:"decision"`
				Statements []struct {
					Policy string `json:"policy"`
				} `json:"statements"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
			assert.Equal(t, tt.want, ans.Decision, stdout)
			if tt.cites != "" {
				var cited []string
				for _, s := range ans.Statements {
					cited = append(cited, s.Policy)
				}
				assert.Contains(t, strings.Join(cited, "\n"), tt.cites)
			}
		})
	}
}

func TestSimulateTextAnswer(t *testing.T) {
	stdout, stderr, code := runCLI(t, "simulate", scenarioFile("capital-one.yaml"),
		"--principal", "arn:aws:iam::111122223333:role/waf-role", "--action", "s3:GetObject",
		"--resource", "arn:aws:s3:::customer-data/applications.csv")
	require.Equal(t, exitOK, code, stderr)
	golden(t, filepath.Join("testdata", "simulate-waf-role.txt"), []byte(stdout))
}
