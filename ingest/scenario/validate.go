package scenario

import (
	"net/netip"
	"regexp"
	"strings"
)

var (
	accountPattern = regexp.MustCompile(`^[0-9]{12}$`)
	regionPattern  = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$`)
	awsIDPattern   = regexp.MustCompile(`^[a-z]+-[0-9A-Za-z][0-9A-Za-z-]*$`)
	iamNamePattern = regexp.MustCompile(`^[\w+=,.@-]{1,128}$`)
	iamPathPattern = regexp.MustCompile(`^/([\x21-\x7E]*/)?$`)
)

// names is a kind of named object with the pattern its names follow.
type names struct {
	kind    string
	pattern *regexp.Regexp
	rule    string
}

var (
	bucketNames   = names{"bucket name", regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`), "3-63 lower-case letters, digits, dots and hyphens"}
	functionNames = names{"function name", regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`), "1-64 letters, digits, hyphens and underscores"}
	elbNames      = names{"name", regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?$`), "1-32 letters, digits and hyphens, not starting or ending with a hyphen"}
	secretNames   = names{"secret name", regexp.MustCompile(`^[\w/+=.@-]{1,512}$`), "letters, digits and /_+=.@-"}
	dbNames       = names{"DB instance id", regexp.MustCompile(`^[A-Za-z]([A-Za-z0-9]|-[A-Za-z0-9]){0,62}$`), "1-63 letters, digits and single hyphens, starting with a letter"}
	tableNames    = names{"table name", regexp.MustCompile(`^[A-Za-z0-9_.-]{3,255}$`), "3-255 letters, digits and _.-"}
	keyIDs        = names{"key id", regexp.MustCompile(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$`), "a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits"}
)

// name reads a required name that must follow the pattern of its kind.
func (v value) name(n names) string {
	s := v.str()
	if !v.absent() && !n.pattern.MatchString(s) {
		v.failf("invalid %s %q: use %s", n.kind, s, n.rule)
		return ""
	}
	return s
}

// account reads a 12-digit account id. YAML may have read an unquoted id
// as a number; the text as written is used, so leading zeros survive.
func (v value) account() string {
	s := v.str()
	if !v.absent() && !accountPattern.MatchString(s) {
		v.failf("invalid account id %q: an account id is 12 digits (quote it to keep leading zeros)", s)
		return ""
	}
	return s
}

// awsID reads an id with the given prefix, such as "vpc-" or "sg-".
func (v value) awsID(prefix string) string {
	s := v.str()
	if !v.absent() && (!strings.HasPrefix(s, prefix) || !awsIDPattern.MatchString(s)) {
		v.failf("invalid id %q: expected %s followed by letters, digits and hyphens", s, prefix)
		return ""
	}
	return s
}

// iamName reads the name of an IAM user, group, role or policy.
func (v value) iamName() string {
	s := v.str()
	if !v.absent() && !iamNamePattern.MatchString(s) {
		v.failf("invalid IAM name %q: use up to 128 letters, digits and +=,.@_-", s)
		return ""
	}
	return s
}

// iamPath reads an IAM path; "/" when absent.
func (v value) iamPath() string {
	if v.absent() {
		return "/"
	}
	s := v.str()
	if !iamPathPattern.MatchString(s) {
		v.failf("invalid IAM path %q: a path starts and ends with /", s)
		return "/"
	}
	return s
}

func regionOr(v value, def string) string {
	if v.absent() {
		return def
	}
	s := v.str()
	if !regionPattern.MatchString(s) {
		v.failf("invalid region %q", s)
		return def
	}
	return s
}

// cidr reads a network in CIDR notation (IPv4 or IPv6).
func (v value) cidr() (netip.Prefix, bool) {
	s := v.str()
	if v.absent() {
		return netip.Prefix{}, false
	}
	return parseCIDR(v, s)
}

func parseCIDR(v value, s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		v.failf("invalid CIDR %q", s)
		return p, false
	}
	if p.Masked() != p {
		v.failf("invalid CIDR %q: host bits are set (did you mean %s?)", s, p.Masked())
		return p, false
	}
	return p, true
}

// ip reads a single IP address.
func (v value) ip() string {
	s := v.str()
	if v.absent() {
		return ""
	}
	if _, err := netip.ParseAddr(s); err != nil {
		v.failf("invalid IP address %q", s)
		return ""
	}
	return s
}
