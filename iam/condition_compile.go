package iam

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// family is what a condition operator compares.
type family uint8

const (
	famString family = iota
	famStringIgnoreCase
	famStringLike
	famNumeric
	famDate
	famBool
	famBinary
	famIP
	famARN
	famNull
)

// comparison is the relation a numeric or date operator tests.
type comparison uint8

const (
	cmpEq comparison = iota
	cmpLT
	cmpLE
	cmpGT
	cmpGE
)

type operator struct {
	family  family
	cmp     comparison
	negated bool
}

// operators maps each documented base operator (lower-cased) to what it
// tests. Negated operators test the positive relation and invert it.
var operators = map[string]operator{
	"stringequals":              {family: famString},
	"stringnotequals":           {family: famString, negated: true},
	"stringequalsignorecase":    {family: famStringIgnoreCase},
	"stringnotequalsignorecase": {family: famStringIgnoreCase, negated: true},
	"stringlike":                {family: famStringLike},
	"stringnotlike":             {family: famStringLike, negated: true},
	"numericequals":             {family: famNumeric},
	"numericnotequals":          {family: famNumeric, negated: true},
	"numericlessthan":           {family: famNumeric, cmp: cmpLT},
	"numericlessthanequals":     {family: famNumeric, cmp: cmpLE},
	"numericgreaterthan":        {family: famNumeric, cmp: cmpGT},
	"numericgreaterthanequals":  {family: famNumeric, cmp: cmpGE},
	"dateequals":                {family: famDate},
	"datenotequals":             {family: famDate, negated: true},
	"datelessthan":              {family: famDate, cmp: cmpLT},
	"datelessthanequals":        {family: famDate, cmp: cmpLE},
	"dategreaterthan":           {family: famDate, cmp: cmpGT},
	"dategreaterthanequals":     {family: famDate, cmp: cmpGE},
	"bool":                      {family: famBool},
	"binaryequals":              {family: famBinary},
	"ipaddress":                 {family: famIP},
	"notipaddress":              {family: famIP, negated: true},
	"arnequals":                 {family: famARN},
	"arnlike":                   {family: famARN},
	"arnnotequals":              {family: famARN, negated: true},
	"arnnotlike":                {family: famARN, negated: true},
	"null":                      {family: famNull},
}

// setOperator is the ForAllValues:/ForAnyValue: qualifier.
type setOperator uint8

const (
	setNone setOperator = iota
	setForAll
	setForAny
)

type compiledCondition struct {
	src      Condition
	key      string // lower-cased
	op       operator
	set      setOperator
	ifExists bool
	// One of these holds the policy values, by family.
	templates []template // string, like, bool, ARN (variables allowed)
	numbers   []float64
	dates     []time.Time
	blobs     [][]byte
	prefixes  []netip.Prefix
	nulls     []bool // Null: true means "the key must be absent"
	// static holds the string, pattern and ARN values ready for matching
	// when none of them has a policy variable.
	static    resolvedValues
	hasStatic bool
}

func (cc *compiledCondition) prepareStatic() {
	for _, t := range cc.templates {
		if t.vars {
			return
		}
	}
	cc.static, _ = cc.policyValues(nil)
	cc.hasStatic = true
}

func compileCondition(c Condition, variables bool) (compiledCondition, error) {
	cc := compiledCondition{src: c, key: strings.ToLower(c.Key)}
	name := c.Operator
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, "forallvalues:"):
		cc.set, lower = setForAll, lower[len("forallvalues:"):]
	case strings.HasPrefix(lower, "foranyvalue:"):
		cc.set, lower = setForAny, lower[len("foranyvalue:"):]
	}
	if base, ok := strings.CutSuffix(lower, "ifexists"); ok && base != "null" {
		cc.ifExists, lower = true, base
	}
	op, ok := operators[lower]
	if !ok {
		return cc, fmt.Errorf("unknown condition operator %q", name)
	}
	if op.family == famNull && (cc.ifExists || cc.set != setNone) {
		return cc, fmt.Errorf("condition operator %q: Null takes no qualifier", name)
	}
	cc.op = op
	if err := cc.compileValues(variables); err != nil {
		return cc, fmt.Errorf("condition %s %s: %w", name, c.Key, err)
	}
	cc.prepareStatic()
	return cc, nil
}

func (cc *compiledCondition) compileValues(variables bool) error {
	for _, v := range cc.src.Values {
		if err := cc.compileValue(v, variables); err != nil {
			return err
		}
	}
	return nil
}

func (cc *compiledCondition) compileValue(v string, variables bool) error {
	switch cc.op.family {
	case famString, famStringIgnoreCase, famStringLike, famBool, famARN:
		t := newTemplate(v, variables)
		if cc.op.family == famBool && !t.vars && !isBool(v) {
			return fmt.Errorf("value %q is not true or false", v)
		}
		cc.templates = append(cc.templates, t)
	case famNumeric:
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("value %q is not a number", v)
		}
		cc.numbers = append(cc.numbers, n)
	case famDate:
		t, ok := parseDate(v)
		if !ok {
			return fmt.Errorf("value %q is not an ISO 8601 date or epoch time", v)
		}
		cc.dates = append(cc.dates, t)
	case famBinary:
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			return fmt.Errorf("value %q is not base-64", v)
		}
		cc.blobs = append(cc.blobs, b)
	case famIP:
		p, ok := parseCIDR(v)
		if !ok {
			return fmt.Errorf("value %q is not an IP address or CIDR range", v)
		}
		cc.prefixes = append(cc.prefixes, p)
	case famNull:
		if !isBool(v) {
			return fmt.Errorf("value %q is not true or false", v)
		}
		cc.nulls = append(cc.nulls, strings.EqualFold(v, "true"))
	}
	return nil
}

func isBool(v string) bool { return strings.EqualFold(v, "true") || strings.EqualFold(v, "false") }

// parseCIDR reads a CIDR range, or a bare address as a one-address range
// (IAM's default /32, or /128 for IPv6).
func parseCIDR(v string) (netip.Prefix, bool) {
	v = strings.TrimSpace(v)
	if p, err := netip.ParsePrefix(v); err == nil {
		return p.Masked(), true
	}
	if a, err := netip.ParseAddr(v); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), true
	}
	return netip.Prefix{}, false
}

// dateLayouts are the W3C profiles of ISO 8601 that policies use.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006-01",
	"2006",
}

// parseDate reads an ISO 8601 date or an epoch time in seconds.
func parseDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if n, err := strconv.ParseFloat(v, 64); err == nil && !strings.Contains(v, "-") && len(v) != 4 {
		sec := int64(n)
		return time.Unix(sec, int64((n-float64(sec))*1e9)).UTC(), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
