package awsfake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"
)

const (
	capitalOne  = "../../../testdata/snapshots/capital-one"
	twoAccounts = "../../../testdata/snapshots/two-accounts"
	management  = "111122223333"
	workloads   = "444455556666"
)

// startServer serves dir for the length of the test.
func startServer(t testing.TB, dir string, opt Options) *Server {
	t.Helper()
	srv, err := New(dir, opt)
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	return srv
}

// clientConfig is an SDK configuration that reaches srv with static
// credentials, as a test of the collector would set it up, with retries
// that do not wait.
func clientConfig(srv *Server, region string) aws.Config {
	return aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAAWSFAKETESTKEY01", "secret", ""),
		BaseEndpoint: aws.String(srv.URL()),
		HTTPClient:   srv.HTTPClient(),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			})
		},
	}
}

// assumedConfig is cfg with the credentials of a role in account, assumed
// through the fake's STS.
func assumedConfig(cfg aws.Config, account string) aws.Config {
	roleARN := "arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole"
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN))
	return cfg
}

// apiError returns the code and HTTP status of an SDK error.
func errorCodeAndStatus(t testing.TB, err error) (string, int) {
	t.Helper()
	require.Error(t, err)
	var api smithy.APIError
	require.True(t, errors.As(err, &api), "not an API error: %v", err)
	status := 0
	var resp *awshttp.ResponseError
	if errors.As(err, &resp) {
		status = resp.HTTPStatusCode()
	}
	return api.ErrorCode(), status
}

// asTree is v as encoding/json writes it, read back as a JSON tree: the
// SDK's Go field names are the CLI's.
func asTree(t testing.TB, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	require.NoError(t, dec.Decode(&tree))
	return tree
}

// sameJSON reports where got differs from want: every value of want must
// be in got (timestamps compared as instants, numbers as numbers), and a
// key of got that want does not have must hold a zero value (the SDK's
// Go types have fields for members AWS did not send).
func sameJSON(path string, want, got any) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, got %v", path, got)
		}
		for _, k := range sortedKeys(w) {
			if err := sameJSON(path+"."+k, w[k], g[k]); err != nil {
				return err
			}
		}
		for _, k := range sortedKeys(g) {
			if _, in := w[k]; !in && !isZero(g[k]) {
				return fmt.Errorf("%s.%s: unexpected %v", path, k, g[k])
			}
		}
		return nil
	case []any:
		g, ok := got.([]any)
		if !ok && len(w) == 0 && got == nil {
			return nil
		}
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: want %d items, got %v", path, len(w), got)
		}
		for i := range w {
			if err := sameJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i]); err != nil {
				return err
			}
		}
		return nil
	case nil:
		if !isZero(got) {
			return fmt.Errorf("%s: want null, got %v", path, got)
		}
		return nil
	}
	return sameScalar(path, want, got)
}

func sameScalar(path string, want, got any) error {
	if wn, ok := want.(json.Number); ok {
		gn, ok := got.(json.Number)
		a, _, _ := big.ParseFloat(wn.String(), 10, 100, big.ToNearestEven)
		if ok {
			if b, _, err := big.ParseFloat(gn.String(), 10, 100, big.ToNearestEven); err == nil && a.Cmp(b) == 0 {
				return nil
			}
		}
		return fmt.Errorf("%s: want %v, got %v", path, want, got)
	}
	if want == got {
		return nil
	}
	wt, werr := parseTimestamp(want)
	gt, gerr := parseTimestamp(got)
	if werr == nil && gerr == nil && wt.Equal(gt) {
		return nil
	}
	return fmt.Errorf("%s: want %v, got %v", path, want, got)
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case json.Number:
		return x == "0"
	case []any:
		return len(x) == 0
	case map[string]any:
		for _, val := range x {
			if !isZero(val) {
				return false
			}
		}
		return true
	}
	return false
}

// ctx is the context of the tests' calls.
func ctx(t testing.TB) context.Context { return t.Context() }

func jsonNumber(s string) json.Number { return json.Number(s) }
