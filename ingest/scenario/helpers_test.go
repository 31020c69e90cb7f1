package scenario

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func estateJSON(t *testing.T, e *ingest.Estate) string {
	t.Helper()
	b, err := json.MarshalIndent(e, "", "  ")
	require.NoError(t, err)
	return string(b)
}
