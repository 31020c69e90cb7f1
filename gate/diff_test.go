package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/queries"
)

func piiQuery(limit int) DiffQuery {
	return DiffQuery{From: queries.MustSelector("internet"), To: queries.MustSelector("tag:data-classification=pii"),
		Options: queries.PathOptions{Limit: limit}}
}

func TestCompareScenarios(t *testing.T) {
	vulnerable, fixed := scenarioGraph(t, "capital-one.yaml"), scenarioGraph(t, "capital-one-imdsv2.yaml")

	d, err := Compare(vulnerable, fixed, piiQuery(10))
	require.NoError(t, err)
	assert.Empty(t, d.Added)
	require.Len(t, d.Removed, 1)
	assert.Equal(t, capitalOneFingerprint, d.Removed[0].Fingerprint)
	assert.Equal(t, 0, d.Unchanged)

	d, err = Compare(fixed, vulnerable, piiQuery(10))
	require.NoError(t, err)
	assert.Empty(t, d.Removed)
	require.Len(t, d.Added, 1)
	assert.Equal(t, capitalOneFingerprint, d.Added[0].Fingerprint)

	d, err = Compare(vulnerable, vulnerable, piiQuery(10))
	require.NoError(t, err)
	assert.Empty(t, d.Added)
	assert.Empty(t, d.Removed)
	assert.Equal(t, 1, d.Unchanged)
}

// TestCompareDoesNotReportAPathThatOnlyFellBelowTheLimit: the new estate has
// a cheaper path that pushes an old one out of the top k; the old one still
// exists, so it is not removed.
func TestCompareDoesNotReportAPathThatOnlyFellBelowTheLimit(t *testing.T) {
	old := handGraph(t, hop{"internet", "web", "internet-ingress", 5}, hop{"web", "pii-data", "s3-read", 1})
	new := handGraph(t, hop{"internet", "web", "internet-ingress", 5}, hop{"web", "pii-data", "s3-read", 1},
		hop{"internet", "api", "internet-ingress", 1}, hop{"api", "pii-data", "s3-read", 1})
	d, err := Compare(old, new, piiQuery(1))
	require.NoError(t, err)
	assert.Empty(t, d.Removed, "internet → web → pii-data is still there")
	require.Len(t, d.Added, 1)
	assert.Equal(t, "internet -(internet-ingress)-> api -(s3-read)-> pii-data", d.Added[0].Summary)
	assert.True(t, d.More)
}

func TestCompareWhenANamedNodeExistsOnOneSideOnly(t *testing.T) {
	old := handGraph(t, hop{"internet", "web", "internet-ingress", 1}, hop{"web", "pii-data", "s3-read", 1})
	new := handGraph(t, hop{"internet", "api", "internet-ingress", 1}, hop{"api", "pii-data", "s3-read", 1})
	q := DiffQuery{From: queries.MustSelector("web"), To: queries.MustSelector("pii-data")}
	d, err := Compare(old, new, q)
	require.NoError(t, err, "web is gone in the new estate: its paths are removed")
	assert.Len(t, d.Removed, 1)
	assert.Empty(t, d.Added)

	_, err = Compare(old, new, DiffQuery{From: queries.MustSelector("i-0nope"), To: q.To})
	require.Error(t, err)
	assert.Equal(t, `old: selector "i-0nope": no node has id or name "i-0nope"`, err.Error())
}
