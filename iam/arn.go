package iam

import "strings"

// arnParts is an ARN split into its six colon-separated fields; the last
// keeps any further colons.
type arnParts struct {
	partition, service, region, account, resource string
}

func parseARN(s string) (arnParts, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return arnParts{}, false
	}
	var f [4]string
	for i := range f {
		field, after, found := strings.Cut(rest, ":")
		if !found {
			return arnParts{}, false
		}
		f[i], rest = field, after
	}
	return arnParts{partition: f[0], service: f[1], region: f[2], account: f[3], resource: rest}, true
}

// accountOf returns the account field of an ARN, or "".
func accountOf(s string) string {
	a, _ := parseARN(s)
	return a.account
}

// lastSegment is the part of a resource path after its last '/'.
func lastSegment(s string) string {
	return s[strings.LastIndexByte(s, '/')+1:]
}
