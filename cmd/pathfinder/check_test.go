package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The gate's tests run from the repository's root, so that the commands,
// and the file names in their reports, read as a user types them.
const (
	capitalOne      = "testdata/scenarios/capital-one.yaml"
	capitalOneFixed = "testdata/scenarios/capital-one-imdsv2.yaml"
	webShop         = "testdata/scenarios/web-shop.yaml"
	piiPolicy       = "testdata/gate/deny-internet-to-pii.yaml"
	examplePolicy   = "testdata/gate/policy.yaml"
	allowPolicy     = "testdata/gate/allow-capital-one.yaml"
	gateGolden      = "testdata/gate/golden"
	// capitalOnePath is the fingerprint of internet → i-0waf → its
	// metadata → waf-role → customer-data.
	capitalOnePath = "b479efb2f77d5547"
)

// atRoot moves the test to the repository's root and fixes the clock.
func atRoot(t *testing.T) {
	t.Chdir(repoRoot)
	saved := now
	now = func() time.Time { return time.Date(2026, 6, 1, 12, 30, 0, 0, time.UTC) }
	t.Cleanup(func() { now = saved })
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
					Region           struct{ StartLine int } `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			CodeFlows []struct {
				ThreadFlows []struct {
					Locations []struct {
						Location struct {
							Message struct{ Text string } `json:"message"`
						} `json:"location"`
						Kinds []string `json:"kinds"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
			Suppressions []struct {
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

// TestCheckDoneWhen is the acceptance test of issue #7: the first rule of
// the issue fails on the Capital One replica, with the path as a SARIF code
// flow of one location per hop, and holds once IMDSv2 is required.
func TestCheckDoneWhen(t *testing.T) {
	atRoot(t)
	stdout, stderr, code := runCLI(t, "check", capitalOne, "--policy", piiPolicy, "--format", "sarif")
	require.Equal(t, exitFound, code, stderr)
	assert.Equal(t, "pathfinder check: 1 of 1 rule violated\n", stderr)

	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	require.Len(t, doc.Runs, 1)
	require.Len(t, doc.Runs[0].Results, 1, "one result per violating path")
	res := doc.Runs[0].Results[0]
	assert.Equal(t, "deny-internet-to-tag-data-classification-pii", res.RuleID)
	assert.Equal(t, capitalOnePath, res.PartialFingerprints["pathfinderPath/v1"])
	require.Len(t, res.Locations, 1)
	assert.Equal(t, piiPolicy, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 3, res.Locations[0].PhysicalLocation.Region.StartLine, "the rule's line in the policy")
	assert.Equal(t, "internet", res.Locations[0].LogicalLocations[0].FullyQualifiedName, "the entry node")

	require.Len(t, res.CodeFlows, 1)
	require.Len(t, res.CodeFlows[0].ThreadFlows, 1)
	hops := res.CodeFlows[0].ThreadFlows[0].Locations
	require.Len(t, hops, 4, "one thread-flow location per hop")
	var kinds []string
	for _, h := range hops {
		kinds = append(kinds, h.Kinds...)
	}
	assert.Equal(t, []string{"internet-ingress", "ssrf-imdsv1", "instance-credentials", "s3-read"}, kinds)
	assert.Equal(t, "Anyone on the internet can send requests to the instance i-0waf (e.g. port 443).", hops[0].Location.Message.Text)
	assert.Equal(t, "waf-role downloads the objects of bucket customer-data with s3:GetObject.", hops[3].Location.Message.Text)

	ruleIDs := []string{}
	for _, r := range doc.Runs[0].Tool.Driver.Rules {
		ruleIDs = append(ruleIDs, r.ID)
	}
	assert.Equal(t, []string{"deny-internet-to-tag-data-classification-pii",
		"instance-credentials", "internet-ingress", "s3-read", "ssrf-imdsv1"}, ruleIDs,
		"the policy's rule, then the techniques of the path")

	stdout, stderr, code = runCLI(t, "check", capitalOneFixed, "--policy", piiPolicy, "--format", "sarif")
	require.Equal(t, exitOK, code, stderr)
	doc = sarifDoc{}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Empty(t, doc.Runs[0].Results)
}

// TestCheckGoldens keeps the output of check in every format.
func TestCheckGoldens(t *testing.T) {
	atRoot(t)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"check-capital-one.txt", []string{capitalOne, "--policy", examplePolicy}, exitFound},
		{"check-capital-one.json", []string{capitalOne, "--policy", examplePolicy, "--format", "json"}, exitFound},
		{"check-capital-one.sarif", []string{capitalOne, "--policy", examplePolicy, "--format", "sarif"}, exitFound},
		{"check-capital-one.junit.xml", []string{capitalOne, "--policy", examplePolicy, "--format", "junit"}, exitFound},
		{"check-capital-one.md", []string{capitalOne, "--policy", examplePolicy, "--format", "markdown"}, exitFound},
		{"check-capital-one-imdsv2.txt", []string{capitalOneFixed, "--policy", examplePolicy}, exitOK},
		{"check-capital-one-imdsv2.md", []string{capitalOneFixed, "--policy", examplePolicy, "--format", "markdown"}, exitOK},
		{"check-web-shop.md", []string{webShop, "--policy", piiPolicy, "--format", "markdown"}, exitFound},
		{"check-allowed.txt", []string{capitalOne, "--policy", allowPolicy, "--date", "2027-02-28"}, exitOK},
		{"check-allow-expired.txt", []string{capitalOne, "--policy", allowPolicy, "--date", "2027-03-01"}, exitFound},
		{"check-allowed.sarif", []string{capitalOne, "--policy", allowPolicy, "--date", "2027-02-28", "--format", "sarif"}, exitOK},
		{"check-allow-expired.json", []string{capitalOne, "--policy", allowPolicy, "--date", "2027-03-01", "--format", "json"}, exitFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"check"}, tt.args...)...)
			require.Equal(t, tt.code, code, stderr)
			golden(t, filepath.Join(gateGolden, tt.name), []byte(stdout))
		})
	}
}

