package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// authorizationDetails is the part of `aws iam
// get-account-authorization-details` output that holds managed policies.
type authorizationDetails struct {
	Policies []struct {
		PolicyName        string          `json:"PolicyName"`
		Arn               string          `json:"Arn"`
		DefaultVersionID  string          `json:"DefaultVersionId"`
		PolicyVersionList []policyVersion `json:"PolicyVersionList"`
	} `json:"Policies"`
}

type policyVersion struct {
	Document         json.RawMessage `json:"Document"`
	VersionID        string          `json:"VersionId"`
	IsDefaultVersion bool            `json:"IsDefaultVersion"`
}

// FromAuthorizationDetails returns a record for every AWS managed policy
// in an authorization-details dump, holding its default version. Customer
// managed policies are skipped. source names the dump in each record.
func FromAuthorizationDetails(data []byte, source string) ([]Record, error) {
	var details authorizationDetails
	if err := json.Unmarshal(data, &details); err != nil {
		return nil, fmt.Errorf("decode authorization details: %w", err)
	}
	var records []Record
	for i, p := range details.Policies {
		if !strings.HasPrefix(p.Arn, ARNPrefix) {
			continue
		}
		v, ok := defaultVersion(p.PolicyVersionList, p.DefaultVersionID)
		if !ok {
			return nil, fmt.Errorf("Policies[%d] %s: default version %q is not in PolicyVersionList", i, p.Arn, p.DefaultVersionID)
		}
		r, err := newRecord(p.PolicyName, p.Arn, v, source)
		if err != nil {
			return nil, fmt.Errorf("Policies[%d]: %w", i, err)
		}
		records = append(records, r)
	}
	Sort(records)
	return records, nil
}

func defaultVersion(versions []policyVersion, id string) (policyVersion, bool) {
	for _, v := range versions {
		if v.IsDefaultVersion && (id == "" || v.VersionID == id) {
			return v, true
		}
	}
	return policyVersion{}, false
}

// FromPolicyVersion returns the record for the output of `aws iam
// get-policy-version` on the policy arn. It must be the default version:
// the catalogue stands for what AWS applies today.
func FromPolicyVersion(data []byte, arn, source string) (Record, error) {
	var out struct {
		PolicyVersion *policyVersion `json:"PolicyVersion"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return Record{}, fmt.Errorf("decode policy version of %s: %w", arn, err)
	}
	switch {
	case out.PolicyVersion == nil:
		return Record{}, fmt.Errorf("policy version of %s: PolicyVersion is missing", arn)
	case !out.PolicyVersion.IsDefaultVersion:
		return Record{}, fmt.Errorf("policy version %s of %s is not the default version", out.PolicyVersion.VersionID, arn)
	}
	return newRecord(nameFromARN(arn), arn, *out.PolicyVersion, source)
}

func newRecord(name, arn string, v policyVersion, source string) (Record, error) {
	doc, err := documentObject(v.Document)
	if err != nil {
		return Record{}, fmt.Errorf("%s: %w", arn, err)
	}
	r := Record{Name: name, ARN: arn, Version: v.VersionID, Source: source, Document: doc}
	return r, r.Validate()
}

// documentObject returns a document as a JSON object. The IAM API returns
// documents URL-encoded inside a string; the CLI and boto3 decode them.
func documentObject(raw json.RawMessage) (json.RawMessage, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '"' {
		return trimmed, nil
	}
	var s string
	if err := json.Unmarshal(trimmed, &s); err != nil {
		return nil, fmt.Errorf("document string: %w", err)
	}
	if strings.HasPrefix(s, "%") {
		// PathUnescape, not QueryUnescape: the API encodes per RFC 3986,
		// so a "+" in a document is a plus sign, not a space.
		decoded, err := url.PathUnescape(s)
		if err != nil {
			return nil, fmt.Errorf("URL-encoded document: %w", err)
		}
		s = decoded
	}
	return json.RawMessage(s), nil
}
