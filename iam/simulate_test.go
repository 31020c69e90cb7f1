package iam

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "update golden files")

// TestSimulationGolden runs every request in testdata/simulate and compares
// the JSON answer with its golden file.
func TestSimulationGolden(t *testing.T) {
	requests, err := filepath.Glob("testdata/simulate/*.request.json")
	require.NoError(t, err)
	require.NotEmpty(t, requests)
	for _, path := range requests {
		name := strings.TrimSuffix(filepath.Base(path), ".request.json")
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			req, set, err := DecodeSimulation(f)
			require.NoError(t, err)
			d, err := Evaluate(req, set)
			require.NoError(t, err)
			got, err := json.MarshalIndent(NewSimulationAnswer(d), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, ".request.json") + ".answer.json"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}
}

func TestDecodeSimulationErrors(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"unknown field", `{"principal_arn":"a","action":"s3:GetObject","resource":"r","principals":[]}`, `unknown field "principals"`},
		{"missing action", `{"principal_arn":"arn:aws:iam::1:user/a","resource":"r"}`, "action is required"},
		{"bad context value", `{"principal_arn":"a","action":"s3:GetObject","resource":"r","context":{"aws:SourceIp":7}}`, `context["aws:SourceIp"]`},
		{"bad identity policy", `{"principal_arn":"a","action":"s3:GetObject","resource":"r","identity_policies":[{"Statement":[]},{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}]}`, "identity_policies[1]: policy document: Statement[0]"},
		{"bad scp", `{"principal_arn":"a","action":"s3:GetObject","resource":"r","scps":[[],[{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Nope":{"k":"v"}}}}]]}`, `scps[1][0]: statement 0: unknown condition operator "Nope"`},
		{"null identity policy", `{"principal_arn":"a","action":"s3:GetObject","resource":"r","identity_policies":[null]}`, "identity_policies[0]: policy is null"},
		{"not json", `{"principal_arn":`, "simulation request"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := DecodeSimulation(strings.NewReader(tc.body))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestDecodeSimulationRequest(t *testing.T) {
	body := `{"principal_arn":"ec2.amazonaws.com","action":"sts:AssumeRole","resource":"arn:aws:iam::111122223333:role/r",
		"context":{"aws:TagKeys":["a","b"],"aws:SourceIp":"10.0.0.1"},"unknown":["aws:CurrentTime"]}`
	req, set, err := DecodeSimulation(strings.NewReader(body))
	require.NoError(t, err)
	assert.Equal(t, "ec2.amazonaws.com", req.Principal.Service)
	assert.Equal(t, RoleTrust, set.ResourceKind)
	assert.Equal(t, map[string][]string{"aws:TagKeys": {"a", "b"}, "aws:SourceIp": {"10.0.0.1"}}, req.Context)
	assert.Equal(t, []string{"aws:CurrentTime"}, req.Unknown)

	_, set, err = DecodeSimulation(strings.NewReader(`{"principal_arn":"a","action":"kms:Decrypt","resource":"arn:aws:kms:eu-west-1:111122223333:key/k"}`))
	require.NoError(t, err)
	assert.Equal(t, KMSKey, set.ResourceKind)
}

func TestSimulationAnswerShape(t *testing.T) {
	b, err := json.Marshal(NewSimulationAnswer(Decision{Outcome: Denied, Reason: "no statement allows x on y"}))
	require.NoError(t, err)
	assert.JSONEq(t, `{"decision":"deny","reason":"no statement allows x on y","statements":[],"conditions":[]}`, string(b))
}
