package awsfake

import (
	"strings"
	"sync"
)

// faults decides which calls fail before the snapshot answers them:
// Options.Throttle, Options.Deny and the manifests' not_collected entries.
type faults struct {
	mu       sync.Mutex
	throttle map[string]int
	deny     map[string]string
}

func newFaults(opt Options) *faults {
	f := &faults{throttle: map[string]int{}, deny: map[string]string{}}
	for k, n := range opt.Throttle {
		f.throttle[k] = n
	}
	for k, code := range opt.Deny {
		f.deny[k] = code
	}
	return f
}

// faultKeys are the fault keys that match c, the most specific first. An
// AssumeRole call also matches the account of the role it assumes.
func faultKeys(c *call, extraAccount string) []string {
	var out []string
	for _, op := range []string{c.op, "*"} {
		base := c.svc.name + ":" + op
		out = append(out, base+"@"+c.region, base+"@"+c.acct.id)
		if extraAccount != "" {
			out = append(out, base+"@"+extraAccount)
		}
		out = append(out, base)
	}
	return out
}

// check returns the error that c meets, if any: throttling first (a
// throttled call is retried, then perhaps denied), then denial.
func (f *faults) check(c *call, extraAccount string) *apiError {
	ks := faultKeys(c, extraAccount)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range ks {
		if f.throttle[k] > 0 {
			f.throttle[k]--
			e := c.svc.throttle
			return &e
		}
	}
	for _, k := range ks {
		if code, ok := f.deny[k]; ok {
			return newError(deniedStatus(c.svc, code), code, "User: %s is not authorized to perform: %s:%s", c.caller.arn, c.svc.name, c.op)
		}
	}
	return f.gap(c)
}

// gap answers c with the error of a not_collected entry of its account's
// manifest that covers it: the operation its reason names, or when the
// fake serves no such operation, the whole service.
func (f *faults) gap(c *call) *apiError {
	for _, g := range c.acct.manifest.gaps {
		if g.region != "" && g.region != c.region || !contains(g.services(), c.svc.name) {
			continue
		}
		if c.server.serves(g.operation) && g.operation != c.svc.name+":"+c.op {
			continue
		}
		return newError(deniedStatus(c.svc, g.code), g.code, "%s", g.message)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
