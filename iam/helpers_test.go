package iam

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Accounts and principals the evaluation tables share.
const (
	acctA   = "111111111111"
	acctB   = "222222222222"
	alice   = "arn:aws:iam::111111111111:user/alice"
	bob     = "arn:aws:iam::111111111111:user/bob"
	devRole = "arn:aws:iam::111111111111:role/dev"
	devSess = "arn:aws:sts::111111111111:assumed-role/dev/s1"
	carol   = "arn:aws:iam::222222222222:user/carol"
	bucket  = "arn:aws:s3:::reports"
	object  = "arn:aws:s3:::reports/q3.csv"
)

// evalCase is one row of an evaluation table: the AWS documentation rule it
// checks, the request and policies, and the expected answer.
type evalCase struct {
	name string
	doc  string
	req  Request
	set  PolicySet
	want Outcome
	// reason, when set, must be a substring of the decision's reason.
	reason string
	// stmts, when set, are the expected "<policy>#<index>" citations.
	stmts []string
	// conds, when set, are the expected condition keys of a conditional.
	conds []string
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.doc, "every case names the documented rule it checks")
			d, err := Evaluate(tc.req, tc.set)
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.Outcome, "%s\nreason: %s", tc.doc, d.Reason)
			if tc.reason != "" {
				assert.Contains(t, d.Reason, tc.reason)
			}
			if tc.stmts != nil {
				assert.Equal(t, tc.stmts, citations(d.Statements))
			}
			if tc.conds != nil {
				var keys []string
				for _, c := range d.Conditions {
					keys = append(keys, c.Key)
				}
				assert.Equal(t, tc.conds, keys)
			}
		})
	}
}

func citations(refs []StatementRef) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.Policy+"#"+strconv.Itoa(r.Index))
	}
	return out
}

// pol parses a policy document, failing the test on error.
func pol(t testing.TB, doc string) *Policy {
	t.Helper()
	p, err := Parse([]byte(doc))
	require.NoError(t, err)
	return p
}

// stmts wraps statements in a 2012-10-17 document.
func stmts(statements ...string) string {
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(statements, ",") + `]}`
}

func attached(name string, typ PolicyType, p *Policy) Attached {
	return Attached{Name: name, Type: typ, Policy: p}
}

func identity(t testing.TB, docs ...string) []Attached {
	var out []Attached
	for i, d := range docs {
		out = append(out, attached("id"+strconv.Itoa(i), IdentityPolicy, pol(t, d)))
	}
	return out
}

func resourcePol(t testing.TB, doc string) *Attached {
	a := attached("res", ResourcePolicy, pol(t, doc))
	return &a
}

func boundaryPol(t testing.TB, doc string) *Attached {
	a := attached("boundary", BoundaryPolicy, pol(t, doc))
	return &a
}

func sessionPol(t testing.TB, doc string) *Attached {
	a := attached("session", SessionPolicy, pol(t, doc))
	return &a
}

func user(arn string) Principal { return Principal{ARN: arn} }

func get(p Principal, resource string) Request {
	return Request{Principal: p, Action: "s3:GetObject", Resource: resource}
}

const (
	allowGetAll  = `{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`
	denyGetAll   = `{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}`
	allowAllAll  = `{"Effect":"Allow","Action":"*","Resource":"*"}`
	allowListAll = `{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}`
)
