package queries

import "github.com/pathfinder-sec/pathfinder/graph"

// Path is a loop-free chain of edges. Nodes has one more element than
// Edges: Nodes[i] --Edges[i]--> Nodes[i+1].
type Path struct {
	Nodes []graph.NodeIndex
	Edges []graph.EdgeID
	Cost  float64
}

// From is the path's first node.
func (p Path) From() graph.NodeIndex { return p.Nodes[0] }

// To is the path's last node.
func (p Path) To() graph.NodeIndex { return p.Nodes[len(p.Nodes)-1] }

// Hops is the number of edges.
func (p Path) Hops() int { return len(p.Edges) }

// Assumes returns the union of the assumptions the path's edges need.
func (p Path) Assumes(g *graph.Graph) []graph.Assumption {
	var mask uint8
	for _, e := range p.Edges {
		mask |= g.Assumes(e)
	}
	var out []graph.Assumption
	for _, a := range graph.Assumptions() {
		if mask&graph.AssumptionMask(a) != 0 {
			out = append(out, a)
		}
	}
	return out
}
