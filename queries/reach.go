package queries

import (
	"maps"
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// ReachOptions bound a blast-radius or who-can-reach query.
type ReachOptions struct {
	// MaxHops bounds the number of edges of a path; 0 means DefaultMaxHops.
	MaxHops int
	// Assume lists the attacker capabilities edges may need; edges that
	// need anything else are left out.
	Assume []graph.Assumption
}

func (o ReachOptions) maxHops() int {
	if o.MaxHops <= 0 {
		return DefaultMaxHops
	}
	return o.MaxHops
}

// Reach is the answer of a blast-radius or who-can-reach query: every node
// reached, each with the cheapest path of at most MaxHops edges. Paths are
// built on demand, so a query that reaches a million nodes does not hold a
// million paths.
type Reach struct {
	g        *graph.Graph
	backward bool
	labels   []reachLabel
	answer   []int32 // per node: the label of its cheapest path, or -1
	reached  []graph.NodeIndex
}

// BlastRadius returns everything an attacker who holds any of the sources
// can reach, each node with its cheapest path from a source (single-source
// Dijkstra over out-edges, with every source at cost zero). The sources
// themselves are not listed. Nodes come cheapest first; equal costs are
// ordered by fewer hops, then by node index (that is, by id).
func BlastRadius(g *graph.Graph, sources []graph.NodeIndex, opt ReachOptions) *Reach {
	return reach(g, sources, false, opt)
}

// WhoCanReach returns every node from which an attacker can reach one of
// the targets, each with its cheapest path to the nearest target (the same
// search over in-edges). Targets themselves are not listed, and a path ends
// at the first target it reaches, as Paths does. Order as in BlastRadius.
func WhoCanReach(g *graph.Graph, targets []graph.NodeIndex, opt ReachOptions) *Reach {
	return reach(g, targets, true, opt)
}

// Nodes returns the reached nodes, cheapest first.
func (r *Reach) Nodes() []graph.NodeIndex { return r.reached }

// Len is the number of nodes reached.
func (r *Reach) Len() int { return len(r.reached) }

// Reached reports whether node n was reached (or is a start).
func (r *Reach) Reached(n graph.NodeIndex) bool { return r.answer[n] >= 0 }

// Cost is the cost of the cheapest path of node n, which must be Reached.
func (r *Reach) Cost(n graph.NodeIndex) float64 { return r.labels[r.answer[n]].dist }

// Hops is the number of edges of the cheapest path of node n, which must be
// Reached.
func (r *Reach) Hops(n graph.NodeIndex) int { return int(r.labels[r.answer[n]].hops) }

// Path returns the cheapest path of a reached node n: from a source to n
// for BlastRadius, from n to a target for WhoCanReach. A start has the
// empty path.
func (r *Reach) Path(n graph.NodeIndex) Path {
	var edges []graph.EdgeID
	for l := r.answer[n]; r.labels[l].via >= 0; l = r.labels[l].parent {
		edges = append(edges, r.labels[l].via)
	}
	if !r.backward {
		edges = reverse(edges)
	}
	return pathOfEdges(r.g, edges)
}

// KindGroup is the reached nodes of one kind, cheapest first.
type KindGroup struct {
	Kind  graph.Kind
	Nodes []graph.NodeIndex
}

// ByKind groups the reached nodes by kind, in the order of graph.Kinds()
// (kinds it does not list come last, by name), keeping the cheapest-first
// order inside each group.
func (r *Reach) ByKind() []KindGroup {
	byKind := map[graph.Kind][]graph.NodeIndex{}
	for _, n := range r.reached {
		k := r.g.Node(n).Kind
		byKind[k] = append(byKind[k], n)
	}
	var groups []KindGroup
	for _, k := range graph.Kinds() {
		if nodes, ok := byKind[k]; ok {
			groups = append(groups, KindGroup{Kind: k, Nodes: nodes})
			delete(byKind, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		groups = append(groups, KindGroup{Kind: k, Nodes: byKind[k]})
	}
	return groups
}

func pathOfEdges(g *graph.Graph, edges []graph.EdgeID) Path {
	if len(edges) == 0 {
		return Path{}
	}
	p := Path{Edges: edges, Nodes: make([]graph.NodeIndex, 0, len(edges)+1)}
	p.Nodes = append(p.Nodes, g.From(edges[0]))
	for _, e := range edges {
		p.Nodes = append(p.Nodes, g.To(e))
		p.Cost += g.Cost(e)
	}
	return p
}

// IsActor reports whether an attacker can act from a node of kind k: an
// entry point (the internet), a principal (a user or a role) or a compute
// node (an instance or a function). Who-can-reach lists these by default;
// metadata endpoints, load balancers and data stores are steps, not actors.
func IsActor(k graph.Kind) bool {
	switch k {
	case graph.KindInternet, graph.KindUser, graph.KindRole, graph.KindInstance, graph.KindFunction:
		return true
	}
	return false
}

// Actors returns the reached nodes whose kind IsActor, cheapest first.
func (r *Reach) Actors() []graph.NodeIndex {
	var out []graph.NodeIndex
	for _, n := range r.reached {
		if IsActor(r.g.Node(n).Kind) {
			out = append(out, n)
		}
	}
	return out
}
