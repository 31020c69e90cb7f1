package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The privilege-escalation suite: testdata/scenarios/privesc holds, for
// every escalation technique, a scenario where the attacker escalates with
// it and a negative twin that differs in one thing (a missing permission, a
// narrower resource, a deny, a boundary, an SCP, a trust policy that does
// not trust the service). Each is asked `paths --from ATTACKER --to admin`
// through the CLI, and the answer is checked semantically and against a
// golden JSON file.

const (
	mallory = "arn:aws:iam::111122223333:user/mallory"
	runner  = "arn:aws:iam::111122223333:role/ci-runner"
)

// privescCase is a scenario, its twin (the scenario's name plus -twin), the
// attacker, the one technique the only path takes, and the assumption the
// query grants ("latent" for take-overs of resources the estate cannot
// show).
type privescCase struct {
	name, twin, from, technique string
	assume                      string
}

var privescCases = []privescCase{
	{"iam-create-policy-version", "other-policy", mallory, "iam:CreatePolicyVersion", ""},
	{"iam-set-default-policy-version", "narrow-version", mallory, "iam:SetDefaultPolicyVersion", ""},
	{"iam-attach-user-policy", "policy-condition", mallory, "iam:AttachUserPolicy", ""},
	{"iam-attach-group-policy", "boundary", mallory, "iam:AttachGroupPolicy", ""},
	{"iam-attach-role-policy", "scp", runner, "iam:AttachRolePolicy", ""},
	{"iam-attach-role-policy-assume", "untrusted", mallory, "iam:AttachRolePolicy", ""},
	{"iam-put-user-policy", "deny", mallory, "iam:PutUserPolicy", ""},
	{"iam-put-group-policy", "other-group", mallory, "iam:PutGroupPolicy", ""},
	{"iam-put-role-policy", "boundary", runner, "iam:PutRolePolicy", ""},
	{"iam-add-user-to-group", "other-group", mallory, "iam:AddUserToGroup", ""},
	{"iam-create-access-key", "two-keys", mallory, "iam:CreateAccessKey", ""},
	{"iam-create-access-key-delete", "no-delete", mallory, "iam:CreateAccessKey", ""},
	{"iam-create-login-profile", "missing-permission", mallory, "iam:CreateLoginProfile", ""},
	{"iam-update-login-profile", "other-user", mallory, "iam:UpdateLoginProfile", ""},
	{"iam-update-assume-role-policy", "deny", mallory, "iam:UpdateAssumeRolePolicy", ""},
	{"passrole-ec2-run-instances", "untrusted", mallory, "iam:PassRole+ec2:RunInstances", ""},
	{"passrole-lambda-invoke", "passed-to-ec2", mallory, "iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction", ""},
	{"passrole-lambda-event-source", "missing-permission", mallory, "iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping", ""},
	{"passrole-glue-dev-endpoint", "untrusted", mallory, "iam:PassRole+glue:CreateDevEndpoint", ""},
	{"passrole-cloudformation-create-stack", "deny", mallory, "iam:PassRole+cloudformation:CreateStack", ""},
	{"passrole-datapipeline-create-pipeline", "missing-permission", mallory, "iam:PassRole+datapipeline:CreatePipeline", ""},
	{"passrole-codebuild-create-project", "missing-permission", mallory, "iam:PassRole+codebuild:CreateProject", ""},
	{"passrole-sagemaker-notebook", "missing-permission", mallory, "iam:PassRole+sagemaker:CreateNotebookInstance", ""},
	{"passrole-sagemaker-training-job", "other-role", mallory, "iam:PassRole+sagemaker:CreateTrainingJob", ""},
	{"passrole-sagemaker-processing-job", "boundary", mallory, "iam:PassRole+sagemaker:CreateProcessingJob", ""},
	{"passrole-ecs-run-task", "untrusted", mallory, "iam:PassRole+ecs:RegisterTaskDefinition+ecs:RunTask", ""},
	{"lambda-update-function-code", "other-function", mallory, "lambda:UpdateFunctionCode", ""},
	{"lambda-update-function-code-latent", "untrusted", mallory, "lambda:UpdateFunctionCode", "latent"},
	{"glue-update-dev-endpoint", "untrusted", mallory, "glue:UpdateDevEndpoint", "latent"},
	{"cloudformation-update-stack", "missing-permission", mallory, "cloudformation:UpdateStack", "latent"},
	{"sagemaker-presigned-url", "deny", mallory, "sagemaker:CreatePresignedNotebookInstanceUrl", "latent"},
	{"ssm-send-command", "document-only", mallory, "ssm:SendCommand", ""},
	{"ssm-start-session", "stopped", mallory, "ssm:StartSession", ""},
	{"ec2-instance-connect", "other-tag", mallory, "ec2-instance-connect:SendSSHPublicKey", ""},
	{"ec2-modify-instance-attribute", "missing-permission", mallory, "ec2:ModifyInstanceAttribute", ""},
	{"iam-tag-user", "tag-keys", mallory, "iam:TagUser", ""},
	{"iam-tag-role", "missing-permission", runner, "iam:TagRole", ""},
	{"iam-enable-mfa-device", "mfa-for-mfa", mallory, "iam:EnableMFADevice", ""},
}

func TestPrivescScenarios(t *testing.T) {
	for _, tc := range privescCases {
		t.Run(tc.name, func(t *testing.T) {
			checkPrivesc(t, tc.name, tc, []string{tc.technique})
		})
		t.Run(tc.name+"-"+tc.twin, func(t *testing.T) {
			checkPrivesc(t, tc.name+"-"+tc.twin, tc, nil)
		})
	}
}

// checkPrivesc asks a scenario for the attacker's paths to admin: want is
// the chain of the only path, nil for none.
func checkPrivesc(t *testing.T, scenario string, tc privescCase, want []string) {
	t.Helper()
	args := []string{"paths", privescFile(scenario), "--format", "json", "--from", tc.from, "--to", "admin"}
	if tc.assume != "" {
		args = append(args, "--assume", tc.assume)
	}
	stdout, stderr, code := runCLI(t, args...)
	require.Equal(t, 0, code, stderr)
	var ans jsonAnswer
	require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
	if want == nil {
		assert.Empty(t, ans.Paths, stdout)
	} else {
		require.Len(t, ans.Paths, 1, stdout)
		var chain []string
		for _, e := range ans.Paths[0].Edges {
			chain = append(chain, e.Technique)
			assert.NotEmpty(t, e.Evidence, "every hop carries evidence")
		}
		assert.Equal(t, want, chain)
		if tc.assume != "" {
			assert.Equal(t, []string{tc.assume}, ans.Paths[0].Assumes, "a latent take-over says so")
		} else {
			assert.Empty(t, ans.Paths[0].Assumes)
		}
	}
	golden(t, filepath.Join(repoRoot, "testdata", "scenarios", "privesc", "golden", scenario+".json"), []byte(stdout))
}

// TestLatentTakeoversNeedTheAssumption: without --assume latent, a
// take-over of a resource the estate does not show is left out.
func TestLatentTakeoversNeedTheAssumption(t *testing.T) {
	for _, tc := range privescCases {
		if tc.assume == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "paths", privescFile(tc.name), "--format", "json", "--from", tc.from, "--to", "admin")
			require.Equal(t, 0, code, stderr)
			var ans jsonAnswer
			require.NoError(t, json.Unmarshal([]byte(stdout), &ans))
			assert.Empty(t, ans.Paths)
		})
	}
}

func privescFile(name string) string {
	return filepath.Join(repoRoot, "testdata", "scenarios", "privesc", name+".yaml")
}
