package catalog

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	b := record("job-function/B")
	b.Document = []byte("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::a&b\"}\n}")
	records := []Record{b, record("A")}
	data, err := Encode(records)
	require.NoError(t, err)
	got, err := Decode(data)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, ARNPrefix+"A", got[0].ARN, "records come back sorted by ARN")
	assert.Equal(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::a&b"}}`,
		string(got[1].Document), "documents are compacted, keys keep their order, HTML is not escaped")
	assert.Equal(t, ARNPrefix+"job-function/B", records[0].ARN, "Encode does not reorder its argument")
}

func TestEncodeIsDeterministic(t *testing.T) {
	records := []Record{record("A"), record("B")}
	first, err := Encode(records)
	require.NoError(t, err)
	second, err := Encode([]Record{records[1], records[0]})
	require.NoError(t, err)
	assert.Equal(t, first, second)
	zr, err := gzip.NewReader(bytes.NewReader(first))
	require.NoError(t, err)
	assert.True(t, zr.ModTime.IsZero(), "no timestamp in the gzip header")
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, 4, bytes.Count(plain, []byte("\n")), "one record per line between the brackets")
}

func TestEncodeRejectsAnInvalidRecord(t *testing.T) {
	r := record("A")
	r.Version = ""
	_, err := Encode([]Record{r})
	assert.ErrorContains(t, err, "version is empty")
}

func TestDecodeErrors(t *testing.T) {
	_, err := Decode([]byte("plain"))
	assert.ErrorContains(t, err, "decompress catalogue")
	data, err := gzipBytes([]byte(`{"not":"a list"}`))
	require.NoError(t, err)
	_, err = Decode(data)
	assert.ErrorContains(t, err, "decode catalogue")
}
