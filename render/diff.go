package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
)

// DiffJSON is what `diff --format json` prints.
type DiffJSON struct {
	Old       string         `json:"old"`
	New       string         `json:"new"`
	From      string         `json:"from"`
	To        string         `json:"to"`
	Added     []DiffPathJSON `json:"added"`
	Removed   []DiffPathJSON `json:"removed"`
	Unchanged int            `json:"unchanged"`
	More      bool           `json:"more,omitempty"`
}

// DiffPathJSON is a path that one side has and the other has not, on the
// side that has it.
type DiffPathJSON struct {
	Fingerprint string   `json:"fingerprint"`
	Summary     string   `json:"summary"`
	Path        PathJSON `json:"path"`
}

// NewDiffJSON describes a diff; oldName and newName are the sources.
func NewDiffJSON(d *gate.Diff, oldName, newName string) DiffJSON {
	return DiffJSON{Old: oldName, New: newName, From: d.Query.From.String(), To: d.Query.To.String(),
		Added: diffPathsJSON(d.New, d.Added), Removed: diffPathsJSON(d.Old, d.Removed),
		Unchanged: d.Unchanged, More: d.More}
}

func diffPathsJSON(g *graph.Graph, ps []gate.DiffPath) []DiffPathJSON {
	out := make([]DiffPathJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, DiffPathJSON{Fingerprint: p.Fingerprint, Summary: p.Summary, Path: newPathJSON(g, p.Path)})
	}
	return out
}

// WriteDiffJSON prints a diff as indented JSON.
func WriteDiffJSON(w io.Writer, d *gate.Diff, oldName, newName string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewDiffJSON(d, oldName, newName)); err != nil {
		return fmt.Errorf("write json diff: %w", err)
	}
	return nil
}

// WriteDiffText prints a diff for a person: each added path (+) hop by
// hop, as the new estate has it, each removed path (-) on one line, and the
// counts.
func WriteDiffText(w io.Writer, d *gate.Diff, oldName, newName string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "pathfinder diff: paths from %s to %s\n  old: %s\n  new: %s\n",
		printable(d.Query.From.String(), false), printable(d.Query.To.String(), false),
		printable(oldName, false), printable(newName, false))
	for _, p := range d.Added {
		fmt.Fprintf(&sb, "\n+ added %s · cost %s · %s\n", p.Fingerprint, formatCost(p.Path.Cost), pathEnds(d.New, p.Path))
		writeHopsText(&sb, d.New, p.Path, "    ")
	}
	if len(d.Removed) > 0 {
		sb.WriteByte('\n')
	}
	for _, p := range d.Removed {
		fmt.Fprintf(&sb, "- removed %s · cost %s · %s\n", p.Fingerprint, formatCost(p.Path.Cost), printable(p.Summary, false))
	}
	fmt.Fprintf(&sb, "\n%d added, %d removed, %d unchanged\n", len(d.Added), len(d.Removed), d.Unchanged)
	if d.More {
		sb.WriteString("note: a side has more paths than --limit; paths beyond the limit were not compared\n")
	}
	_, _ = io.WriteString(w, sb.String())
}
