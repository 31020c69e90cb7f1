package awsfake

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ec2"
	iamschemas "github.com/aws/aws-sdk-go-v2/service/iam/schemas"
	kmsschemas "github.com/aws/aws-sdk-go-v2/service/kms/schemas"
	lambdaschemas "github.com/aws/aws-sdk-go-v2/service/lambda/schemas"
	rdsschemas "github.com/aws/aws-sdk-go-v2/service/rds/schemas"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// FuzzServeHTTP: whatever a request holds, the fake answers it (never
// panics) with an HTTP status and a body.
func FuzzServeHTTP(f *testing.F) {
	srv, err := New(twoAccounts, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(srv.Close)
	f.Fuzz(func(t *testing.T, method, path, region, service, target, body string) {
		if !validMethod(method) {
			method = http.MethodPost
		}
		r, err := http.NewRequest(method, "http://127.0.0.1/", strings.NewReader(body))
		if err != nil {
			t.Skip()
		}
		r.URL.Path = "/" + strings.TrimPrefix(path, "/")
		r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/"+region+"/"+service+"/aws4_request, SignedHeaders=host, Signature=x")
		r.Header.Set("X-Amz-Target", target)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code < 200 || w.Code > 599 || w.Body.Len() == 0 {
			t.Fatalf("%s %s %s/%s: status %d, body %q", method, path, service, target, w.Code, w.Body.String())
		}
	})
}

func validMethod(m string) bool {
	return m != "" && strings.IndexFunc(m, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0
}

// FuzzWriters: whatever a snapshot file holds, writing it in each
// protocol's shape ends in an answer or an error, never a panic.
func FuzzWriters(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var tree map[string]any
		if dec.Decode(&tree) != nil {
			t.Skip()
		}
		_ = writeSchemaStruct(newXMLWriter(), iamschemas.GetAccountAuthorizationDetailsResponse, urlEncodePolicies(tree).(map[string]any))
		_ = writeSchemaStruct(newXMLWriter(), rdsschemas.DBInstanceMessage, tree)
		_, _ = schemaJSON(kmsschemas.DescribeKeyResponse, tree, false)
		_, _ = schemaJSON(lambdaschemas.ListFunctionsResponse, tree, true)
		_ = ec2XML.writeStruct(newXMLWriter(), reflect.TypeOf(ec2.DescribeInstancesOutput{}), tree)
		_ = s3XML.writeStruct(newXMLWriter(), reflect.TypeOf(s3.ListBucketsOutput{}), tree)
	})
}
