package awsfake

import (
	"net/http"
	"strings"
)

// s3Protocol is REST-XML as S3 uses it: the bucket is in the path
// (/bucket?policy) or in front of the host (bucket.host/?policy), the
// operation is the sub-resource named by the query, and the answer is the
// output's payload as the body's root element; an error is
// <Error><Code>.
type s3Protocol struct {
	// hosts are the server's own host:port names (its IP address and
	// localhost), what a virtual-hosted request's host ends with.
	hosts []string
}

const s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

// s3SubResources name the bucket operations by their query key.
var s3SubResources = []struct{ query, op string }{
	{"policy", "GetBucketPolicy"},
	{"publicAccessBlock", "GetPublicAccessBlock"},
	{"tagging", "GetBucketTagging"},
	{"encryption", "GetBucketEncryption"},
	{"ownershipControls", "GetBucketOwnershipControls"},
	{"location", "GetBucketLocation"},
}

func (p s3Protocol) operation(r *http.Request, _ []byte) (string, input, *apiError) {
	in := input{}
	for k, v := range r.URL.Query() {
		in[k] = v[0]
	}
	bucket, key := p.bucketAndKey(r)
	in["Bucket"] = bucket
	if r.Method != http.MethodGet || key != "" {
		return r.Method + " " + r.URL.Path, in, newError(501, "NotImplemented", "awsfake serves only the bucket reads of the snapshot, not %s %s", r.Method, r.URL.Path)
	}
	if bucket == "" {
		return "ListBuckets", in, nil
	}
	for _, sub := range s3SubResources {
		if r.URL.Query().Has(sub.query) {
			return sub.op, in, nil
		}
	}
	return "GET " + r.URL.Path, in, newError(501, "NotImplemented", "awsfake does not serve GET %s?%s", r.URL.Path, r.URL.RawQuery)
}

// bucketAndKey reads a virtual-hosted request's bucket from its host, a
// path-style request's from the path's first segment.
func (p s3Protocol) bucketAndKey(r *http.Request) (bucket, key string) {
	path := strings.TrimPrefix(r.URL.Path, "/")
	for _, host := range p.hosts {
		if b, ok := strings.CutSuffix(r.Host, "."+host); ok {
			return b, path
		}
	}
	bucket, key, _ = strings.Cut(path, "/")
	return bucket, key
}

func (p s3Protocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	writeRESTXML(w, c, op, out, s3Namespace, p.writeError)
}

func (s3Protocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	b := newXMLWriter()
	b.open("Error")
	b.leaf("Code", e.code)
	b.leaf("Message", e.message)
	writeS3RequestIDs(b, c)
	b.close("Error")
	setHeaders(w, e)
	b.send(w, e.status)
}

func writeS3RequestIDs(b *xmlWriter, c *call) {
	b.leaf("RequestId", c.server.requestID())
	b.leaf("HostId", "awsfake")
}

// writeRESTXML writes an S3 or S3 Control output: its payload member (the
// whole output when op.payload is "") as the root element op.root; a
// payload without a Go type is text: the whole body when op.root is "".
func writeRESTXML(w http.ResponseWriter, c *call, op operation, out map[string]any, xmlns string, fail func(http.ResponseWriter, *call, *apiError)) {
	value := any(out)
	if op.payload != "" {
		value = out[op.payload]
	}
	if op.goType == nil && op.root == "" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(text(value)))
		return
	}
	b := newXMLWriter()
	if op.goType == nil {
		if text(value) == "" {
			b.WriteString("<" + op.root + " xmlns=\"" + xmlns + "\"/>")
		} else {
			b.open(op.root, xmlns)
			b.WriteString(escapeXML(text(value)))
			b.close(op.root)
		}
		b.send(w, http.StatusOK)
		return
	}
	b.open(op.root, xmlns)
	if err := s3XML.writeStruct(b, op.goType, object(value)); err != nil {
		fail(w, c, snapshotError(c, err))
		return
	}
	b.close(op.root)
	b.send(w, http.StatusOK)
}

// s3ControlProtocol is REST-XML as S3 Control uses it: paths start with
// the API version, the account is the x-amz-account-id header, and an
// error is wrapped: <ErrorResponse><Error><Code>.
type s3ControlProtocol struct{}

const s3ControlNamespace = "http://awss3control.amazonaws.com/doc/2018-08-20/"

func (s3ControlProtocol) operation(r *http.Request, _ []byte) (string, input, *apiError) {
	in := input{"AccountId": r.Header.Get("X-Amz-Account-Id")}
	if r.Method == http.MethodGet && strings.TrimSuffix(r.URL.Path, "/") == "/v20180820/configuration/publicAccessBlock" {
		return "GetPublicAccessBlock", in, nil
	}
	return r.Method + " " + r.URL.Path, in, newError(501, "NotImplemented", "awsfake does not serve %s %s", r.Method, r.URL.Path)
}

func (p s3ControlProtocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	writeRESTXML(w, c, op, out, s3ControlNamespace, p.writeError)
}

func (s3ControlProtocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	b := newXMLWriter()
	b.open("ErrorResponse")
	b.open("Error")
	b.leaf("Code", e.code)
	b.leaf("Message", e.message)
	b.close("Error")
	writeS3RequestIDs(b, c)
	b.close("ErrorResponse")
	setHeaders(w, e)
	b.send(w, e.status)
}
