package queries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// Selector names a set of nodes. Its forms:
//
//	internet       the internet
//	admin          admin-equivalent principals and account-admin nodes
//	crown-jewels   sensitive data stores (see SensitiveTags) and admin
//	tag:KEY=VALUE  nodes with that tag
//	kind:KIND      nodes of that kind
//	ID             a node id (an ARN) or a short name (i-0waf, waf-role)
//
// Several selectors joined with commas name the union of their sets.
type Selector struct {
	text  string
	terms []term
}

type term struct {
	text  string
	exact bool // an id or name: matching nothing is an error
	match func(*graph.Node) bool
}

// ParseSelector parses a selector expression.
func ParseSelector(text string) (Selector, error) {
	sel := Selector{text: text}
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			return Selector{}, fmt.Errorf("selector %q: empty term", text)
		}
		t, err := parseTerm(part)
		if err != nil {
			return Selector{}, fmt.Errorf("selector %q: %w", text, err)
		}
		sel.terms = append(sel.terms, t)
	}
	return sel, nil
}

// MustSelector parses a selector known to be valid.
func MustSelector(text string) Selector {
	s, err := ParseSelector(text)
	if err != nil {
		panic(err)
	}
	return s
}

func (s Selector) String() string { return s.text }

func parseTerm(text string) (term, error) {
	t := term{text: text}
	switch {
	case text == "internet":
		t.match = func(n *graph.Node) bool { return n.Kind == graph.KindInternet }
	case text == "admin":
		t.match = func(n *graph.Node) bool { return n.Admin }
	case text == "crown-jewels":
		t.match = func(n *graph.Node) bool { return n.Admin || IsSensitive(n) }
	case strings.HasPrefix(text, "tag:"):
		key, value, ok := strings.Cut(strings.TrimPrefix(text, "tag:"), "=")
		if !ok || key == "" {
			return t, fmt.Errorf("%q: want tag:KEY=VALUE", text)
		}
		t.match = func(n *graph.Node) bool { v, ok := n.Tags[key]; return ok && v == value }
	case strings.HasPrefix(text, "kind:"):
		kind := graph.Kind(strings.TrimPrefix(text, "kind:"))
		if !slices.Contains(graph.Kinds(), kind) {
			return t, fmt.Errorf("unknown kind %q (kinds: %s)", kind, kindList())
		}
		t.match = func(n *graph.Node) bool { return n.Kind == kind }
	default:
		t.exact = true
		t.match = func(n *graph.Node) bool { return n.ID == text || n.Name == text }
	}
	return t, nil
}

func kindList() string {
	var names []string
	for _, k := range graph.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// Resolve returns the nodes the selector names, in index order. An id or
// name that names no node is an error, since it is almost always a typo;
// a tag or kind that matches nothing is an empty set.
func (s Selector) Resolve(g *graph.Graph) ([]graph.NodeIndex, error) {
	seen := make(map[graph.NodeIndex]bool)
	for _, t := range s.terms {
		found := false
		for i := 0; i < g.NumNodes(); i++ {
			if t.match(g.Node(graph.NodeIndex(i))) {
				seen[graph.NodeIndex(i)] = true
				found = true
			}
		}
		if t.exact && !found {
			return nil, fmt.Errorf("selector %q: no node has id or name %q", s.text, t.text)
		}
	}
	out := make([]graph.NodeIndex, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

// SensitiveTags are the tag values that mark a data store as a crown jewel:
// data-classification (or classification) set to one of them, or
// sensitive=true.
var SensitiveTags = []string{"pii", "phi", "pci", "confidential", "restricted", "secret", "sensitive"}

// IsSensitive reports whether a node is a data store tagged as sensitive.
func IsSensitive(n *graph.Node) bool {
	if !n.Kind.IsDataStore() {
		return false
	}
	for _, key := range []string{"data-classification", "classification", "DataClassification"} {
		if slices.Contains(SensitiveTags, strings.ToLower(n.Tags[key])) {
			return true
		}
	}
	return strings.EqualFold(n.Tags["sensitive"], "true")
}
