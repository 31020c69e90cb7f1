package technique

import "sync"

// memo is a cache that several goroutines of one build may fill at once.
// A value is computed outside the lock; when two goroutines compute the
// same key, the first stored value wins and both return it, so a cache
// only ever holds one answer per key.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *memo[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

// put stores v unless the key has a value already, and returns the stored
// value.
func (c *memo[K, V]) put(k K, v V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if have, ok := c.m[k]; ok {
		return have
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return v
}

// do returns the cached value of k, computing it with f on a miss.
func (c *memo[K, V]) do(k K, f func() V) V {
	if v, ok := c.get(k); ok {
		return v
	}
	return c.put(k, f())
}