func TestCheckAllowExpiry(t *testing.T) {
	atRoot(t)
	stdout, stderr, code := runCLI(t, "check", capitalOne, "--policy", allowPolicy, "--date", "2027-02-28")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, capitalOnePath+" internet -(internet-ingress)-> i-0waf")
	assert.Contains(t, stdout, "allowed: the WAF moves behind the new load balancer in Q1 (JIRA SEC-142) (until 2027-03-01)")

	stdout, stderr, code = runCLI(t, "check", capitalOne, "--policy", allowPolicy, "--date", "2027-03-01")
	require.Equal(t, exitFound, code, stderr)
	assert.Contains(t, stdout, "allow expired on 2027-03-01: the WAF moves")

	_, stderr, code = runCLI(t, "check", capitalOne, "--policy", allowPolicy)
	assert.Equal(t, exitOK, code, "today (the test clock, 2026-06-01) is before the expiry: %s", stderr)
}

func TestCheckExitStatus(t *testing.T) {
	atRoot(t)
	dir := t.TempDir()
	unknownNode := filepath.Join(dir, "unknown-node.yaml")
	require.NoError(t, os.WriteFile(unknownNode, []byte("rules:\n  - deny: {from: i-0nope, to: admin}\n"), 0o644))
	typo := filepath.Join(dir, "typo.yaml")
	require.NoError(t, os.WriteFile(typo, []byte("rules:\n  - deny: {from: internet, too: admin}\n"), 0o644))
	badDate := filepath.Join(dir, "bad-date.yaml")
	require.NoError(t, os.WriteFile(badDate, []byte("rules:\n  - deny: {from: internet, to: admin}\nallow:\n  - {fingerprint: "+capitalOnePath+", reason: r, expires: 2027-13-01}\n"), 0o644))
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"violated", []string{capitalOne, "--policy", piiPolicy}, exitFound, ""},
		{"holds", []string{capitalOneFixed, "--policy", piiPolicy}, exitOK, ""},
		{"several sources are merged", []string{capitalOneFixed, webShop, "--policy", piiPolicy}, exitFound, ""},
		{"no policy", []string{capitalOne}, exitUsage, "check needs --policy FILE"},
		{"missing policy file", []string{capitalOne, "--policy", filepath.Join(dir, "nope.yaml")}, exitUsage, "nope.yaml"},
		{"typo in the policy", []string{capitalOne, "--policy", typo}, exitUsage, typo + `:2: rules[0].deny: unknown field "too" (did you mean "to"?)`},
		{"bad date in the policy", []string{capitalOne, "--policy", badDate}, exitUsage, badDate + `:4: allow[0].expires: want a date as YYYY-MM-DD, got "2027-13-01"`},
		{"rule names a node the estate lacks", []string{capitalOne, "--policy", unknownNode}, exitUsage, unknownNode + `:2: rule "deny-i-0nope-to-admin": from: selector "i-0nope": no node has id or name "i-0nope"`},
		{"bad format", []string{capitalOne, "--policy", piiPolicy, "--format", "html"}, exitUsage, `--format "html": want text, json, sarif, junit or markdown`},
		{"bad date flag", []string{capitalOne, "--policy", piiPolicy, "--date", "tomorrow"}, exitUsage, `--date "tomorrow": want YYYY-MM-DD`},
		{"missing baseline", []string{capitalOne, "--policy", piiPolicy, "--baseline", filepath.Join(dir, "nope.json")}, exitUsage, "baseline " + filepath.Join(dir, "nope.json")},
		{"no source", []string{"--policy", piiPolicy}, exitUsage, "no SOURCE given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, append([]string{"check"}, tt.args...)...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.want)
		})
	}
}

