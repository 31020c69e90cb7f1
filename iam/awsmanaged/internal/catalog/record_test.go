package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const adminDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

func TestDecodeRecord(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr string
	}{
		{"happy", `{"name":"AdministratorAccess","arn":"arn:aws:iam::aws:policy/AdministratorAccess",
			"version":"v1","source":"o/r:p@c","document":` + adminDoc + `}`, ""},
		{"with a path", `{"name":"ViewOnlyAccess","arn":"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
			"version":"v1","source":"o/r:p@c","document":` + adminDoc + `}`, ""},
		{"unknown field", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s",
			"documnet":{}}`, `unknown field "documnet"`},
		{"no source", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","document":` + adminDoc + `}`,
			"source is empty"},
		{"no version", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","source":"s","document":` + adminDoc + `}`,
			"version is empty"},
		{"no name", `{"arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s","document":` + adminDoc + `}`,
			"name is empty"},
		{"no document", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s"}`,
			"document is missing"},
		{"customer managed ARN", `{"name":"A","arn":"arn:aws:iam::123456789012:policy/A","version":"v1",
			"source":"s","document":` + adminDoc + `}`, "does not start with arn:aws:iam::aws:policy/"},
		{"ARN not ending in the name", `{"name":"A","arn":"arn:aws:iam::aws:policy/BA","version":"v1",
			"source":"s","document":` + adminDoc + `}`, `does not end in the name "A"`},
		{"empty path segment", `{"name":"A","arn":"arn:aws:iam::aws:policy/x//A","version":"v1",
			"source":"s","document":` + adminDoc + `}`, "empty path segment"},
		{"invalid document", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s",
			"document":{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}}`, `Effect "Maybe"`},
		{"document as a string", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s",
			"document":"{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}"}`, "document is not a JSON object"},
		{"two records", `{"name":"A","arn":"arn:aws:iam::aws:policy/A","version":"v1","source":"s",
			"document":` + adminDoc + `} {}`, "data after the record"},
		{"not JSON", `name: A`, "decode record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := DecodeRecord([]byte(tt.data))
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.NotEmpty(t, r.Document)
		})
	}
}

func TestMarshalRecordRoundTrips(t *testing.T) {
	r := Record{Name: "A", ARN: "arn:aws:iam::aws:policy/service-role/A", Version: "v3", Source: "o/r:p@c",
		Document: []byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",` +
			`"Resource":"*","Condition":{"StringLike":{"s3:prefix":"a&b<c>"}}}]}`)}
	data, err := MarshalRecord(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"a&b<c>"`, "HTML characters stay as AWS wrote them")
	assert.Contains(t, string(data), "\n  \"document\": {\n")
	back, err := DecodeRecord(data)
	require.NoError(t, err)
	assert.Equal(t, r.Path(), back.Path())
	assert.JSONEq(t, string(r.Document), string(back.Document))
}
