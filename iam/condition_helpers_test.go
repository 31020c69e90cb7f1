package iam

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// condCase checks one operator/key/values block against one request
// context value list: nil means the key is absent from the request.
type condCase struct {
	doc    string
	op     string
	key    string
	values []string
	ctx    []string
	want   bool
}

// runCondCases puts each block in an identity Allow statement and checks
// that the request is allowed exactly when the condition holds.
func runCondCases(t *testing.T, cases []condCase) {
	t.Helper()
	for _, tc := range cases {
		name := tc.op + " " + tc.key + " " + jsonText(tc.values) + " vs " + jsonText(tc.ctx)
		t.Run(name, func(t *testing.T) {
			require.NotEmpty(t, tc.doc)
			cond := map[string]map[string][]string{tc.op: {tc.key: tc.values}}
			doc := stmts(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":` + jsonText(cond) + `}`)
			req := get(user(alice), object)
			if tc.ctx != nil {
				req.Context = map[string][]string{tc.key: tc.ctx}
			}
			d, err := Evaluate(req, PolicySet{Identity: identity(t, doc)})
			require.NoError(t, err)
			want := Denied
			if tc.want {
				want = Allowed
			}
			assert.Equal(t, want, d.Outcome, tc.doc)
		})
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func ss(v ...string) []string { return v }
