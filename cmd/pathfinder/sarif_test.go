package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// sarifSchema compiles the OASIS SARIF 2.1.0 schema kept in testdata/gate,
// with format assertions on (uri, uri-reference, date-time).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/gate/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	require.NoError(t, c.AddResource(url, doc))
	schema, err := c.Compile(url)
	require.NoError(t, err)
	return schema
}

// TestSARIFMatchesTheSchema validates every kind of SARIF log check writes:
// violations, nothing found, allowed paths (suppressions), a baseline
// (baselineState), several techniques on one hop, and warnings.
func TestSARIFMatchesTheSchema(t *testing.T) {
	atRoot(t)
	schema := sarifSchema(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	_, stderr, code := runCLI(t, "baseline", capitalOne, "--policy", examplePolicy, "-o", baseline)
	require.Equal(t, exitOK, code, stderr)
	absolutePolicy, err := filepath.Abs(piiPolicy)
	require.NoError(t, err)

	tests := map[string][]string{
		"violations":              {capitalOne, "--policy", examplePolicy},
		"nothing found":           {capitalOneFixed, "--policy", examplePolicy},
		"allowed":                 {capitalOne, "--policy", allowPolicy, "--date", "2027-02-28"},
		"allow expired":           {capitalOne, "--policy", allowPolicy, "--date", "2027-03-01"},
		"baseline":                {capitalOne, "--policy", examplePolicy, "--baseline", baseline},
		"baseline, path fixed":    {capitalOneFixed, "--policy", examplePolicy, "--baseline", baseline},
		"two techniques on a hop": {webShop, "--policy", piiPolicy},
		"absolute policy path":    {capitalOne, "--policy", absolutePolicy},
		"a snapshot directory":    {"testdata/snapshots/capital-one", "--policy", piiPolicy},
	}
	for name, args := range tests {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append(append([]string{"check"}, args...), "--format", "sarif")...)
			require.NotEqual(t, exitUsage, code, stderr)
			log, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
			require.NoError(t, err)
			require.NoError(t, schema.Validate(log))
		})
	}
}

// TestSARIFSchemaRejectsABrokenLog makes sure the validation above can
// fail: a result without its required message is refused.
func TestSARIFSchemaRejectsABrokenLog(t *testing.T) {
	atRoot(t)
	schema := sarifSchema(t)
	broken := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "pathfinder"}}, "results": [{"ruleId": "x"}]}]}`
	log, err := jsonschema.UnmarshalJSON(strings.NewReader(broken))
	require.NoError(t, err)
	require.Error(t, schema.Validate(log))
	wrongVersion := `{"version": "2.0.0", "runs": []}`
	log, err = jsonschema.UnmarshalJSON(strings.NewReader(wrongVersion))
	require.NoError(t, err)
	require.Error(t, schema.Validate(log))
}
