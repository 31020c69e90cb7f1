package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// iamVulnerableDump is the real authorization details of an account running
// BishopFox iam-vulnerable, in the repository's sibling shared/ directory,
// which only some machines have.
const iamVulnerableDump = "../../../shared/corpora/iam-vulnerable-authz-details.cloudsplaining-2023.json"

// Verdicts for the principals of iam-vulnerable.
const (
	noPath    = ""      // no path to admin
	isAdmin   = "admin" // admin already (allowed * on *)
	principal = "arn:aws:iam::200611803367:"
)

// iamVulnerable says, for every privesc*, fn* and fp* principal of the dump,
// the technique of the first hop of some path to admin (with --assume
// latent: the dump holds IAM only, so take-overs of functions, instances,
// endpoints, stacks and notebooks are latent). docs/techniques.md explains
// each noPath.
var iamVulnerable = map[string]string{
	"user/privesc1-CreateNewPolicyVersion-user":                       "iam:CreatePolicyVersion",
	"user/privesc2-SetExistingDefaultPolicyVersion-user":              noPath, // the dump holds one version only
	"user/privesc3-CreateEC2WithExistingInstanceProfile-user":         "iam:PassRole+ec2:RunInstances",
	"user/privesc4-CreateAccessKey-user":                              "iam:CreateAccessKey",
	"user/privesc5-CreateLoginProfile-user":                           "iam:CreateLoginProfile",
	"user/privesc6-UpdateLoginProfile-user":                           "iam:UpdateLoginProfile",
	"user/privesc7-AttachUserPolicy-user":                             "iam:AttachUserPolicy",
	"user/privesc8-AttachGroupPolicy-user":                            "iam:AttachGroupPolicy",
	"user/privesc9-AttachRolePolicy-user":                             noPath, // no sts:AssumeRole to use a changed role
	"user/privesc10-PutUserPolicy-user":                               "iam:PutUserPolicy",
	"user/privesc11-PutGroupPolicy-user":                              "iam:PutGroupPolicy",
	"user/privesc12-PutRolePolicy-user":                               noPath, // no sts:AssumeRole to use a changed role
	"user/privesc13-AddUserToGroup-user":                              "iam:AddUserToGroup",
	"user/privesc14-UpdatingAssumeRolePolicy-user":                    "iam:UpdateAssumeRolePolicy",
	"user/privesc15-PassExistingRoleToNewLambdaThenInvoke-user":       "iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction",
	"user/privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo-user": "iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping",
	"user/privesc17-EditExistingLambdaFunctionWithRole-user":          "lambda:UpdateFunctionCode",
	"user/privesc18-PassExistingRoleToNewGlueDevEndpoint-user":        "iam:PassRole+glue:CreateDevEndpoint",
	"user/privesc19-UpdateExistingGlueDevEndpoint-user":               "glue:UpdateDevEndpoint",
	"user/privesc20-PassExistingRoleToCloudFormation-user":            "iam:PassRole+cloudformation:CreateStack",
	"user/privesc21-PassExistingRoleToNewDataPipeline-user":           "iam:PassRole+datapipeline:CreatePipeline",
	"user/privesc-AssumeRole-start-user":                              noPath, // the chain's first role trusts an SSO session, not this user
	"user/privesc-CloudFormationUpdateStack-user":                     "cloudformation:UpdateStack",
	"user/privesc-codeBuildCreateProjectPassRole-user":                "iam:PassRole+codebuild:CreateProject",
	"user/privesc-ec2InstanceConnect-user":                            "ec2-instance-connect:SendSSHPublicKey",
	"user/privesc-sageMakerCreateNotebookPassRole-user":               "iam:PassRole+sagemaker:CreateNotebookInstance",
	"user/privesc-sageMakerCreatePresignedNotebookURL-user":           "sagemaker:CreatePresignedNotebookInstanceUrl",
	"user/privesc-sageMakerCreateProcessingJobPassRole-user":          "iam:PassRole+sagemaker:CreateProcessingJob",
	"user/privesc-sageMakerCreateTrainingJobPassRole-user":            "iam:PassRole+sagemaker:CreateTrainingJob",
	"user/privesc-sre-user":                                           "iam:PutUserPolicy",
	"user/privesc-ssmSendCommand-user":                                "ssm:SendCommand",
	"user/privesc-ssmStartSession-user":                               "ssm:StartSession",

	"role/privesc1-CreateNewPolicyVersion-role":                       "iam:CreatePolicyVersion",
	"role/privesc2-SetExistingDefaultPolicyVersion-role":              noPath,
	"role/privesc3-CreateEC2WithExistingInstanceProfile-role":         "iam:PassRole+ec2:RunInstances",
	"role/privesc4-CreateAccessKey-role":                              "iam:CreateAccessKey",
	"role/privesc5-CreateLoginProfile-role":                           "iam:CreateLoginProfile",
	"role/privesc6-UpdateLoginProfile-role":                           "iam:UpdateLoginProfile",
	"role/privesc7-AttachUserPolicy-role":                             noPath, // a role cannot use a changed user
	"role/privesc8-AttachGroupPolicy-role":                            noPath, // a role is in no group
	"role/privesc9-AttachRolePolicy-role":                             "iam:AttachRolePolicy",
	"role/privesc10-PutUserPolicy-role":                               noPath,
	"role/privesc11-PutGroupPolicy-role":                              noPath,
	"role/privesc12-PutRolePolicy-role":                               "iam:PutRolePolicy",
	"role/privesc13-AddUserToGroup-role":                              noPath,
	"role/privesc14-UpdatingAssumeRolePolicy-role":                    "iam:UpdateAssumeRolePolicy",
	"role/privesc15-PassExistingRoleToNewLambdaThenInvoke-role":       "iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction",
	"role/privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo-role": "iam:PassRole+lambda:CreateFunction+lambda:CreateEventSourceMapping",
	"role/privesc17-EditExistingLambdaFunctionWithRole-role":          "lambda:UpdateFunctionCode",
	"role/privesc18-PassExistingRoleToNewGlueDevEndpoint-role":        "iam:PassRole+glue:CreateDevEndpoint",
	"role/privesc19-UpdateExistingGlueDevEndpoint-role":               "glue:UpdateDevEndpoint",
	"role/privesc20-PassExistingRoleToCloudFormation-role":            "iam:PassRole+cloudformation:CreateStack",
	"role/privesc21-PassExistingRoleToNewDataPipeline-role":           "iam:PassRole+datapipeline:CreatePipeline",
	"role/privesc-AssumeRole-starting-role":                           "assume-role",
	"role/privesc-AssumeRole-intermediate-role":                       "assume-role",
	"role/privesc-AssumeRole-ending-role":                             isAdmin,
	"role/privesc-CloudFormationUpdateStack-role":                     "cloudformation:UpdateStack",
	"role/privesc-codeBuildCreateProjectPassRole-role":                "iam:PassRole+codebuild:CreateProject",
	"role/privesc-ec2InstanceConnect-role":                            "ec2-instance-connect:SendSSHPublicKey",
	"role/privesc-high-priv-service-role":                             isAdmin,
	"role/privesc-permissive-role-trust":                              noPath, // it has no policies
	"role/privesc-sageMakerCreateNotebookPassRole-role":               "iam:PassRole+sagemaker:CreateNotebookInstance",
	"role/privesc-sageMakerCreatePresignedNotebookURL-role":           "sagemaker:CreatePresignedNotebookInstanceUrl",
	"role/privesc-sageMakerCreateProcessingJobPassRole-role":          "iam:PassRole+sagemaker:CreateProcessingJob",
	"role/privesc-sageMakerCreateTrainingJobPassRole-role":            "iam:PassRole+sagemaker:CreateTrainingJob",
	"role/privesc-sre-role":                                           "iam:PutRolePolicy",
	"role/privesc-ssmSendCommand-role":                                "ssm:SendCommand",
	"role/privesc-ssmStartSession-role":                               "ssm:StartSession",

	// Tool-testing principals: fn* are escalations tools tend to miss,
	// fp* look like escalations and are not.
	"user/fn1-privesc3-partial-user":                  "iam:PassRole+ec2:RunInstances",
	"user/fn2-exploitableResourceConstraint-user":     "iam:CreatePolicyVersion",
	"user/fn3-exploitableConditionConstraint-user":    "iam:CreatePolicyVersion",
	"user/fn4-exploitableNotAction-user":              "iam:PutUserPolicy",
	"role/fn1-privesc3-partial-role":                  "iam:PassRole+ec2:RunInstances",
	"role/fn2-exploitableResourceConstraint-role":     "iam:CreatePolicyVersion",
	"role/fn3-exploitableConditionConstraint-role":    "iam:CreatePolicyVersion",
	"role/fn4-exploitableNotAction-role":              "iam:PutRolePolicy",
	"user/fp1-allow-and-deny-user":                    noPath,
	"user/fp2-allow-and-deny-multiple-policies-user":  noPath,
	"user/fp3-deny-iam-user":                          noPath,
	"user/fp4-nonExploitableResourceConstraint-user":  noPath,
	"user/fp5-nonExploitableConditionConstraint-user": noPath,
	"role/fp1-allow-and-deny-role":                    noPath,
	"role/fp2-allow-and-deny-multiple-policies-role":  noPath,
	"role/fp3-deny-iam-role":                          noPath,
	"role/fp4-nonExploitableResourceConstraint-role":  noPath,
	"role/fp5-nonExploitableConditionConstraint-role": noPath,
}

