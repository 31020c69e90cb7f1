package queries

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMaxFlow(t *testing.T) {
	tests := []struct {
		name       string
		vertices   int
		arcs       []arcSpec
		want       int64
		sourceSide []bool
	}{
		{"textbook network (CLRS figure 26.1)", 6, []arcSpec{
			{0, 1, 16}, {0, 2, 13}, {1, 3, 12}, {2, 1, 4}, {2, 4, 14}, {3, 2, 9}, {3, 5, 20}, {4, 3, 7}, {4, 5, 4},
		}, 23, []bool{true, true, true, false, true, false}},
		{"parallel arcs add up", 2, []arcSpec{{0, 1, 1}, {0, 1, 1}, {0, 1, 3}}, 5, []bool{true, false}},
		{"a bottleneck in a chain", 4, []arcSpec{{0, 1, 9}, {1, 2, 2}, {2, 3, 9}}, 2, []bool{true, true, false, false}},
		{"needs a flow to be undone", 4, []arcSpec{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}}, 2, []bool{true, false, false, false}},
		{"disconnected", 3, []arcSpec{{0, 1, 5}, {2, 1, 5}}, 0, []bool{true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			net, _ := newFlowNetwork(tt.vertices, tt.arcs)
			assert.Equal(t, tt.want, net.maxFlow(0, int32(tt.vertices-1)))
			var side []bool
			for _, l := range net.level {
				side = append(side, l >= 0)
			}
			assert.Equal(t, tt.sourceSide, side, "source side of the minimum cut")
		})
	}
}
