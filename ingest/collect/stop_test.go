package collect

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// onCall runs f before every API call, with the operation's name.
func onCall(f func(ctx context.Context, operation string)) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("test-on-call",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				f(ctx, middleware.GetOperationName(ctx))
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
}

// assertIncomplete checks that a stopped collection left no manifest and
// no temporary file anywhere.
func assertIncomplete(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // stopped before the first file
		}
		require.NoError(t, err)
		assert.NotEqual(t, "manifest.json", d.Name(), "a stopped collection writes no manifest: %s", path)
		assert.False(t, strings.HasPrefix(d.Name(), ".") && path != dir, "temporary file left: %s", path)
		return nil
	})
}

func TestInterruptStopsCleanly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	interrupt := onCall(func(context.Context, string) {
		if calls.Add(1) == 40 {
			cancel() // as Ctrl-C does through signal.NotifyContext
		}
	})
	summary, _, err := collectFromFakeCtx(ctx, t, fixture("two-accounts"), awsfake.Options{PageSize: 1},
		Options{Regions: []string{"us-east-1", "eu-west-1"}, OrgRole: "OrganizationAccountAccessRole", APIOptions: []func(*middleware.Stack) error{interrupt}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "interrupted")
	assert.Contains(t, err.Error(), "incomplete")
	require.NotNil(t, summary)
	assertIncomplete(t, summary.Out)
}

func TestTimeoutStopsCleanly(t *testing.T) {
	// DescribeInstances never answers: only the deadline ends the wait.
	hang := onCall(func(ctx context.Context, op string) {
		if op == "DescribeInstances" {
			<-ctx.Done()
		}
	})
	summary, _, err := collectFromFake(t, fixture("capital-one"), awsfake.Options{},
		Options{Regions: []string{"us-east-1"}, Timeout: time.Second, APIOptions: []func(*middleware.Stack) error{hang}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "timed out after 1s")
	require.NotNil(t, summary)
	assertIncomplete(t, summary.Out)
}
