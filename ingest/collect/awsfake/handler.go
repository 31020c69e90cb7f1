package awsfake

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ServeHTTP answers one AWS API request: it routes the request by its
// signature's credential scope, records the call, applies the faults of
// Options and the manifests, and answers from the snapshot.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.writeBareError(w, 400, "MalformedRequest", err.Error())
		return
	}
	sc, err := signatureScope(r)
	if err != nil {
		s.writeBareError(w, 403, "MissingAuthenticationToken", err.Error())
		return
	}
	svc := s.route(sc.service, r)
	if svc == nil {
		s.writeBareError(w, 400, "UnknownService", fmt.Sprintf("awsfake does not serve the service %q", sc.service))
		return
	}
	caller := s.sessions.principal(sc.accessKey, s.estate)
	c := &call{server: s, svc: svc, acct: caller.account, caller: caller, region: sc.region}
	name, in, e := svc.proto.operation(r, body)
	c.op, c.in = name, in
	s.record(Call{Service: svc.name, Operation: name, Region: sc.region, Account: caller.account.id})
	if e != nil {
		svc.proto.writeError(w, c, e)
		return
	}
	op, ok := svc.ops[name]
	if !ok {
		svc.proto.writeError(w, c, notServed(svc.name, name))
		return
	}
	out, e := s.answer(c, op)
	if e != nil {
		svc.proto.writeError(w, c, e)
		return
	}
	svc.proto.writeOutput(w, c, op, out)
}

// route finds the service a request is for. S3 Control signs its requests
// as s3; its paths start with its API version.
func (s *Server) route(signingName string, r *http.Request) *service {
	if signingName == "s3" && strings.HasPrefix(r.URL.Path, "/v20180820/") {
		signingName = "s3control"
	}
	return s.services[signingName]
}

func (s *Server) answer(c *call, op operation) (map[string]any, *apiError) {
	if c.svc.regional && !s.regionAnswers(c.region) {
		e := c.svc.disabled
		return nil, &e
	}
	if e := s.faults.check(c, assumedAccount(c)); e != nil {
		return nil, e
	}
	return op.run(c)
}

// writeBareError answers a request the fake cannot route to a service, in
// the awsQuery error shape.
func (s *Server) writeBareError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>%s</RequestId></ErrorResponse>",
		escapeXML(code), escapeXML(message), s.requestID())
}
