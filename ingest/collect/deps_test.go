package collect

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOnlyTheCollectorLinksTheSDK: the analysis packages build without
// the AWS SDK, so `go test ./graph/... ./queries/...` never compiles it.
func TestOnlyTheCollectorLinksTheSDK(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	out, err := exec.Command(goTool, "list", "-e", "-deps", "-f", "{{.ImportPath}}",
		"../../graph/...", "../../queries/...", "../../iam/...", "../../ingest/snapshot/...", "../../ingest/scenario/...").Output()
	require.NoError(t, err)
	require.Contains(t, string(out), "github.com/pathfinder-sec/pathfinder/queries")
	for _, pkg := range strings.Fields(string(out)) {
		assert.False(t, strings.HasPrefix(pkg, "github.com/aws/"), "%s is linked by an analysis package", pkg)
	}
}
