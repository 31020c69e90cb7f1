package snapshot

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// timestamp is an AWS timestamp as the CLI prints it (ISO 8601,
// "2024-05-14T16:02:11+00:00") or as boto3 dumps it ("2023-03-09
// 10:41:45+00:00"). The Estate keeps no times; the check catches files
// that are not what the CLI prints.
type timestamp string

var timestampLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999Z0700"}

func (t *timestamp) validate() error {
	if *t == "" {
		return nil
	}
	if _, err := parseTimestamp(string(*t)); err != nil {
		return err
	}
	return nil
}

func parseTimestamp(s string) (time.Time, error) {
	for _, layout := range timestampLayouts {
		if ts, err := time.Parse(layout, s); err == nil {
			return ts, nil
		}
	}
	return time.Time{}, fmt.Errorf("timestamp %q is neither 2024-05-14T16:02:11+00:00 nor 2024-05-14 16:02:11+00:00", s)
}

// policyDoc is a policy document as an object (IAM), a JSON string (bucket,
// key, Lambda, SCP policies) or a URL-encoded string (the raw IAM API).
// validate parses it once; doc is nil for an absent or null document.
type policyDoc struct {
	raw json.RawMessage
	doc *iam.Policy
}

func (p *policyDoc) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		p.raw = nil
		return nil
	}
	p.raw = append(json.RawMessage(nil), b...)
	return nil
}

func (p *policyDoc) validate() error {
	if p.raw == nil || p.doc != nil {
		return nil
	}
	doc, err := iam.Parse(p.raw)
	if err != nil {
		return err
	}
	p.doc = doc
	return nil
}

// tag is the {Key, Value} pair most services print.
type tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

func tagMap(tags []tag) ingest.Tags {
	if len(tags) == 0 {
		return nil
	}
	out := make(ingest.Tags, len(tags))
	for _, t := range tags {
		out[t.Key] = t.Value
	}
	return out
}

var accountPattern = regexp.MustCompile(`^[0-9]{12}$`)

// accountID is a 12-digit AWS account id.
type accountID string

func (a *accountID) validate() error {
	if *a != "" && !accountPattern.MatchString(string(*a)) {
		return fmt.Errorf("account id %q is not 12 digits", string(*a))
	}
	return nil
}

// enum is a string restricted to the values AWS documents; the empty
// string (absent) is allowed.
func checkEnum(value string, allowed ...string) error {
	if value == "" {
		return nil
	}
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", value, strings.Join(allowed, ", "))
}

// base64Text is base64 data, such as instance user data.
type base64Text string

func (b *base64Text) validate() error {
	if _, err := base64.StdEncoding.DecodeString(string(*b)); err != nil {
		return fmt.Errorf("not base64: %w", err)
	}
	return nil
}

func (b base64Text) decoded() string {
	out, _ := base64.StdEncoding.DecodeString(string(b))
	return string(out)
}
