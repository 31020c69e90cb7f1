package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
)

// ARNPrefix starts the ARN of every AWS managed policy in the aws
// partition. The catalogue holds that partition only: the aws-cn and
// aws-us-gov copies of a policy may name other ARNs in their documents.
const ARNPrefix = "arn:aws:iam::aws:policy/"

// Record is one AWS managed policy: its default version's document and
// where that document was read from.
type Record struct {
	Name     string          `json:"name"`
	ARN      string          `json:"arn"`
	Version  string          `json:"version"`
	Source   string          `json:"source"`
	Document json.RawMessage `json:"document"`
}

// Path returns the policy's path inside the ARN without the leading
// "policy/", for example "job-function/ViewOnlyAccess".
func (r Record) Path() string { return strings.TrimPrefix(r.ARN, ARNPrefix) }

// Validate checks that the record is complete, that its ARN ends in its
// name, and that its document is a policy pathfinder can parse.
func (r Record) Validate() error {
	switch {
	case r.Name == "":
		return fmt.Errorf("name is empty")
	case !strings.HasPrefix(r.ARN, ARNPrefix):
		return fmt.Errorf("arn %q does not start with %s", r.ARN, ARNPrefix)
	case r.Path() != r.Name && !strings.HasSuffix(r.Path(), "/"+r.Name):
		return fmt.Errorf("arn %q does not end in the name %q", r.ARN, r.Name)
	case strings.Contains(r.Path(), "//") || strings.HasPrefix(r.Path(), "/"):
		return fmt.Errorf("arn %q has an empty path segment", r.ARN)
	case r.Version == "":
		return fmt.Errorf("%s: version is empty", r.ARN)
	case r.Source == "":
		return fmt.Errorf("%s: source is empty", r.ARN)
	case len(bytes.TrimSpace(r.Document)) == 0:
		return fmt.Errorf("%s: document is missing", r.ARN)
	case bytes.TrimSpace(r.Document)[0] != '{':
		// A string would parse (iam.Parse unwraps encoded documents), but
		// the sources keep every document as the object AWS wrote.
		return fmt.Errorf("%s: document is not a JSON object", r.ARN)
	}
	if _, err := iam.Parse(r.Document); err != nil {
		return fmt.Errorf("%s: %w", r.ARN, err)
	}
	return nil
}

// DecodeRecord reads one record as the source directory holds it and
// validates it. Unknown fields are errors, so a typo cannot drop data.
func DecodeRecord(data []byte) (Record, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Record
	if err := dec.Decode(&r); err != nil {
		return Record{}, fmt.Errorf("decode record: %w", err)
	}
	if dec.More() {
		return Record{}, fmt.Errorf("decode record: data after the record")
	}
	if err := r.Validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}

// MarshalRecord writes a record the way the source directory keeps it:
// indented by two spaces, HTML characters unescaped, ending in a newline.
func MarshalRecord(r Record) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("encode %s: %w", r.ARN, err)
	}
	return buf.Bytes(), nil
}
