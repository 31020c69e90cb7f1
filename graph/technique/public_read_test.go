package technique

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/scenario"
)

// A principal gains nothing by reading a bucket anyone on the internet
// reads in full, so only the internet gets an edge to it; once Block Public
// Access restricts the bucket, the principal's read is a gain again.
func TestNoReaderEdgesToWhatAnyoneReads(t *testing.T) {
	const estate = `
name: public
accounts:
  - id: "111122223333"
    block_public_access: BPA
    roles:
      - name: reader
        trusted_by: ec2.amazonaws.com
        policies:
          read: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
    buckets:
      - name: site
        policy:
          Version: "2012-10-17"
          Statement:
            - {Sid: PublicRead, Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "arn:aws:s3:::site/*"}
`
	for _, tt := range []struct {
		bpa        string
		readerEdge bool
		publicEdge bool
	}{
		{"false", false, true},
		{"true", true, false},
	} {
		e, err := scenario.Parse("public.yaml", []byte(strings.ReplaceAll(estate, "BPA", tt.bpa)))
		require.NoError(t, err)
		g, _, err := Build(e, All())
		require.NoError(t, err)
		into := map[string]bool{}
		site, ok := g.Lookup("arn:aws:s3:::site")
		require.True(t, ok)
		for _, id := range g.In(site) {
			into[g.Node(g.From(id)).Name+" "+g.Edge(id).Technique] = true
		}
		assert.Equal(t, tt.readerEdge, into["reader s3-read"], "BPA %s", tt.bpa)
		assert.Equal(t, tt.publicEdge, into["internet public-bucket-policy"], "BPA %s", tt.bpa)
	}
}
