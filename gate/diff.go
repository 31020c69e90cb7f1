package gate

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// DiffQuery is the path query two estates are compared on.
type DiffQuery struct {
	From, To queries.Selector
	Options  queries.PathOptions
}

// DiffPath is a path of one side of a diff, on that side's graph.
type DiffPath struct {
	Fingerprint string
	Summary     string
	Key         Key
	Path        queries.Path
}

// Diff lists the paths one estate has and the other has not.
type Diff struct {
	Query    DiffQuery
	Old, New *graph.Graph
	// Added are paths of New that Old does not have, cheapest first;
	// Removed are paths of Old that New does not have.
	Added, Removed []DiffPath
	// Unchanged counts the paths of New that Old has too.
	Unchanged int
	// More is set when a side has more paths than the query's limit, so
	// paths beyond it were not compared.
	More bool
}

// Compare runs the query on both graphs and compares the paths by
// fingerprint. A path found on one side only is checked on the other side
// exactly (every hop still an edge, still an answer of the query), so that
// a path that merely dropped below the limit is not reported.
func Compare(old, new *graph.Graph, q DiffQuery) (*Diff, error) {
	o, err := runSide("old", old, q)
	if err != nil {
		return nil, err
	}
	n, err := runSide("new", new, q)
	if err != nil {
		return nil, err
	}
	if o.missing != nil && n.missing != nil {
		return nil, o.missing
	}
	d := &Diff{Query: q, Old: old, New: new, More: o.more || n.more}
	for _, p := range n.paths {
		if o.has(p) {
			d.Unchanged++
		} else {
			d.Added = append(d.Added, p)
		}
	}
	for _, p := range o.paths {
		if !n.has(p) {
			d.Removed = append(d.Removed, p)
		}
	}
	return d, nil
}

// side is one graph's answer to the query.
type side struct {
	g                *graph.Graph
	sources, targets map[graph.NodeIndex]bool
	paths            []DiffPath
	byFingerprint    map[string]bool
	mask             uint8
	maxHops          int
	more             bool
	// missing is set when a selector names a node this side lacks; the
	// side then has no path, which is a difference, not an error, unless
	// both sides lack it.
	missing error
}

func runSide(name string, g *graph.Graph, q DiffQuery) (*side, error) {
	opt := q.Options
	if opt.Limit <= 0 {
		opt.Limit = queries.DefaultLimit
	}
	if opt.MaxHops <= 0 {
		opt.MaxHops = queries.DefaultMaxHops
	}
	s := &side{g: g, byFingerprint: map[string]bool{}, mask: assumeMask(opt.Assume), maxHops: opt.MaxHops}
	sources, errFrom := q.From.Resolve(g)
	targets, errTo := q.To.Resolve(g)
	if errFrom != nil || errTo != nil {
		s.missing = fmt.Errorf("%s: %w", name, firstErr(errFrom, errTo))
		return s, nil
	}
	s.sources, s.targets = indexSet(sources), indexSet(targets)
	paths := queries.Paths(g, sources, targets, opt)
	s.more = len(paths) == opt.Limit
	for _, p := range paths {
		k := KeyOf(g, p)
		fp := k.Fingerprint()
		if !s.byFingerprint[fp] {
			s.byFingerprint[fp] = true
			s.paths = append(s.paths, DiffPath{Fingerprint: fp, Summary: Summary(g, p), Key: k, Path: p})
		}
	}
	return s, nil
}

// has reports whether this side has the other side's path p.
func (s *side) has(p DiffPath) bool {
	if s.missing != nil {
		return false
	}
	if s.byFingerprint[p.Fingerprint] {
		return true
	}
	return p.Key.ExistsIn(s.g, s.mask) && p.Key.answersQuery(s.g, s.sources, s.targets, s.maxHops)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
