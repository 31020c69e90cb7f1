package awsmanaged

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged/internal/catalog"
)

//go:embed catalogue.json.gz
var embedded []byte

// Entry is one AWS managed policy at its default version.
type Entry struct {
	Name    string // "ViewOnlyAccess"
	ARN     string // "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
	Version string // the default version id, "v17"
	// Source says where the document was read from, as
	// "owner/repository:path@commit".
	Source string
	// Document is shared by every caller: treat it as read-only.
	Document *iam.Policy
}

// index is the parsed catalogue with its lookup tables.
type index struct {
	entries []Entry        // sorted by ARN
	byARN   map[string]int // exact ARN
	byName  map[string]int // lower-case name, and lower-case path/name
}

var (
	loadOnce sync.Once
	loaded   *index
	loadErr  error
)

func catalogue() (*index, error) {
	loadOnce.Do(func() { loaded, loadErr = load(embedded) })
	return loaded, loadErr
}

// Err reports whether the embedded catalogue failed to load. It cannot
// fail in a build whose tests pass; Lookup and All then find nothing, so
// a caller that must not miss policies checks Err first.
func Err() error {
	_, err := catalogue()
	return err
}

// All returns every entry, sorted by ARN. The slice is the caller's own.
func All() []Entry {
	idx, err := catalogue()
	if err != nil {
		return nil
	}
	return append([]Entry(nil), idx.entries...)
}

func load(gz []byte) (*index, error) {
	records, err := catalog.Decode(gz)
	if err != nil {
		return nil, fmt.Errorf("load AWS managed policy catalogue: %w", err)
	}
	idx := &index{byARN: map[string]int{}, byName: map[string]int{}}
	for _, r := range records {
		e, err := newEntry(r)
		if err != nil {
			return nil, fmt.Errorf("load AWS managed policy catalogue: %w", err)
		}
		idx.entries = append(idx.entries, e)
	}
	sort.Slice(idx.entries, func(i, j int) bool { return idx.entries[i].ARN < idx.entries[j].ARN })
	for i, e := range idx.entries {
		idx.byARN[e.ARN] = i
		idx.byName[strings.ToLower(e.Name)] = i
		idx.byName[strings.ToLower(strings.TrimPrefix(e.ARN, catalog.ARNPrefix))] = i
	}
	return idx, nil
}

func newEntry(r catalog.Record) (Entry, error) {
	if r.Name == "" || r.ARN == "" || r.Version == "" || r.Source == "" {
		return Entry{}, fmt.Errorf("record %q: name, arn, version and source are required", r.ARN)
	}
	doc, err := iam.Parse(r.Document)
	if err != nil {
		return Entry{}, fmt.Errorf("%s: %w", r.ARN, err)
	}
	return Entry{Name: r.Name, ARN: r.ARN, Version: r.Version, Source: r.Source, Document: doc}, nil
}
