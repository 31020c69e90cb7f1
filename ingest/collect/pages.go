package collect

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// paginator is the shape of every SDK paginator; O is the service's
// client options type.
type paginator[T, O any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...func(*O)) (T, error)
}

// items walks every page of a paginator and gathers the items that each
// page holds, in order. The result is never nil.
func items[T, O, I any](ctx context.Context, p paginator[T, O], pick func(T) []I) ([]I, error) {
	out := []I{}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, pick(page)...)
	}
	return out, nil
}

// forEach runs fn for 0..n-1 with at most itemConcurrency calls at once
// and returns the first error fn returns (fn records the errors that do not
// stop the collection itself). Callers store results by index, which keeps
// the order of the files deterministic.
func forEach(ctx context.Context, n int, fn func(ctx context.Context, i int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(itemConcurrency)
	for i := range n {
		g.Go(func() error { return fn(ctx, i) })
	}
	return g.Wait()
}

// eachEntry builds one file entry per item with at most itemConcurrency
// calls at once, and returns the entries in item order, leaving out the
// items that entry skipped (returned nil for, having recorded the gap).
func eachEntry(ctx context.Context, n int, entry func(ctx context.Context, i int) (*object, error)) ([]any, error) {
	entries := make([]*object, n)
	err := forEach(ctx, n, func(ctx context.Context, i int) error {
		e, err := entry(ctx, i)
		entries[i] = e
		return err
	})
	if err != nil {
		return nil, err
	}
	kept := []any{}
	for _, e := range entries {
		if e != nil {
			kept = append(kept, e)
		}
	}
	return kept, nil
}
