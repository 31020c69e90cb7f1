package iam

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestConcurrentEvaluation evaluates shared policies from many goroutines:
// the graph builder does, and a policy compiles on first use.
func TestConcurrentEvaluation(t *testing.T) {
	set := PolicySet{Identity: identity(t, stmts(allowFromOffice, allowGetAll, denyWithoutMFA))}
	var wg sync.WaitGroup
	results := make([]Outcome, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := Evaluate(unknownReq("aws:MultiFactorAuthPresent"), set)
			if err == nil {
				results[i] = d.Outcome
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, Conditional, r)
	}
}
