package awsfake

import (
	"fmt"
	"net/http"
	"strings"
)

// scope is what a request's SigV4 credential scope says: whose key signed
// it, for which region and which service. A real SDK client signs every
// request, so the scope routes requests to one endpoint for every service.
type scope struct {
	accessKey, region, service string
}

// signatureScope reads the credential scope from the Authorization header
// (AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request,
// SignedHeaders=..., Signature=...) or from a presigned URL's
// X-Amz-Credential. The signature itself is not checked.
func signatureScope(r *http.Request) (scope, error) {
	credential := r.URL.Query().Get("X-Amz-Credential")
	if auth := r.Header.Get("Authorization"); auth != "" {
		algorithm, params, _ := strings.Cut(auth, " ")
		if algorithm != "AWS4-HMAC-SHA256" {
			return scope{}, fmt.Errorf("authorization %q is not AWS4-HMAC-SHA256", algorithm)
		}
		for _, p := range strings.Split(params, ",") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "Credential="); ok {
				credential = v
			}
		}
	}
	if credential == "" {
		return scope{}, fmt.Errorf("request is not signed: no Authorization header")
	}
	parts := strings.Split(credential, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" || parts[0] == "" || parts[2] == "" || parts[3] == "" {
		return scope{}, fmt.Errorf("credential %q is not AKID/date/region/service/aws4_request", credential)
	}
	return scope{accessKey: parts[0], region: parts[2], service: parts[3]}, nil
}
