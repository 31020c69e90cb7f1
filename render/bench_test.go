package render

import (
	"bytes"
	"fmt"
	"github.com/pathfinder-sec/pathfinder/render/svg"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/queries"
)

// ladderGraph gives `paths` paths of `hops` assume-role hops each, over
// roles spread across three accounts, like a large answer of `paths -k`.
func ladderGraph(b *testing.B, paths, hops int) (*graph.Graph, []queries.Path) {
	bld := graph.NewBuilder()
	id := func(p, h int) string {
		return fmt.Sprintf("arn:aws:iam::%012d:role/r-%d-%d", 100000000000+h%3, p, h)
	}
	for p := range paths {
		for h := 0; h <= hops; h++ {
			_, err := bld.AddNode(graph.Node{ID: id(p, h), Kind: graph.KindRole, Name: fmt.Sprintf("r-%d-%d", p, h),
				Account: fmt.Sprintf("%012d", 100000000000+h%3)})
			require.NoError(b, err)
			if h > 0 {
				require.NoError(b, bld.AddEdge(graph.Edge{From: id(p, h-1), To: id(p, h), Technique: "assume-role", Cost: 1,
					Explanation: "The trust policy lets the caller assume the role.",
					Evidence:    []graph.Evidence{{Kind: "trust-policy", Source: id(p, h), Detail: "statement 0: Allow sts:AssumeRole"}},
					Remediation: "Narrow the trust policy."}))
			}
		}
	}
	g := bld.Freeze()
	out := make([]queries.Path, paths)
	for p := range paths {
		ids := make([]string, hops+1)
		for h := range ids {
			ids[h] = id(p, h)
		}
		out[p] = pathOf(b, g, ids...)
	}
	return g, out
}

func BenchmarkRender(b *testing.B) {
	g, paths := ladderGraph(b, 20, 10)
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			_ = WriteJSON(io.Discard, NewAnswer(g, paths, nil))
		}
	})
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			WriteText(io.Discard, g, paths, nil)
		}
	})
	b.Run("dot", func(b *testing.B) {
		for b.Loop() {
			_ = WriteDOT(io.Discard, g, paths, DOTOptions{})
		}
	})
}

func BenchmarkSVG(b *testing.B) {
	for _, size := range []struct{ paths, hops int }{{3, 4}, {20, 10}} {
		g, paths := ladderGraph(b, size.paths, size.hops)
		var dot bytes.Buffer
		require.NoError(b, WriteDOT(&dot, g, paths, DOTOptions{}))
		b.Run(fmt.Sprintf("%dx%d", size.paths, size.hops), func(b *testing.B) {
			for b.Loop() {
				if _, err := svg.Render(dot.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
