package graph

// EdgeID indexes an edge of a frozen Graph; NodeIndex indexes a node.
type (
	EdgeID    = int32
	NodeIndex = int32
)

// Graph is a frozen attack graph: nodes sorted by id, edges sorted by
// (from, to, technique), with forward and reverse adjacency in compressed
// sparse row form. Edge details (evidence, explanation) sit in a side table
// that edges share, so the hot arrays stay small.
type Graph struct {
	nodes []Node
	byID  map[string]int32

	from, to []int32
	cost     []float64
	assumes  []uint8
	detail   []int32
	details  []Edge

	outStart []int32 // edges of node n: ids outStart[n] .. outStart[n+1]-1
	inStart  []int32
	inEdges  []int32
}

func (g *Graph) fill(edges []pending, details []Edge) {
	n, m := len(g.nodes), len(edges)
	g.from, g.to = make([]int32, m), make([]int32, m)
	g.cost, g.assumes, g.detail = make([]float64, m), make([]uint8, m), make([]int32, m)
	g.details = details
	for i, e := range edges {
		g.from[i], g.to[i], g.detail[i] = e.from, e.to, e.detail
		g.cost[i] = details[e.detail].Cost
		g.assumes[i] = assumptionMask(details[e.detail].Assumes)
	}
	g.outStart = make([]int32, n+1)
	g.inStart = make([]int32, n+1)
	for i := 0; i < m; i++ {
		g.outStart[g.from[i]+1]++
		g.inStart[g.to[i]+1]++
	}
	for i := 0; i < n; i++ {
		g.outStart[i+1] += g.outStart[i]
		g.inStart[i+1] += g.inStart[i]
	}
	g.inEdges = make([]int32, m)
	next := append([]int32(nil), g.inStart[:n]...)
	for i := 0; i < m; i++ {
		t := g.to[i]
		g.inEdges[next[t]] = int32(i)
		next[t]++
	}
}

func assumptionMask(as []Assumption) uint8 {
	var mask uint8
	for _, a := range as {
		mask |= AssumptionMask(a)
	}
	return mask
}

// AssumptionMask is the bit of one assumption.
func AssumptionMask(a Assumption) uint8 {
	for i, known := range Assumptions() {
		if known == a {
			return 1 << i
		}
	}
	return 0
}

// NumNodes is the number of nodes.
func (g *Graph) NumNodes() int { return len(g.nodes) }

// NumEdges is the number of edges.
func (g *Graph) NumEdges() int { return len(g.from) }

// Node returns node i.
func (g *Graph) Node(i NodeIndex) *Node { return &g.nodes[i] }

// Lookup finds a node by id.
func (g *Graph) Lookup(id string) (NodeIndex, bool) {
	i, ok := g.byID[id]
	return i, ok
}

// Out returns the ids of the edges leaving node n, as a half-open range.
func (g *Graph) Out(n NodeIndex) (first, end EdgeID) {
	return g.outStart[n], g.outStart[n+1]
}

// In returns the ids of the edges entering node n.
func (g *Graph) In(n NodeIndex) []EdgeID { return g.inEdges[g.inStart[n]:g.inStart[n+1]] }

// From returns the source node of edge e.
func (g *Graph) From(e EdgeID) NodeIndex { return g.from[e] }

// To returns the target node of edge e.
func (g *Graph) To(e EdgeID) NodeIndex { return g.to[e] }

// Cost returns the cost of edge e.
func (g *Graph) Cost(e EdgeID) float64 { return g.cost[e] }

// Assumes returns the assumption bits edge e needs (see AssumptionMask).
func (g *Graph) Assumes(e EdgeID) uint8 { return g.assumes[e] }

// Edge returns the details of edge e: technique, evidence, explanation.
// Details may be shared by several edges (AddEdgeLike), so take the
// endpoints from From and To, not from the details.
func (g *Graph) Edge(e EdgeID) *Edge { return &g.details[g.detail[e]] }
