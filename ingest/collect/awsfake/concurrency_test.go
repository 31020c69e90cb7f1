package awsfake

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestConcurrentCollections: a collector calls from many goroutines at
// once (run with -race); every call is answered and recorded, and a
// throttle counts the calls of every goroutine.
func TestConcurrentCollections(t *testing.T) {
	files := fixtureFiles(t, capitalOne)
	collect := func(t testing.TB, srv *Server) {
		cfg := clientConfig(srv, "us-east-1")
		for _, f := range files {
			if f.region == "" {
				accountRebuilds[f.name](t, cfg, f.account)
			} else {
				regionRebuilds[f.name](t, cfg, f.account)
			}
		}
	}
	one := startServer(t, capitalOne, Options{})
	collect(t, one)
	perCollection := len(one.Calls())

	const workers, throttled = 6, 2
	srv := startServer(t, capitalOne, Options{Throttle: map[string]int{"ec2:*": throttled}})
	t.Run("collections", func(t *testing.T) {
		for i := range workers {
			t.Run(strconv.Itoa(i), func(t *testing.T) {
				t.Parallel()
				collect(t, srv)
			})
		}
	})
	assert.Equal(t, workers*perCollection+throttled, len(srv.Calls()), "every call, and the throttled ones once more")
}
