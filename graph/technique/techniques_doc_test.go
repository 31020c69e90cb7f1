package technique

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "update golden files")

// TestTechniquesDoc keeps docs/techniques.md equal to what the Technique
// values and the scenario goldens say, so the table never drifts: run with
// -update after changing a technique.
func TestTechniquesDoc(t *testing.T) {
	scenarios := scenarioOfTechnique(t)
	var rows []docRow
	for _, tech := range All() {
		rows = append(rows, newDocRow(tech, scenarios[tech.ID]))
	}
	tmpl, err := template.ParseFiles(filepath.Join("testdata", "techniques.md.tmpl"))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, tmpl.Execute(&buf, rows))
	path := filepath.Join("..", "..", "docs", "techniques.md")
	if *update {
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String(), "docs/techniques.md is stale: go test ./graph/technique -run TestTechniquesDoc -update")
}

// TestEscalationsAreDocumented checks what the table promises for every
// escalation technique: the permissions it needs, what it yields, steps an
// operator can follow, a catalogue entry or a reason to have none, and
// references.
func TestEscalationsAreDocumented(t *testing.T) {
	for _, tech := range escalations() {
		t.Run(tech.ID, func(t *testing.T) {
			assert.NotEmpty(t, tech.Permissions)
			for _, p := range tech.Permissions {
				assert.Regexp(t, `^[a-z0-9-]+:[A-Za-z0-9]+`, p, "a permission starts with an IAM action")
			}
			assert.NotEmpty(t, tech.Yields)
			require.NotEmpty(t, tech.Steps)
			for _, s := range tech.Steps {
				assert.True(t, strings.HasPrefix(s, "aws ") || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "ssh ") || strings.HasPrefix(s, "sign in"), s)
			}
			assert.NotEmpty(t, tech.Catalogue)
			assert.NotEmpty(t, tech.References)
			for _, r := range tech.References {
				assert.True(t, strings.HasPrefix(r, "https://"), r)
			}
		})
	}
}

// docRow is one technique as the document shows it.
type docRow struct {
	ID, Anchor, Title, Attack, Permissions, Yields, Scenario, Catalogue string
	Why, Steps, Remediation, References, Cost, Assumes                  string
}

func newDocRow(t *Technique, scenario string) docRow {
	r := docRow{ID: t.ID, Anchor: anchor(t.ID), Title: t.Title, Attack: t.Attack, Why: t.Why, Remediation: t.Remediation,
		Permissions: cell(t.Permissions, true), Yields: orDash(t.Yields), Scenario: orDash(scenario),
		Catalogue: cell(t.Catalogue, false), Steps: strings.Join(t.Steps, "\n"),
		Cost: strconv.FormatFloat(t.Cost, 'g', -1, 64)}
	var assumes []string
	for _, a := range t.Assumes {
		assumes = append(assumes, string(a))
	}
	r.Assumes = strings.Join(assumes, ",")
	var refs []string
	for _, u := range t.References {
		refs = append(refs, "<"+u+">")
	}
	r.References = strings.Join(refs, ", ")
	return r
}

// cell joins a list for a table cell, the first word of each item (an
// IAM action) in backquotes when asked.
func cell(items []string, quoteFirst bool) string {
	if len(items) == 0 {
		return "–"
	}
	parts := make([]string, len(items))
	for i, s := range items {
		if quoteFirst {
			first, rest, _ := strings.Cut(s, " ")
			s = strings.TrimSpace("`" + first + "` " + rest)
		}
		parts[i] = strings.ReplaceAll(s, "|", "\\|")
	}
	return strings.Join(parts, "<br>")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

var notAnchor = regexp.MustCompile(`[^a-z0-9 -]`)

// anchor is the id GitHub gives a heading.
func anchor(heading string) string {
	return strings.ReplaceAll(notAnchor.ReplaceAllString(strings.ToLower(heading), ""), " ", "-")
}

// scenarioOfTechnique maps each technique to an end-to-end answer with a
// path through it: from the core suite if one has it, else the privesc
// suite; of several, the shortest name (the scenario named after the
// technique rather than its variants).
func scenarioOfTechnique(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, glob := range []string{"testdata/scenarios/golden/*.json", "testdata/scenarios/privesc/golden/*.json"} {
		files, err := filepath.Glob(filepath.Join("..", "..", glob))
		require.NoError(t, err)
		found := map[string]string{}
		for _, f := range files {
			for _, id := range techniquesIn(t, f) {
				if old, ok := found[id]; !ok || len(f) < len(old) || (len(f) == len(old) && f < old) {
					found[id] = f
				}
			}
		}
		for id, f := range found {
			if _, ok := out[id]; !ok {
				out[id] = scenarioLink(f)
			}
		}
	}
	return out
}

// techniquesIn lists the techniques of the paths of a golden answer.
func techniquesIn(t *testing.T, golden string) []string {
	data, err := os.ReadFile(golden)
	require.NoError(t, err)
	var ans struct {
		Paths []struct {
			Edges []struct {
				Technique  string   `json:"technique"`
				Techniques []string `json:"techniques"`
			} `json:"edges"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(data, &ans), golden)
	var ids []string
	for _, p := range ans.Paths {
		for _, e := range p.Edges {
			ids = append(append(ids, e.Technique), e.Techniques...)
		}
	}
	return ids
}

// scenarioLink names a golden answer by the scenario it answers: the
// privesc goldens are named after their scenario files, the core ones
// after their test cases.
func scenarioLink(golden string) string {
	base := strings.TrimSuffix(filepath.Base(golden), ".json")
	if strings.Contains(filepath.ToSlash(golden), "/privesc/") {
		return "[`privesc/" + base + "`](../testdata/scenarios/privesc/" + base + ".yaml)"
	}
	return "[`" + base + "`](../testdata/scenarios/golden/" + base + ".json)"
}
