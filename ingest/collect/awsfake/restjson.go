package awsfake

import (
	"net/http"
	"net/url"
	"strings"
)

// lambdaProtocol is restJson1 as Lambda uses it: the operation is the
// method and path (GET /2015-03-31/functions/{FunctionName}/policy), the
// input URI labels and query parameters, the answer JSON; an error names
// its code in the X-Amzn-ErrorType header.
type lambdaProtocol struct{}

// lambdaRoute is one operation's path: its segments, "{Label}" for a URI
// label.
type lambdaRoute struct {
	op       string
	segments []string
}

var lambdaRoutes = []lambdaRoute{
	{"ListFunctions", []string{"2015-03-31", "functions"}},
	{"GetPolicy", []string{"2015-03-31", "functions", "{FunctionName}", "policy"}},
	{"ListTags", []string{"2017-03-31", "tags", "{Resource}"}},
}

func (lambdaProtocol) operation(r *http.Request, _ []byte) (string, input, *apiError) {
	segments, err := pathSegments(r.URL)
	if err != nil {
		return "", nil, newError(400, "InvalidRequestContentException", "%v", err)
	}
	for _, route := range lambdaRoutes {
		in, ok := route.match(segments)
		if !ok || r.Method != http.MethodGet {
			continue
		}
		for k, v := range r.URL.Query() {
			in[k] = v[0]
		}
		return route.op, in, nil
	}
	return r.Method + " " + r.URL.Path, nil, newError(404, "UnknownOperationException", "awsfake does not serve %s %s", r.Method, r.URL.Path)
}

// pathSegments splits the escaped path and unescapes each segment, so that
// a label holding an ARN (escaped or not) stays one segment.
func pathSegments(u *url.URL) ([]string, error) {
	var out []string
	for _, s := range strings.Split(strings.Trim(u.EscapedPath(), "/"), "/") {
		v, err := url.PathUnescape(s)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (route lambdaRoute) match(segments []string) (input, bool) {
	if len(segments) != len(route.segments) {
		return nil, false
	}
	in := input{}
	for i, want := range route.segments {
		if strings.HasPrefix(want, "{") {
			in[strings.Trim(want, "{}")] = segments[i]
		} else if want != segments[i] {
			return nil, false
		}
	}
	return in, true
}

func (p lambdaProtocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	v, err := schemaJSON(op.schema, out, true)
	if err != nil {
		p.writeError(w, c, snapshotError(c, err))
		return
	}
	sendJSON(w, c, "application/json", http.StatusOK, v)
}

func (lambdaProtocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	setHeaders(w, e)
	w.Header().Set("X-Amzn-ErrorType", e.code)
	body := errorBody(e)
	body["Type"] = "User"
	if e.status >= 500 {
		body["Type"] = "Service"
	}
	sendJSON(w, c, "application/json", e.status, body)
}