func TestIAMVulnerableCorpus(t *testing.T) {
	data, err := os.ReadFile(iamVulnerableDump)
	if os.IsNotExist(err) {
		t.Skipf("the real IAM dump %s is not on this machine; TestIAMVulnerableExcerpt covers a part of it", iamVulnerableDump)
	}
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "iam-authorization-details.json"), data, 0o644))
	checked := checkIAMVulnerable(t, dir)
	assert.Len(t, checked, len(iamVulnerable), "every principal of the table is in the dump")
}

func TestIAMVulnerableExcerpt(t *testing.T) {
	checked := checkIAMVulnerable(t, filepath.Join(repoRoot, "testdata", "scenarios", "privesc", "iam-vulnerable-excerpt"))
	assert.Len(t, checked, 8)
}

// checkIAMVulnerable analyses a snapshot of (part of) the dump and checks
// every privesc*, fn* and fp* principal in it against the table. It
// returns the principals it checked.
func checkIAMVulnerable(t *testing.T, dir string) []string {
	t.Helper()
	estate, err := loadSources([]string{dir})
	require.NoError(t, err)
	g, _, err := analyse(estate)
	require.NoError(t, err)
	admins, err := queries.MustSelector("admin").Resolve(g)
	require.NoError(t, err)
	var checked []string
	for i := range g.NumNodes() {
		n := g.Node(graph.NodeIndex(i))
		name := strings.TrimPrefix(n.ID, principal)
		short := name[strings.IndexByte(name, '/')+1:]
		if !n.Kind.IsPrincipal() || !(strings.HasPrefix(short, "privesc") || strings.HasPrefix(short, "fn") || strings.HasPrefix(short, "fp")) {
			continue
		}
		want, ok := iamVulnerable[name]
		if !assert.True(t, ok, "%s is not in the table", name) {
			continue
		}
		checked = append(checked, name)
		if want == isAdmin {
			assert.True(t, n.Admin, name)
			continue
		}
		assert.False(t, n.Admin, "%s is not admin before it escalates", name)
		paths := queries.Paths(g, []graph.NodeIndex{graph.NodeIndex(i)}, admins,
			queries.PathOptions{Limit: 10, Assume: []graph.Assumption{graph.AssumeLatent}})
		var first []string
		for _, p := range paths {
			first = append(first, g.Edge(p.Edges[0]).Technique)
		}
		if want == noPath {
			assert.Empty(t, first, "%s must not reach admin", name)
		} else {
			assert.True(t, slices.Contains(first, want), "%s reaches admin with %s; first hops found: %v", name, want, first)
		}
	}
	return checked
}
