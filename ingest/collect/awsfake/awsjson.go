package awsfake

import (
	"bytes"
	"encoding/json"
	"hash/crc32"
	"net/http"
	"strconv"
	"strings"
)

// jsonProtocol is awsJson 1.0 or 1.1 (KMS, Secrets Manager, DynamoDB,
// Organizations): a POST whose X-Amz-Target header names the operation
// (TrentService.ListKeys) and whose body is the input as JSON; the answer
// is the output as JSON, an error {"__type": code, "message": ...}.
type jsonProtocol struct{ target, version string }

func (p jsonProtocol) operation(r *http.Request, body []byte) (string, input, *apiError) {
	prefix, op, ok := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
	if !ok || prefix != p.target {
		return op, nil, newError(400, "UnknownOperationException", "X-Amz-Target %q is not %s.Operation", r.Header.Get("X-Amz-Target"), p.target)
	}
	in, e := jsonInput(body)
	return op, in, e
}

// jsonInput reads the top-level scalar members of a JSON body.
func jsonInput(body []byte) (input, *apiError) {
	in := input{}
	if len(bytes.TrimSpace(body)) == 0 {
		return in, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, newError(400, "SerializationException", "the body is not a JSON object: %v", err)
	}
	for k, v := range obj {
		if s, err := scalarText(v); err == nil {
			in[k] = s
		}
	}
	return in, nil
}

func (p jsonProtocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	v, err := schemaJSON(op.schema, out, false)
	if err != nil {
		p.writeError(w, c, snapshotError(c, err))
		return
	}
	sendJSON(w, c, "application/x-amz-json-"+p.version, http.StatusOK, v)
}

func (p jsonProtocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	setHeaders(w, e)
	sendJSON(w, c, "application/x-amz-json-"+p.version, e.status, errorBody(e))
}

// errorBody is a JSON error. Services spell the message member message or
// Message; both are sent.
func errorBody(e *apiError) map[string]any {
	return map[string]any{"__type": e.code, "message": e.message, "Message": e.message}
}

func sendJSON(w http.ResponseWriter, c *call, contentType string, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"__type":"InternalFailure","message":"awsfake: cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-RequestId", c.server.requestID())
	// DynamoDB signs every answer with the CRC32 of its body, and the SDK
	// checks it (and complains on every call when it is missing).
	w.Header().Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(data)), 10))
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
