package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pathfinder-sec/pathfinder/iam"
)

const (
	adminARN    = "arn:aws:iam::aws:policy/AdministratorAccess"
	s3ReadARN   = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
	viewOnlyARN = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
	powerARN    = "arn:aws:iam::aws:policy/PowerUserAccess"
	unknownARN  = "arn:aws:iam::aws:policy/NoSuchManagedPolicy"
	customARN   = "arn:aws:iam::111122223333:policy/custom"
)

func policyARNs(e *Estate) []string {
	var out []string
	for _, p := range e.ManagedPolicies {
		out = append(out, p.ARN)
	}
	return out
}

func TestResolveAWSManagedAddsReferencedPolicies(t *testing.T) {
	e := &Estate{
		Users:  []User{{ARN: "arn:aws:iam::111122223333:user/alice", AttachedPolicies: []string{s3ReadARN, customARN}}},
		Groups: []Group{{ARN: "arn:aws:iam::111122223333:group/ops", AttachedPolicies: []string{viewOnlyARN}}},
		Roles: []Role{{ARN: "arn:aws:iam::111122223333:role/app", AttachedPolicies: []string{adminARN},
			PermissionsBoundary: powerARN}},
	}
	require.NoError(t, e.ResolveAWSManaged())

	assert.Equal(t, []string{adminARN, s3ReadARN, powerARN, viewOnlyARN}, policyARNs(e),
		"every AWS managed policy referenced, boundaries included, sorted by ARN; the customer managed one is not invented")
	assert.Empty(t, e.Warnings)

	admin := e.ManagedPolicies[0]
	assert.Equal(t, "AdministratorAccess", admin.Name)
	assert.Equal(t, "v1", admin.DefaultVersion)
	require.Len(t, admin.Versions, 1)
	assert.True(t, admin.Versions[0].Default)
	assert.Equal(t, "v1", admin.Versions[0].ID)
	assert.Contains(t, admin.Source, "built-in catalogue: ")
	doc := admin.Document()
	require.NotNil(t, doc)
	assert.Equal(t, []string{"*"}, doc.Statements[0].Action)

	view := e.ManagedPolicies[3]
	assert.Equal(t, "ViewOnlyAccess", view.Name)
	assert.NotNil(t, view.Document())
}

func TestResolveAWSManagedKeepsTheSnapshotsDocument(t *testing.T) {
	own := iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}`)
	e := &Estate{
		Roles: []Role{{ARN: "arn:aws:iam::111122223333:role/app", AttachedPolicies: []string{s3ReadARN, adminARN}}},
		ManagedPolicies: []ManagedPolicy{{ARN: s3ReadARN, Name: "AmazonS3ReadOnlyAccess", DefaultVersion: "v2",
			Versions: []PolicyVersion{{ID: "v2", Default: true, Document: own}}}},
	}
	require.NoError(t, e.ResolveAWSManaged())
	require.Equal(t, []string{adminARN, s3ReadARN}, policyARNs(e))
	s3 := e.ManagedPolicies[1]
	assert.Same(t, own, s3.Document(), "the snapshot's own version wins over the catalogue")
	assert.Equal(t, "v2", s3.DefaultVersion)
	assert.Empty(t, s3.Source)
}

func TestResolveAWSManagedCompletesAHeldPolicyWithoutDocument(t *testing.T) {
	e := &Estate{
		Users:           []User{{ARN: "arn:aws:iam::111122223333:user/alice", AttachedPolicies: []string{adminARN}}},
		ManagedPolicies: []ManagedPolicy{{ARN: adminARN, Name: "AdministratorAccess"}},
	}
	require.NoError(t, e.ResolveAWSManaged())
	require.Len(t, e.ManagedPolicies, 1, "the policy is completed in place, not added twice")
	assert.NotNil(t, e.ManagedPolicies[0].Document())
	assert.Contains(t, e.ManagedPolicies[0].Source, "built-in catalogue")
}

func TestResolveAWSManagedWarnsAboutUnknownPolicies(t *testing.T) {
	tests := []struct {
		name   string
		estate Estate
		want   []string
	}{
		{
			name:   "attached to one role",
			estate: Estate{Roles: []Role{{ARN: "arn:aws:iam::1:role/a", AttachedPolicies: []string{unknownARN}}}},
			want: []string{"policy " + unknownARN + " is attached to arn:aws:iam::1:role/a but its document is not in " +
				"the snapshot nor the built-in catalogue: its permissions are not analysed"},
		},
		{
			name: "attached to many, named once",
			estate: Estate{
				Users: []User{{ARN: "arn:aws:iam::1:user/u", AttachedPolicies: []string{unknownARN}}},
				Roles: []Role{{ARN: "arn:aws:iam::1:role/b", AttachedPolicies: []string{unknownARN, unknownARN}},
					{ARN: "arn:aws:iam::1:role/a", AttachedPolicies: []string{unknownARN}}},
			},
			want: []string{"policy " + unknownARN + " is attached to arn:aws:iam::1:role/a and 2 others but its document " +
				"is not in the snapshot nor the built-in catalogue: its permissions are not analysed"},
		},
		{
			name:   "used only as a boundary",
			estate: Estate{Users: []User{{ARN: "arn:aws:iam::1:user/u", PermissionsBoundary: unknownARN}}},
			want: []string{"policy " + unknownARN + " is the permissions boundary of arn:aws:iam::1:user/u but its " +
				"document is not in the snapshot nor the built-in catalogue: its permissions are not analysed"},
		},
		{
			name: "another partition",
			estate: Estate{Roles: []Role{{ARN: "arn:aws-us-gov:iam::1:role/a",
				AttachedPolicies: []string{"arn:aws-us-gov:iam::aws:policy/AdministratorAccess"}}}},
			want: []string{"policy arn:aws-us-gov:iam::aws:policy/AdministratorAccess is attached to " +
				"arn:aws-us-gov:iam::1:role/a but its document is not in the snapshot nor the built-in catalogue: " +
				"its permissions are not analysed"},
		},
		{
			name:   "customer managed policies are not the catalogue's business",
			estate: Estate{Roles: []Role{{ARN: "arn:aws:iam::1:role/a", AttachedPolicies: []string{customARN}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.estate
			require.NoError(t, e.ResolveAWSManaged())
			assert.Equal(t, tt.want, e.Warnings)
			assert.Empty(t, e.ManagedPolicies)
		})
	}
}

func TestResolveAWSManagedTwiceChangesNothing(t *testing.T) {
	e := &Estate{
		Roles:    []Role{{ARN: "arn:aws:iam::1:role/a", AttachedPolicies: []string{unknownARN, adminARN}}},
		Warnings: []string{"an earlier warning"},
	}
	require.NoError(t, e.ResolveAWSManaged())
	first := *e
	first.ManagedPolicies = append([]ManagedPolicy(nil), e.ManagedPolicies...)
	first.Warnings = append([]string(nil), e.Warnings...)
	require.NoError(t, e.ResolveAWSManaged())
	assert.Equal(t, first.ManagedPolicies, e.ManagedPolicies)
	assert.Equal(t, first.Warnings, e.Warnings)
	assert.Len(t, e.Warnings, 2, "the earlier warning is kept and the new one added once")
}
