package collect

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
	"github.com/pathfinder-sec/pathfinder/ingest/snapshot"
)

// fixture is a snapshot of testdata/snapshots.
func fixture(name string) string {
	return filepath.Join("..", "..", "testdata", "snapshots", name)
}

// collectFromFake serves a snapshot with the fake and collects it back
// through the real SDK clients, with an isolated environment and a fast
// retryer.
func collectFromFake(t *testing.T, snapshot string, fopt awsfake.Options, opt Options) (*Summary, *awsfake.Server, error) {
	t.Helper()
	return collectFromFakeCtx(context.Background(), t, snapshot, fopt, opt)
}

func collectFromFakeCtx(ctx context.Context, t *testing.T, snapshot string, fopt awsfake.Options, opt Options) (*Summary, *awsfake.Server, error) {
	t.Helper()
	isolateAWS(t, true)
	fake, err := awsfake.New(snapshot, fopt)
	require.NoError(t, err)
	t.Cleanup(fake.Close)
	if opt.Out == "" {
		opt.Out = filepath.Join(t.TempDir(), "collected")
	}
	opt.EndpointURL = fake.URL()
	if opt.MaxBackoff == 0 {
		opt.MaxBackoff = 10 * time.Millisecond
	}
	s, err := Run(ctx, opt)
	return s, fake, err
}

func TestCollectWritesTheSnapshotBack(t *testing.T) {
	tests := []struct {
		name     string
		snapshot string
		pageSize int
		opt      Options
		extra    map[string]string
		gaps     map[string][]string // account directory → "region service" of each gap
	}{
		{
			name: "capital one, pages of 1", snapshot: "capital-one", pageSize: 1,
			opt: Options{Regions: []string{"us-east-1"}},
			extra: map[string]string{
				"111122223333/us-east-1/ec2-describe-instance-attribute-userdata.json": "the fixture predates the user-data file; i-0waf has none",
			},
		},
		{
			name: "capital one, pages of 2", snapshot: "capital-one", pageSize: 2,
			opt: Options{Regions: []string{"us-east-1"}},
			extra: map[string]string{
				"111122223333/us-east-1/ec2-describe-instance-attribute-userdata.json": "the fixture predates the user-data file; i-0waf has none",
			},
		},
		{
			// The fake answers the gap of 111122223333's manifest (lambda in
			// eu-west-1) with AccessDeniedException.
			name: "an organisation through --org-role, pages of 1", snapshot: "two-accounts", pageSize: 1,
			opt:  Options{Regions: []string{"us-east-1", "eu-west-1", "us-west-2"}, OrgRole: "OrganizationAccountAccessRole"},
			gaps: map[string][]string{"111122223333": {"eu-west-1 lambda"}, "444455556666": {}},
		},
		{
			name: "an organisation through --org-role, pages of 2", snapshot: "two-accounts", pageSize: 2,
			opt:  Options{Regions: []string{"us-east-1", "eu-west-1", "us-west-2"}, OrgRole: "OrganizationAccountAccessRole"},
			gaps: map[string][]string{"111122223333": {"eu-west-1 lambda"}, "444455556666": {}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			summary, _, err := collectFromFake(t, fixture(tt.snapshot), awsfake.Options{PageSize: tt.pageSize}, tt.opt)
			require.NoError(t, err)
			assertWrittenBack(t, fixture(tt.snapshot), summary.Out, tt.extra)
			assertSameEstate(t, fixture(tt.snapshot), summary.Out)
			for _, a := range summary.Accounts {
				want := tt.gaps[filepath.Base(a.Dir)]
				if want == nil {
					want = []string{}
				}
				assert.Equal(t, want, manifestGaps(t, a.Dir), "account %s", a.ID)
			}
		})
	}
}

// assertSameEstate checks that the collected directory loads into the
// estate the original loads into, compared as JSON (policy documents are
// embedded as written, and key order in them means nothing). Account names
// and warnings aside: a standalone account's name is not something AWS
// returns, and the reasons of not_collected entries are worded by whoever
// collected.
func assertSameEstate(t *testing.T, original, collected string) {
	t.Helper()
	want, err := snapshot.Load(original)
	require.NoError(t, err)
	got, err := snapshot.Load(collected)
	require.NoError(t, err, "the collected snapshot loads")
	for _, e := range []*ingest.Estate{want, got} {
		for i := range e.Accounts {
			e.Accounts[i].Name = ""
		}
		e.Warnings = nil
	}
	assert.Equal(t, asJSON(t, want), asJSON(t, got))
}

func asJSON(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(data, &out))
	return out
}
