package awsfake

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/aws/smithy-go"
)

// protocol is one of AWS's wire protocols: how a request names its
// operation and input, and how answers and errors are written.
type protocol interface {
	operation(r *http.Request, body []byte) (string, input, *apiError)
	writeOutput(w http.ResponseWriter, c *call, op operation, out map[string]any)
	writeError(w http.ResponseWriter, c *call, e *apiError)
}

// operation is one API operation the fake answers. run returns the output
// in the shape the AWS CLI prints it; the protocol writes it on the wire
// following the output's shape: a Smithy schema of the SDK, or for the
// services whose SDK clients have none (EC2, S3) the SDK's Go type.
type operation struct {
	run    func(*call) (map[string]any, *apiError)
	schema *smithy.Schema
	goType reflect.Type
	// root and payload: S3 writes the output member payload (all of the
	// output when "") as the body's root element root.
	root, payload string
}

// service is one AWS service the fake answers.
type service struct {
	name     string // in Calls and fault keys
	regional bool
	proto    protocol
	ops      map[string]operation
	throttle apiError // its throttling error
	disabled apiError // its answer in a region that is not enabled
}

// input is a request's input members by name: form fields of the query
// protocols, top-level members of a JSON body, URI labels and query
// parameters of the REST protocols. Lists of the query protocols keep
// their flattened names (Filter.member.1).
type input map[string]string

// call is one request as an operation sees it.
type call struct {
	server *Server
	svc    *service
	op     string
	acct   *account
	caller principal
	region string
	in     input
}

// regionFile is the calling account's region-scoped file of the call's
// region, or nil.
func (c *call) regionFile(name string) map[string]any { return c.acct.regionFile(c.region, name) }

// pageSize is the size of the call's pages: Options.PageSize, or the
// request's own limit (the member named limit) when it is smaller.
func (c *call) pageSize(limit string) int {
	size := c.server.opt.PageSize
	if n, ok := positive(c.in[limit]); ok && n < size {
		size = n
	}
	return size
}

// services returns every service the fake answers, by the name a
// request's signature gives it (S3 Control signs as s3; see route).
func services(s3Host string) map[string]*service {
	all := []*service{
		iamService(), stsService(), ec2Service(), elbv2Service(), rdsService(),
		s3Service(s3Host), s3ControlService(), lambdaService(), kmsService(),
		secretsManagerService(), dynamoDBService(), organizationsService(),
	}
	out := map[string]*service{}
	for _, s := range all {
		out[s.name] = s
	}
	return out
}

// serves reports whether the fake answers key, a service:Operation.
func (s *Server) serves(key string) bool {
	name, op, _ := strings.Cut(key, ":")
	if svc := s.services[name]; svc != nil {
		_, ok := svc.ops[op]
		return ok
	}
	return false
}
