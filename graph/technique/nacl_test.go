package technique

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/internal/ipset"
)

func entry(rule int, egress bool, allow bool, protocol, cidr string, from, to int) ingest.ACLEntry {
	return ingest.ACLEntry{RuleNumber: rule, Egress: egress, Allow: allow, Protocol: protocol, CIDR: cidr, FromPort: from, ToPort: to}
}

var defaultEntries = []ingest.ACLEntry{
	entry(100, false, true, "-1", "0.0.0.0/0", 0, 0), entry(32767, false, false, "-1", "0.0.0.0/0", 0, 0),
	entry(100, true, true, "-1", "0.0.0.0/0", 0, 0), entry(32767, true, false, "-1", "0.0.0.0/0", 0, 0),
}

// TestNACLPassage checks the stateless, ordered evaluation of network ACLs
// (VPC User Guide, "Control subnet traffic with network access control
// lists": rules are evaluated in order, lowest number first, the first match
// decides, and because ACLs are stateless the reply must be allowed out).
func TestNACLPassage(t *testing.T) {
	tests := []struct {
		name    string
		entries []ingest.ACLEntry
		port    portRange
		want    bool
	}{
		{"AWS default ACL passes everything", defaultEntries, portRange{443, 443}, true},
		{"a lower-numbered deny of the whole internet wins", append([]ingest.ACLEntry{entry(50, false, false, "-1", "0.0.0.0/0", 0, 0)}, defaultEntries...), portRange{443, 443}, false},
		{"a higher-numbered deny comes too late", append([]ingest.ACLEntry{entry(200, false, false, "-1", "0.0.0.0/0", 0, 0)}, defaultEntries...), portRange{443, 443}, true},
		{"a deny of half the internet leaves the other half", append([]ingest.ACLEntry{entry(50, false, false, "-1", "0.0.0.0/1", 0, 0)}, defaultEntries...), portRange{443, 443}, true},
		{"a deny of the port only", append([]ingest.ACLEntry{entry(50, false, false, "6", "0.0.0.0/0", 443, 443)}, defaultEntries...), portRange{443, 443}, false},
		{"a deny of one port leaves another in the range", append([]ingest.ACLEntry{entry(50, false, false, "6", "0.0.0.0/0", 443, 443)}, defaultEntries...), portRange{80, 443}, true},
		{"udp rules do not match tcp", append([]ingest.ACLEntry{entry(50, false, false, "17", "0.0.0.0/0", 0, 65535)}, defaultEntries...), portRange{443, 443}, true},
		{"replies blocked: stateless ACLs need the ephemeral ports out", []ingest.ACLEntry{
			entry(100, false, true, "6", "0.0.0.0/0", 443, 443),
			entry(100, true, true, "6", "0.0.0.0/0", 443, 443)}, portRange{443, 443}, false},
		{"replies allowed on ephemeral ports", []ingest.ACLEntry{
			entry(100, false, true, "6", "0.0.0.0/0", 443, 443),
			entry(100, true, true, "6", "0.0.0.0/0", 1024, 65535)}, portRange{443, 443}, true},
		{"no entries: the implicit rule denies", nil, portRange{443, 443}, false},
		{"ingress allowed only from a private range", []ingest.ACLEntry{
			entry(100, false, true, "-1", "10.0.0.0/8", 0, 0), entry(100, true, true, "-1", "0.0.0.0/0", 0, 0)}, portRange{443, 443}, false},
	}
	internet := publicInternet.Intersect(ipset.MustParse("0.0.0.0/0"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acl := &ingest.NetworkACL{ID: "acl-test", Entries: tt.entries}
			_, _, ev, ok, err := naclPassage(acl, "subnet-x", "tcp", tt.port, internet)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ok)
			if ok {
				require.Len(t, ev, 1)
				assert.Equal(t, "acl-test", ev[0].Source)
			}
		})
	}
}

func TestNACLPassageWithoutAnACLAndWithABadCIDR(t *testing.T) {
	_, _, ev, ok, err := naclPassage(nil, "subnet-x", "tcp", portRange{22, 22}, publicInternet)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Contains(t, ev[0].Detail, "default ACL allows all")

	bad := &ingest.NetworkACL{ID: "acl-bad", Entries: []ingest.ACLEntry{entry(1, false, true, "-1", "not-a-cidr", 0, 0)}}
	_, _, _, _, err = naclPassage(bad, "subnet-x", "tcp", portRange{22, 22}, publicInternet)
	assert.ErrorContains(t, err, "network ACL acl-bad rule 1")
}
