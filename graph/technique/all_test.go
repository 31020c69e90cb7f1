package technique

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegistry checks what reports and the CLI rely on: every technique has
// a unique id, documentation, a cost and a derive function.
func TestRegistry(t *testing.T) {
	attackID := regexp.MustCompile(`^T\d{4}(\.\d{3})?$`)
	seen := map[string]bool{}
	for _, tech := range All() {
		t.Run(tech.ID, func(t *testing.T) {
			assert.False(t, seen[tech.ID], "duplicate id")
			seen[tech.ID] = true
			assert.NotEmpty(t, tech.Title)
			assert.Regexp(t, attackID, tech.Attack)
			assert.Greater(t, len(tech.Why), 80, "why it works, in sentences")
			assert.Greater(t, len(tech.Remediation), 40)
			assert.Positive(t, tech.Cost)
			assert.NotNil(t, tech.Derive)
			got, ok := ByID(tech.ID)
			assert.True(t, ok)
			assert.Same(t, tech, got)
		})
	}
	_, ok := ByID("no-such-technique")
	assert.False(t, ok)
}

// TestEveryTechniqueHasAScenario checks that the end-to-end suite
// (testdata/scenarios and testdata/scenarios/privesc, answered in their
// golden folders) exercises every technique on some path.
func TestEveryTechniqueHasAScenario(t *testing.T) {
	files, err := filepath.Glob("../../testdata/scenarios/golden/*.json")
	require.NoError(t, err)
	privesc, err := filepath.Glob("../../testdata/scenarios/privesc/golden/*.json")
	require.NoError(t, err)
	files = append(files, privesc...)
	require.NotEmpty(t, files)
	used := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var ans struct {
			Paths []struct {
				Edges []struct {
					Technique  string   `json:"technique"`
					Techniques []string `json:"techniques"`
				} `json:"edges"`
			} `json:"paths"`
		}
		require.NoError(t, json.Unmarshal(data, &ans), f)
		for _, p := range ans.Paths {
			for _, e := range p.Edges {
				used[e.Technique] = true
				for _, id := range e.Techniques {
					used[id] = true
				}
			}
		}
	}
	for _, tech := range All() {
		assert.True(t, used[tech.ID], "no scenario golden has a path through %s", tech.ID)
	}
}
