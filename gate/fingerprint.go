package gate

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// fingerprintDomain starts every hashed path, so that a fingerprint cannot
// be mistaken for the hash of anything else, and a future change of the
// encoding can take a new one.
const fingerprintDomain = "pathfinder/path/v1"

// FingerprintLen is the number of hex digits of a fingerprint: 64 bits,
// enough that two of the paths of one organisation do not collide, and
// short enough to paste into an allow list.
const FingerprintLen = 16

// Key is what identifies a path across runs and estates: its node ids in
// order, and for each hop the techniques it relies on (sorted). Nothing
// else enters it: not costs, not evidence, not the rest of the graph.
type Key struct {
	Nodes      []string
	Techniques [][]string
}

// KeyOf returns the key of a path on g.
func KeyOf(g *graph.Graph, p queries.Path) Key {
	k := Key{Nodes: make([]string, len(p.Nodes)), Techniques: make([][]string, len(p.Edges))}
	for i, n := range p.Nodes {
		k.Nodes[i] = g.Node(n).ID
	}
	for i, e := range p.Edges {
		k.Techniques[i] = hopTechniques(g.Edge(e))
	}
	return k
}

func hopTechniques(e *graph.Edge) []string {
	ts := slices.Clone(e.AllTechniques())
	slices.Sort(ts)
	return slices.Compact(ts)
}

// Fingerprint is the first FingerprintLen hex digits of the SHA-256 of the
// key. Every string and every list is length-prefixed, so that no two keys
// encode alike (technique ids such as iam:PassRole+ec2:RunInstances hold a
// "+", so no separator would do).
func (k Key) Fingerprint() string {
	h := sha256.New()
	var buf [binary.MaxVarintLen64]byte
	length := func(n int) { h.Write(buf[:binary.PutUvarint(buf[:], uint64(n))]) }
	field := func(s string) {
		length(len(s))
		h.Write([]byte(s))
	}
	field(fingerprintDomain)
	length(len(k.Nodes))
	for i, id := range k.Nodes {
		field(id)
		if i < len(k.Techniques) {
			length(len(k.Techniques[i]))
			for _, t := range k.Techniques[i] {
				field(t)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:FingerprintLen]
}

// hopSeparator joins the techniques of one hop in text (baseline files,
// summaries); technique ids hold no space, so it splits back unambiguously.
const hopSeparator = " + "

// HopLabels returns each hop's techniques joined: "s3-read + kms-decrypt"
// (sorted, as the key holds them).
func (k Key) HopLabels() []string {
	out := make([]string, len(k.Techniques))
	for i, ts := range k.Techniques {
		out[i] = strings.Join(ts, hopSeparator)
	}
	return out
}

// keyFromLabels is the inverse of HopLabels.
func keyFromLabels(nodes, labels []string) Key {
	k := Key{Nodes: nodes, Techniques: make([][]string, len(labels))}
	for i, l := range labels {
		if l != "" {
			k.Techniques[i] = strings.Split(l, hopSeparator)
		}
	}
	return k
}

// Valid reports whether the key describes a path: at least one hop, and
// one technique list per hop.
func (k Key) Valid() bool {
	if len(k.Nodes) < 2 || len(k.Techniques) != len(k.Nodes)-1 {
		return false
	}
	for _, ts := range k.Techniques {
		if len(ts) == 0 {
			return false
		}
	}
	return true
}

// Summary writes a path on one line for people, with the short names of its
// nodes: `internet -(internet-ingress)-> i-0waf -(ssrf-imdsv1)-> ...`.
func Summary(g *graph.Graph, p queries.Path) string {
	var sb strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			sb.WriteString(" -(" + strings.Join(g.Edge(p.Edges[i-1]).AllTechniques(), hopSeparator) + ")-> ")
		}
		sb.WriteString(shortName(g.Node(n)))
	}
	return sb.String()
}

func shortName(n *graph.Node) string {
	if n.Name != "" {
		return n.Name
	}
	return n.ID
}
