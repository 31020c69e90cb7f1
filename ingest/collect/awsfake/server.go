package awsfake

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"sync/atomic"
)

// Options shape the fake's answers beyond what the snapshot holds.
type Options struct {
	// PageSize is the number of items per page of every list and describe
	// call (fewer when the request asks for fewer); default 2, so that
	// every list of more than two items takes several pages.
	PageSize int
	// Throttle answers the first N calls that match a key with the
	// service's throttling error. Keys are "service:Operation", optionally
	// followed by "@region" or "@account-id"; "*" as the operation matches
	// every operation of the service.
	Throttle map[string]int
	// Deny answers every call that matches a key (as for Throttle) with the
	// error code given, e.g. "AccessDenied", "UnauthorizedOperation",
	// "OptInRequired", "AccessDeniedException".
	Deny map[string]string
	// Regions are the regions that answer regional services. A call in any
	// other region fails as AWS answers in a region that is not enabled.
	// Empty: every region answers.
	Regions []string
}

// Call is one request the fake received.
type Call struct {
	// Service is the fake's name for the service: iam, sts, ec2, s3,
	// s3control, elasticloadbalancing, rds, lambda, kms, secretsmanager,
	// dynamodb or organizations.
	Service string
	// Operation is the API operation, as the SDK names its method.
	Operation string
	// Region is the region of the request's signature.
	Region string
	// Account is the account whose credentials signed the request.
	Account string
}

// Server is a local HTTP endpoint that answers AWS API calls from a
// snapshot directory.
type Server struct {
	http     *httptest.Server
	estate   *estate
	opt      Options
	faults   *faults
	sessions *sessions
	services map[string]*service
	requests atomic.Int64

	mu    sync.Mutex
	calls []Call
}

// New serves the snapshot in dir: one account's snapshot directory, or a
// directory whose sub-directories are account snapshots (an organisation:
// each account's calls are answered from its own directory, chosen by the
// credentials that sign them).
func New(dir string, opt Options) (*Server, error) {
	if opt.PageSize <= 0 {
		opt.PageSize = 2
	}
	opt.Regions = append([]string(nil), opt.Regions...)
	est, err := loadEstate(dir)
	if err != nil {
		return nil, fmt.Errorf("awsfake: %w", err)
	}
	s := &Server{
		estate:   est,
		opt:      opt,
		faults:   newFaults(opt),
		sessions: newSessions(),
	}
	s.http = httptest.NewUnstartedServer(s)
	s.services = services(s.http.Listener.Addr().String())
	s.http.Start()
	return s, nil
}

// URL is the one endpoint of every service: give it to each SDK client as
// its BaseEndpoint.
func (s *Server) URL() string { return s.http.URL }

// Close shuts the server down.
func (s *Server) Close() { s.http.Close() }

// Calls returns every call received so far, in the order received.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// HTTPClient returns an HTTP client that connects every request to the
// server whatever host name it names. S3 Control puts the account id in
// front of the endpoint's host (111122223333.127.0.0.1:port), and
// virtual-hosted S3 the bucket name; neither resolves, so give this client
// to those SDK clients (or to all).
func (s *Server) HTTPClient() *http.Client {
	addr := s.http.Listener.Addr().String()
	dialer := &net.Dialer{}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
		MaxIdleConnsPerHost: 64,
	}}
}

// requestID numbers the server's answers, as AWS's request ids do.
func (s *Server) requestID() string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", s.requests.Add(1))
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
}

// answeringRegions are the regions DescribeRegions lists as enabled for
// the account: Options.Regions, else those the account's snapshot names.
func (s *Server) answeringRegions(a *account) []string {
	if len(s.opt.Regions) > 0 {
		out := append([]string(nil), s.opt.Regions...)
		sort.Strings(out)
		return out
	}
	return a.regions()
}

// regionAnswers reports whether a regional service answers in region.
func (s *Server) regionAnswers(region string) bool {
	if len(s.opt.Regions) == 0 {
		return true
	}
	for _, r := range s.opt.Regions {
		if r == region {
			return true
		}
	}
	return false
}
