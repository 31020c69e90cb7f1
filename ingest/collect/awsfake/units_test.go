package awsfake

import (
	"encoding/base64"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSignatureScope(t *testing.T) {
	cases := []struct {
		name, auth, query string
		want              scope
		wantErr           bool
	}{
		{"header", "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=abc", "", scope{"AKID", "eu-west-1", "ec2"}, false},
		{"presigned URL", "", "X-Amz-Credential=" + url.QueryEscape("AKID/20260101/us-east-1/s3/aws4_request"), scope{"AKID", "us-east-1", "s3"}, false},
		{"unsigned", "", "", scope{}, true},
		{"another algorithm", "AWS AKID:sig", "", scope{}, true},
		{"short scope", "AWS4-HMAC-SHA256 Credential=AKID/20260101/ec2/aws4_request", "", scope{}, true},
		{"empty region", "AWS4-HMAC-SHA256 Credential=AKID/20260101//ec2/aws4_request", "", scope{}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/?"+tc.query, nil)
			if tc.auth != "" {
				r.Header.Set("Authorization", tc.auth)
			}
			got, err := signatureScope(r)
			if tc.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestTimestamps(t *testing.T) {
	cases := []struct {
		in                      any
		dateTime, epoch, header string
	}{
		{"2024-05-14T16:02:11+00:00", "2024-05-14T16:02:11.000Z", "1715702531", "Tue, 14 May 2024 16:02:11 GMT"},
		{"2024-05-14 16:02:11+00:00", "2024-05-14T16:02:11.000Z", "1715702531", "Tue, 14 May 2024 16:02:11 GMT"},
		{"2021-11-30T11:58:00.512000+00:00", "2021-11-30T11:58:00.512Z", "1638273480.512", "Tue, 30 Nov 2021 11:58:00 GMT"},
		{"2024-05-14T18:02:11+02:00", "2024-05-14T16:02:11.000Z", "1715702531", "Tue, 14 May 2024 16:02:11 GMT"},
		{"2024-04-30T09:12:44.123+0000", "2024-04-30T09:12:44.123Z", "1714468364.123", "Tue, 30 Apr 2024 09:12:44 GMT"},
	}
	for _, tc := range cases {
		got, err := parseTimestamp(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.dateTime, formatTimestamp(got, "date-time"))
		assert.Equal(t, tc.epoch, formatTimestamp(got, "epoch-seconds"))
		assert.Equal(t, tc.header, formatTimestamp(got, "http-date"))
	}
	for _, bad := range []any{"yesterday", "2024-05-14", true, nil} {
		_, err := parseTimestamp(bad)
		assert.Error(t, err, "%v", bad)
	}
	epoch, err := parseTimestamp(jsonNumber("1638273480.512"))
	require.NoError(t, err)
	assert.True(t, epoch.Equal(time.Date(2021, 11, 30, 11, 58, 0, 512e6, time.UTC)))
}

func TestGapsReadTheirErrorFromTheReason(t *testing.T) {
	cases := []struct {
		service, reason   string
		code, message, op string
	}{
		{"lambda", "AccessDeniedException: User: arn:aws:iam::1:role/c is not authorized to perform: lambda:ListFunctions",
			"AccessDeniedException", "User: arn:aws:iam::1:role/c is not authorized to perform: lambda:ListFunctions", "lambda:ListFunctions"},
		{"s3", "AccessDenied: not authorized to perform: s3:GetAccountPublicAccessBlock",
			"AccessDenied", "not authorized to perform: s3:GetAccountPublicAccessBlock", "s3control:GetPublicAccessBlock"},
		{"ec2", "An error occurred (UnauthorizedOperation) when calling the DescribeInstances operation: You are not authorized to perform this operation.",
			"UnauthorizedOperation", "You are not authorized to perform this operation.", "ec2:DescribeInstances"},
		{"elbv2", "An error occurred (AccessDenied) when calling the DescribeListeners operation: no",
			"AccessDenied", "no", "elasticloadbalancing:DescribeListeners"},
		{"kms", "the region is not enabled", "AccessDenied", "the region is not enabled", ""},
	}
	for _, tc := range cases {
		g := parseGap("eu-west-1", tc.service, tc.reason)
		assert.Equal(t, tc.code, g.code)
		assert.Equal(t, tc.message, g.message)
		assert.Equal(t, tc.op, g.operation)
	}
	assert.Equal(t, "", parseGap("global", "iam", "x").region, "global is every region")
	assert.Equal(t, []string{"s3", "s3control"}, parseGap("", "s3", "x").services())
}

func TestPolicyDocumentsAreURLEncodedAsIAMDoes(t *testing.T) {
	doc := map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{"Sid": "a b", "Resource": "<x>&"}}}
	assert.Equal(t, "%7B%22Statement%22%3A%5B%7B%22Resource%22%3A%22%3Cx%3E%26%22%2C%22Sid%22%3A%22a%20b%22%7D%5D%2C%22Version%22%3A%222012-10-17%22%7D",
		urlEncodedDocument(doc), "compact JSON, a space as %20, no HTML escapes")
	assert.Equal(t, "%7B%7D", urlEncodedDocument("%7B%7D"), "an encoded document stays as it is")
	assert.Equal(t, "%7B%20%7D", urlEncodedDocument("{ }"), "a JSON string is encoded")
}

func TestPageTokens(t *testing.T) {
	items := []any{"a", "b", "c"}
	page, next, e := pageOf(items, "", 2)
	require.Nil(t, e)
	assert.Equal(t, []any{"a", "b"}, page)
	page, last, e := pageOf(items, next, 2)
	require.Nil(t, e)
	assert.Equal(t, []any{"c"}, page)
	assert.Empty(t, last)
	for _, bad := range []string{"x", encodeToken(4), base64.RawURLEncoding.EncodeToString([]byte(tokenPrefix + "-1"))} {
		_, _, e = pageOf(items, bad, 2)
		assert.NotNil(t, e, bad)
	}
}
