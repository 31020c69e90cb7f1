package awsfake

import "net/http"

// ec2Protocol is ec2Query: the input is a form like awsQuery's, the answer
// <OpResponse><requestId/>...</OpResponse> with lowerCamelCase elements
// and <item> list items, an error <Response><Errors><Error><Code>.
type ec2Protocol struct{}

const ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/"

func (ec2Protocol) operation(r *http.Request, body []byte) (string, input, *apiError) {
	return formOperation(r, body)
}

func (p ec2Protocol) writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any) {
	b := newXMLWriter()
	b.open(c.op+"Response", ec2Namespace)
	b.leaf("requestId", c.server.requestID())
	if err := ec2XML.writeStruct(b, op.goType, out); err != nil {
		p.writeError(w, c, snapshotError(c, err))
		return
	}
	b.close(c.op + "Response")
	b.send(w, http.StatusOK)
}

func (ec2Protocol) writeError(w http.ResponseWriter, c *call, e *apiError) {
	b := newXMLWriter()
	b.open("Response")
	b.open("Errors")
	b.open("Error")
	b.leaf("Code", e.code)
	b.leaf("Message", e.message)
	b.close("Error")
	b.close("Errors")
	b.leaf("RequestID", c.server.requestID())
	b.close("Response")
	setHeaders(w, e)
	b.send(w, e.status)
}
