package render

import "github.com/pathfinder-sec/pathfinder/graph"

// nodeStyle is how one kind of node looks: a shape a reader learns once
// (box = compute, hexagon = identity, cylinder = data) and a fill by group.
type nodeStyle struct{ shape, style, fill string }

const (
	fillInternet  = "#d9d9d9"
	fillCompute   = "#cfe2f3"
	fillMetadata  = "#fff2cc"
	fillPrincipal = "#fce5cd"
	fillAdmin     = "#f4cccc"
	fillData      = "#d9ead3"
)

func styleOf(k graph.Kind) nodeStyle {
	switch k {
	case graph.KindInternet:
		return nodeStyle{"ellipse", "filled", fillInternet}
	case graph.KindLoadBalancer:
		return nodeStyle{"trapezium", "filled", fillCompute}
	case graph.KindInstance:
		return nodeStyle{"box", "filled", fillCompute}
	case graph.KindFunction:
		return nodeStyle{"box", "filled,rounded", fillCompute}
	case graph.KindMetadata:
		return nodeStyle{"component", "filled", fillMetadata}
	case graph.KindAccountAdmin:
		return nodeStyle{"doubleoctagon", "filled", fillAdmin}
	}
	switch {
	case k == graph.KindGroup || k.IsPrincipal():
		return nodeStyle{"hexagon", "filled", fillPrincipal}
	case k.IsDataStore():
		return nodeStyle{"cylinder", "filled", fillData}
	}
	return nodeStyle{"box", "filled", "white"}
}
