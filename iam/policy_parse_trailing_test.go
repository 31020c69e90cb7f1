package iam

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseRejectsTextAfterTheDocument(t *testing.T) {
	for _, doc := range []string{
		`{"Version":"2012-10-17","Statement":[]} {}`,
		`{"Version":"2012-10-17","Statement":[]}]`,
		`{"Version":"2012-10-17","Statement":[]} trailing`,
	} {
		_, err := Parse([]byte(doc))
		assert.ErrorContains(t, err, "unexpected text after the JSON object", doc)
	}
	_, err := Parse([]byte("{\"Version\":\"2012-10-17\",\"Statement\":[]}\n  \n"))
	assert.NoError(t, err, "white space after the document is fine")
}
