package collect

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/smithy-go"
)

// Gap is a part of an account that could not be collected: one entry of
// manifest.json's not_collected list, as the snapshot loader reads it.
// Region is empty for global services (IAM, S3, Organizations).
type Gap struct {
	Region  string `json:"region"`
	Service string `json:"service"`
	Reason  string `json:"reason"`
}

// gapReason describes a failed call for the manifest: the error code and
// message AWS sent (AWS's messages name the denied action), then the
// operation and the item it was about.
func gapReason(err error, item string) string {
	var reason string
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		reason = apiErr.ErrorCode()
		if msg := apiErr.ErrorMessage(); msg != "" {
			reason += ": " + msg
		}
	} else {
		reason = err.Error()
	}
	var opErr *smithy.OperationError
	if errors.As(err, &opErr) {
		where := opErr.Operation()
		if item != "" {
			where += " " + item
		}
		reason += " (" + where + ")"
	} else if item != "" {
		reason += " (" + item + ")"
	}
	return strings.Join(strings.Fields(reason), " ")
}

// errorCode is the AWS error code of err, or "" when err is not an API
// error (a network failure, a cancelled context).
func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// stopped reports whether err ends the whole collection rather than one
// part of it: the context was cancelled (Ctrl-C) or its deadline passed.
func stopped(ctx context.Context, err error) bool {
	return ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

func sortGaps(gaps []Gap) {
	sort.Slice(gaps, func(i, j int) bool {
		a, b := gaps[i], gaps[j]
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		return a.Reason < b.Reason
	})
}

// dedupeGaps sorts gaps and drops repeated entries.
func dedupeGaps(gaps []Gap) []Gap {
	sortGaps(gaps)
	out := gaps[:0]
	for i, g := range gaps {
		if i == 0 || g != gaps[i-1] {
			out = append(out, g)
		}
	}
	return out
}

func (g Gap) String() string {
	where := g.Service
	if g.Region != "" {
		where = fmt.Sprintf("%s in %s", g.Service, g.Region)
	}
	return where + ": " + g.Reason
}
