package technique

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach runs f for every i in [0, n) on as many goroutines as the
// machine has processors, and returns the error of the lowest i that
// failed. Techniques that evaluate many independent requests use it to
// compute edges in parallel, then emit them in index order, so the graph
// does not depend on scheduling.
func forEach(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				errs[i] = f(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
