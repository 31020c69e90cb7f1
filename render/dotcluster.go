package render

import (
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// cluster is one box of the drawing: an account, a VPC inside it, or a
// subnet inside that. The root stands for the graph itself and holds the
// nodes that belong to no account, such as the internet.
type cluster struct {
	id, label, style string
	nodes            []graph.NodeIndex
	children         map[string]*cluster
}

// buildClusters files nodes (given in graph order) under account → VPC →
// subnet, skipping a level a node does not have. A child's id extends its
// parent's, because one VPC can hold subnets of several accounts (shared
// VPCs) and graphviz merges clusters that share an id.
func buildClusters(g *graph.Graph, nodes []graph.NodeIndex) *cluster {
	root := &cluster{}
	for _, n := range nodes {
		node := g.Node(n)
		c := root
		if node.Account != "" {
			c = c.child("cluster_acct_"+node.Account, "account "+node.Account, "rounded")
		}
		if node.VPC != "" {
			c = c.child(c.prefix()+"vpc_"+node.VPC, "vpc "+node.VPC, "rounded,dashed")
		}
		if node.Subnet != "" {
			c = c.child(c.prefix()+"subnet_"+node.Subnet, "subnet "+node.Subnet, "rounded,dotted")
		}
		c.nodes = append(c.nodes, n)
	}
	return root
}

func (c *cluster) prefix() string {
	if c.id == "" {
		return "cluster_"
	}
	return c.id + "_"
}

func (c *cluster) child(id, label, style string) *cluster {
	if c.children == nil {
		c.children = map[string]*cluster{}
	}
	if ch, ok := c.children[id]; ok {
		return ch
	}
	ch := &cluster{id: id, label: label, style: style}
	c.children[id] = ch
	return ch
}

// writeCluster writes c's sub-clusters in id order, then its own nodes.
func writeCluster(sb *strings.Builder, g *graph.Graph, sub subgraph, c *cluster, indent string) {
	inner := indent
	if c.id != "" {
		sb.WriteString(indent + "subgraph " + dotString(c.id) + " {\n")
		inner = indent + "  "
		sb.WriteString(inner + "label=" + dotString(c.label) + "; style=" + dotString(c.style) +
			"; color=\"#7f7f7f\"; fontcolor=\"#404040\";\n")
	}
	ids := make([]string, 0, len(c.children))
	for id := range c.children {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		writeCluster(sb, g, sub, c.children[id], inner)
	}
	for _, n := range c.nodes {
		writeNode(sb, g, sub, n, inner)
	}
	if c.id != "" {
		sb.WriteString(indent + "}\n")
	}
}
