package awsfake

import (
	"net/http"
	"net/url"
)

// queryProtocol is awsQuery (IAM, STS, ELBv2, RDS): the input is a form of
// Action=Op&Version=...&Member=value, the answer
// <OpResponse><OpResult>...</OpResult><ResponseMetadata>, an error
// <ErrorResponse><Error><Code>.
type queryProtocol struct{ xmlns string }

func (queryProtocol) operation(r *http.Request, body []byte) (string, input, *apiError) {
	return formOperation(r, body)
}

// formOperation reads the form of the query protocols: the body of a POST,
// and the URL's query.
func formOperation(r *http.Request, body []byte) (string, input, *apiError) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return "", nil, newError(400, "MalformedQueryString", "%v", err)
	}
	for k, v := range r.URL.Query() {
		form[k] = v
	}
	in := input{}
	for k, v := range form {
		in[k] = v[0]
	}
	if in["Action"] == "" {
		return "", in, newError(400, "MissingAction", "the request names no Action")
	}
	return in["Action"], in, nil
}

func (p queryProtocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	b := newXMLWriter()
	b.open(c.op+"Response", p.xmlns)
	b.open(c.op + "Result")
	if err := writeSchemaStruct(b, op.schema, out); err != nil {
		p.writeError(w, c, snapshotError(c, err))
		return
	}
	b.close(c.op + "Result")
	b.open("ResponseMetadata")
	b.leaf("RequestId", c.server.requestID())
	b.close("ResponseMetadata")
	b.close(c.op + "Response")
	b.send(w, http.StatusOK)
}

func (p queryProtocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	b := newXMLWriter()
	b.open("ErrorResponse", p.xmlns)
	b.open("Error")
	b.leaf("Type", faultType(e))
	b.leaf("Code", e.code)
	b.leaf("Message", e.message)
	b.close("Error")
	b.leaf("RequestId", c.server.requestID())
	b.close("ErrorResponse")
	setHeaders(w, e)
	b.send(w, e.status)
}

// faultType is Sender for the client's errors, Receiver for the server's.
func faultType(e *apiError) string {
	if e.status >= 500 {
		return "Receiver"
	}
	return "Sender"
}

func setHeaders(w http.ResponseWriter, e *apiError) {
	for k, v := range e.header {
		w.Header().Set(k, v)
	}
}

// snapshotError answers a call whose snapshot value does not fit the
// output's shape: a fault of the snapshot, reported as a server error that
// names it.
func snapshotError(c *call, err error) *apiError {
	return newError(500, "InternalFailure", "awsfake: the snapshot of account %s does not fit %s:%s: %v", c.acct.id, c.svc.name, c.op, err)
}
