package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// stableHex derives an id of n hex digits from the parts, so that the ids
// AWS would pick at random (load balancer ids, secret suffixes) are the
// same on every load of the same scenario.
func stableHex(n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])[:n]
}

// stableDigits is stableHex in decimal digits, for DNS names.
func stableDigits(n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteByte('0' + sum[i%len(sum)]%10)
	}
	return b.String()
}

// stableAlnum is stableHex in letters and digits (upper case when upper).
func stableAlnum(n int, upper bool, parts ...string) string {
	alphabet := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	if upper {
		alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[int(sum[i%len(sum)])%len(alphabet)]
	}
	return string(out)
}

func iamARN(account, kind, path, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:%s%s%s", account, kind, path, name)
}

func regionalARN(service, region, account, resource string) string {
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, region, account, resource)
}

// awsManagedARN is the ARN of an AWS managed policy given by name or by
// path and name ("job-function/ViewOnlyAccess").
func awsManagedARN(name string) string {
	return "arn:aws:iam::aws:policy/" + strings.TrimPrefix(name, "/")
}
