package collect

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// runWithin runs Run and fails the test if it has not returned after
// limit: a collector that waits on a missing endpoint is a hang.
func runWithin(t *testing.T, limit time.Duration, opt Options) (*Summary, error) {
	t.Helper()
	type result struct {
		s   *Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := Run(context.Background(), opt)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(limit):
		t.Fatalf("Run did not return within %s", limit)
		return nil, nil
	}
}

func TestNoCredentialsIsOneClearError(t *testing.T) {
	isolateAWS(t, false)
	out := filepath.Join(t.TempDir(), "snap")
	_, err := runWithin(t, 30*time.Second, Options{Out: out, Regions: []string{"us-east-1"}})
	require.ErrorIs(t, err, ErrNoCredentials)
	assert.Contains(t, err.Error(), "AWS_ACCESS_KEY_ID")
	assert.Contains(t, err.Error(), "--profile")
	assert.NoDirExists(t, out, "nothing is written")
}

// TestASilentMetadataEndpointIsNotWaitedOn: with the metadata endpoint on
// but never answering (a laptop on a network that drops 169.254.169.254),
// the credential check gives up after its own short deadline.
func TestASilentMetadataEndpointIsNotWaitedOn(t *testing.T) {
	isolateAWS(t, false)
	release := make(chan struct{})
	silent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer silent.Close()
	defer close(release)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", silent.URL)
	_, err := runWithin(t, 30*time.Second, Options{Out: t.TempDir(), Regions: []string{"us-east-1"}, CredentialTimeout: time.Second})
	require.ErrorIs(t, err, ErrNoCredentials)
}

func TestNoRegionIsOneClearError(t *testing.T) {
	isolateAWS(t, true)
	require.NoError(t, os.WriteFile(os.Getenv("AWS_CONFIG_FILE"), []byte("[default]\n"), 0o600))
	_, err := runWithin(t, 30*time.Second, Options{Out: t.TempDir()})
	require.ErrorIs(t, err, ErrNoRegion)
}

func TestANonEmptyOutputIsRefusedBeforeAnyCall(t *testing.T) {
	isolateAWS(t, false)
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "manifest.json"), []byte("{}"), 0o644))
	_, err := runWithin(t, 30*time.Second, Options{Out: out, Regions: []string{"us-east-1"}})
	require.ErrorIs(t, err, ErrBadOptions, "not ErrNoCredentials: the directory is checked first")
}

func TestRejectedCredentialsAreOneClearError(t *testing.T) {
	_, _, err := collectFromFake(t, fixture("capital-one"),
		awsfake.Options{Deny: map[string]string{"sts:GetCallerIdentity": "InvalidClientTokenId"}},
		Options{Regions: []string{"us-east-1"}})
	require.ErrorIs(t, err, ErrCredentialsRejected)
	assert.Contains(t, err.Error(), "InvalidClientTokenId")
}