func TestCheckWritesTheReportToAFile(t *testing.T) {
	atRoot(t)
	out := filepath.Join(t.TempDir(), "report.sarif")
	stdout, stderr, code := runCLI(t, "check", capitalOne, "--policy", piiPolicy, "--format", "sarif", "-o", out)
	require.Equal(t, exitFound, code, "the report is written and the gate still fails: %s", stderr)
	assert.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), capitalOnePath)
}

// junitDoc is the JUnit XML a CI test reporter reads.
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Suites   []struct {
		Cases []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestCheckJUnitHasOneCasePerRule(t *testing.T) {
	atRoot(t)
	stdout, _, code := runCLI(t, "check", capitalOne, "--policy", examplePolicy, "--format", "junit")
	require.Equal(t, exitFound, code)
	var doc junitDoc
	require.NoError(t, xml.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, 3, doc.Tests)
	assert.Equal(t, 1, doc.Failures)
	require.Len(t, doc.Suites, 1)
	cases := doc.Suites[0].Cases
	require.Len(t, cases, 3)
	assert.Equal(t, []string{"no-internet-to-pii", "no-internet-to-admin", "no-rce-to-admin"},
		[]string{cases[0].Name, cases[1].Name, cases[2].Name})
	require.NotNil(t, cases[0].Failure)
	assert.Equal(t, "1 attack path: internet → tag:data-classification=pii (at most 12 hops)", cases[0].Failure.Message)
	assert.Contains(t, cases[0].Failure.Text, "fingerprint "+capitalOnePath)
	assert.Nil(t, cases[1].Failure)
	assert.Nil(t, cases[2].Failure)
}

func TestCheckMarkdownDrawsThePath(t *testing.T) {
	atRoot(t)
	stdout, _, code := runCLI(t, "check", capitalOne, "--policy", piiPolicy, "--format", "markdown")
	require.Equal(t, exitFound, code)
	assert.Contains(t, stdout, "```mermaid\nflowchart LR\n")
	assert.Contains(t, stdout, `n1 -->|"ssrf-imdsv1"| n2["i-0waf metadata<br/>imds"]`)
	assert.Contains(t, stdout, "| # | hop | technique | evidence | fix |")
	assert.True(t, strings.HasPrefix(stdout, "## ❌ pathfinder check: 1 of 1 rule violated"))
}

// TestFingerprintsAgreeAcrossSources: the Capital One replica as a scenario
// and as an AWS snapshot are the same estate, so their path has the same
// fingerprint, and an allow or a baseline written for one holds for the
// other.
func TestFingerprintsAgreeAcrossSources(t *testing.T) {
	atRoot(t)
	for _, source := range []string{capitalOne, "testdata/snapshots/capital-one"} {
		stdout, stderr, code := runCLI(t, "check", source, "--policy", allowPolicy, "--date", "2027-02-28", "--format", "json")
		require.Equal(t, exitOK, code, "%s: %s", source, stderr)
		var doc struct {
			Rules []struct {
				Paths []struct{ Fingerprint, Status string }
			}
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
		require.Len(t, doc.Rules[0].Paths, 1, source)
		assert.Equal(t, capitalOnePath, doc.Rules[0].Paths[0].Fingerprint, source)
		assert.Equal(t, "allowed", doc.Rules[0].Paths[0].Status, source)
	}
}
