package gate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// DefaultBaselineLimit is how many paths per rule a baseline records
// unless told otherwise.
const DefaultBaselineLimit = 1000

// Baseline is the set of paths known at one time, which a later check
// does not fail on. Its file is JSON, sorted, so that a change of it reads
// well in a pull request.
type Baseline struct {
	Version int             `json:"version"`
	Created string          `json:"created"`
	Tool    string          `json:"tool,omitempty"`
	Paths   []BaselineEntry `json:"paths"`

	index map[string]bool
}

// BaselineEntry is one recorded path: its fingerprint, the rule that found
// it, a summary for people, and its key (node ids, and per hop its
// techniques joined by " + "), from which the fingerprint is computed again
// when the file is read.
type BaselineEntry struct {
	Fingerprint string   `json:"fingerprint"`
	Rule        string   `json:"rule"`
	Summary     string   `json:"summary"`
	Nodes       []string `json:"nodes"`
	Techniques  []string `json:"techniques"`
}

func newBaselineEntry(rule string, k Key, summary string) BaselineEntry {
	return BaselineEntry{Fingerprint: k.Fingerprint(), Rule: rule, Summary: summary, Nodes: k.Nodes, Techniques: k.HopLabels()}
}

// Key is the entry's path key.
func (e BaselineEntry) Key() Key { return keyFromLabels(e.Nodes, e.Techniques) }

// Record runs every rule on g and records up to limit paths per rule. It
// returns a warning for each rule that has more paths than that.
func Record(g *graph.Graph, rules []*Rule, limit int, created time.Time, tool string) (*Baseline, []string, error) {
	b := &Baseline{Version: BaselineVersion, Created: created.UTC().Format(time.RFC3339), Tool: tool}
	var warnings []string
	for _, rule := range rules {
		sources, targets, err := resolve(g, rule)
		if err != nil {
			return nil, nil, fmt.Errorf("rule %q: %w", rule.ID, err)
		}
		paths := queries.Paths(g, sources, targets, rule.Options(limit))
		if len(paths) == limit {
			warnings = append(warnings, fmt.Sprintf("rule %s: more than %d paths; the baseline records the %d cheapest (raise --limit)", rule.ID, limit, limit))
		}
		seen := map[string]bool{}
		for _, p := range paths {
			e := newBaselineEntry(rule.ID, KeyOf(g, p), Summary(g, p))
			if !seen[e.Fingerprint] {
				seen[e.Fingerprint] = true
				b.Paths = append(b.Paths, e)
			}
		}
	}
	slices.SortFunc(b.Paths, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	b.buildIndex()
	return b, warnings, nil
}

// ReadBaseline reads a baseline file; name is used in errors. It checks the
// version and that every fingerprint matches its nodes and techniques.
func ReadBaseline(name string, r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d: this pathfinder reads version %d", name, b.Version, BaselineVersion)
	}
	for i, e := range b.Paths {
		if !e.Key().Valid() {
			return nil, fmt.Errorf("baseline %s: paths[%d]: want nodes and one technique list per hop", name, i)
		}
		if got := e.Key().Fingerprint(); got != e.Fingerprint {
			return nil, fmt.Errorf("baseline %s: paths[%d]: fingerprint %q does not match its nodes and techniques (%s)", name, i, e.Fingerprint, got)
		}
	}
	b.buildIndex()
	return &b, nil
}

// Write prints the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	out := *b
	if out.Paths == nil {
		out.Paths = []BaselineEntry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

func (b *Baseline) buildIndex() {
	b.index = make(map[string]bool, len(b.Paths))
	for _, e := range b.Paths {
		b.index[e.Fingerprint] = true
	}
}

// Has reports whether the baseline holds a fingerprint; a nil baseline
// holds none.
func (b *Baseline) Has(fingerprint string) bool { return b != nil && b.index[fingerprint] }

// Len is the number of distinct fingerprints.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return len(b.index)
}

// Fixed returns the entries whose path no longer exists in g, one per
// fingerprint, in file order.
func (b *Baseline) Fixed(g *graph.Graph) []BaselineEntry {
	if b == nil {
		return nil
	}
	all := assumeMask(graph.Assumptions())
	var out []BaselineEntry
	seen := map[string]bool{}
	for _, e := range b.Paths {
		if !seen[e.Fingerprint] && !e.Key().ExistsIn(g, all) {
			out = append(out, e)
		}
		seen[e.Fingerprint] = true
	}
	return out
}
