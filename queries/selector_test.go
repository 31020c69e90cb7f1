package queries

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/graph"
)

func selectorGraph(t *testing.T) *graph.Graph {
	b := graph.NewBuilder()
	for _, n := range []graph.Node{
		{ID: "internet", Kind: graph.KindInternet, Name: "internet"},
		{ID: "arn:aws:ec2:us-east-1:111122223333:instance/i-0waf", Kind: graph.KindInstance, Name: "i-0waf"},
		{ID: "arn:aws:iam::111122223333:role/waf-role", Kind: graph.KindRole, Name: "waf-role"},
		{ID: "arn:aws:iam::111122223333:role/ops-admin", Kind: graph.KindRole, Name: "ops-admin", Admin: true},
		{ID: "arn:aws:s3:::customer-data", Kind: graph.KindBucket, Name: "customer-data", Tags: map[string]string{"data-classification": "pii"}},
		{ID: "arn:aws:s3:::waf-logs", Kind: graph.KindBucket, Name: "waf-logs"},
		{ID: "arn:aws:s3:::hr", Kind: graph.KindBucket, Name: "hr", Tags: map[string]string{"sensitive": "TRUE"}},
		{ID: "arn:aws:ec2:us-east-1:111122223333:instance/i-tagged", Kind: graph.KindInstance, Name: "i-tagged", Tags: map[string]string{"data-classification": "pii"}},
	} {
		_, err := b.AddNode(n)
		require.NoError(t, err)
	}
	return b.Freeze()
}

func TestSelectors(t *testing.T) {
	g := selectorGraph(t)
	tests := []struct {
		selector string
		want     []string
	}{
		{"internet", []string{"internet"}},
		{"admin", []string{"ops-admin"}},
		{"crown-jewels", []string{"hr", "customer-data", "ops-admin"}},
		{"tag:data-classification=pii", []string{"customer-data", "i-tagged"}},
		{"tag:data-classification=public", nil},
		{"kind:s3-bucket", []string{"hr", "customer-data", "waf-logs"}},
		{"i-0waf", []string{"i-0waf"}},
		{"arn:aws:iam::111122223333:role/waf-role", []string{"waf-role"}},
		{"waf-role, internet", []string{"internet", "waf-role"}},
	}
	for _, tt := range tests {
		t.Run(tt.selector, func(t *testing.T) {
			sel, err := ParseSelector(tt.selector)
			require.NoError(t, err)
			nodes, err := sel.Resolve(g)
			require.NoError(t, err)
			var names []string
			for _, n := range nodes {
				names = append(names, g.Node(n).Name)
			}
			assert.ElementsMatch(t, tt.want, names)
		})
	}
}

func TestSelectorErrors(t *testing.T) {
	g := selectorGraph(t)
	for _, tt := range []struct{ selector, want string }{
		{"tag:novalue", "want tag:KEY=VALUE"},
		{"kind:bucket", `unknown kind "bucket"`},
		{"admin,,internet", "empty term"},
	} {
		_, err := ParseSelector(tt.selector)
		assert.ErrorContains(t, err, tt.want, tt.selector)
	}
	sel := MustSelector("i-0nope")
	_, err := sel.Resolve(g)
	assert.ErrorContains(t, err, `no node has id or name "i-0nope"`)
}
