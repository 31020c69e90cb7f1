package snapshot

import (
	"fmt"
	"regexp"
	"strings"
)

// arnParts are the fields of an ARN:
// arn:partition:service:region:account:resource.
type arnParts struct {
	Partition, Service, Region, Account, Resource string
}

func parseARN(s string) (arnParts, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return arnParts{}, false
	}
	return arnParts{parts[1], parts[2], parts[3], parts[4], parts[5]}, true
}

func arnAccount(s string) string {
	p, _ := parseARN(s)
	return p.Account
}

func arnRegion(s string) string {
	p, _ := parseARN(s)
	return p.Region
}

// regionPattern matches AWS region names (us-east-1, us-gov-west-1,
// cn-north-1, ap-southeast-5, eusc-de-east-1).
var regionPattern = regexp.MustCompile(`^[a-z]{2,4}(-[a-z]+)+-[0-9]+$`)

func isRegion(s string) bool { return regionPattern.MatchString(s) }

// zoneRegion returns the region of an availability zone or local zone:
// "us-east-1a" → "us-east-1", "us-west-2-lax-1a" → "us-west-2".
var zonePattern = regexp.MustCompile(`^([a-z]{2,4}(-[a-z]+)+-[0-9]+)`)

func zoneRegion(zone string) string {
	m := zonePattern.FindStringSubmatch(zone)
	if m == nil {
		return ""
	}
	return m[1]
}

// partition returns the ARN partition of a region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

func instanceARN(region, account, id string) string {
	return fmt.Sprintf("arn:%s:ec2:%s:%s:instance/%s", partition(region), region, account, id)
}

func bucketARN(region, name string) string {
	return fmt.Sprintf("arn:%s:s3:::%s", partition(region), name)
}

// firstNonEmpty returns the first of its arguments that is not empty.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
