package ipset

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSetOperations(t *testing.T) {
	tests := []struct {
		name  string
		got   Set
		empty bool
	}{
		{"v4 any minus itself is empty", MustParse("0.0.0.0/0").Subtract(MustParse("0.0.0.0/0")), true},
		{"v4 any minus a /8 is not empty", MustParse("0.0.0.0/0").Subtract(MustParse("10.0.0.0/8")), false},
		{"disjoint blocks do not intersect", MustParse("10.0.0.0/8").Intersect(MustParse("192.168.0.0/16")), true},
		{"a block intersects the whole space", MustParse("203.0.113.0/24").Intersect(MustParse("0.0.0.0/0")), false},
		{"v4 and v6 never intersect", MustParse("0.0.0.0/0").Intersect(MustParse("::/0")), true},
		{"v6 any minus two halves is empty", MustParse("::/0").Subtract(MustParse("::/1")).Subtract(MustParse("8000::/1")), true},
		{"v6 any minus one half is not", MustParse("::/0").Subtract(MustParse("::/1")), false},
		{"two halves union is the whole", MustParse("0.0.0.0/0").Subtract(MustParse("0.0.0.0/1").Union(MustParse("128.0.0.0/1"))), true},
		{"host bits are masked", MustParse("10.1.2.3/8").Subtract(MustParse("10.0.0.0/8")), true},
		{"the last v4 address can be removed", MustParse("255.255.255.255/32").Subtract(MustParse("255.255.255.0/24")), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.empty, tt.got.Empty())
		})
	}
}

func TestParseRejectsBadCIDR(t *testing.T) {
	for _, bad := range []string{"", "10.0.0.0", "10.0.0.0/33", "nonsense/8", "::/129"} {
		_, err := Parse(bad)
		assert.Error(t, err, bad)
	}
}

func TestSubtractLeavesTheRightPieces(t *testing.T) {
	rest := MustParse("10.0.0.0/16").Subtract(MustParse("10.0.1.0/24"))
	assert.False(t, rest.Intersect(MustParse("10.0.0.0/24")).Empty())
	assert.True(t, rest.Intersect(MustParse("10.0.1.0/24")).Empty())
	assert.False(t, rest.Intersect(MustParse("10.0.2.0/24")).Empty())
}
