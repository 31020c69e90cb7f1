package collect

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzPolicyDocument: whatever IAM returns as a policy document, the file
// written is valid JSON, and a document that decodes to a JSON object is
// written as that object.
func FuzzPolicyDocument(f *testing.F) {
	f.Fuzz(func(t *testing.T, raw string) {
		tree := decodePolicyDocuments(newObject().set("PolicyDocument", raw).set("Path", raw))
		out, err := marshalFile(tree)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back map[string]any
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("invalid JSON written for %q: %v\n%s", raw, err, out)
		}
		if !utf8.ValidString(raw) {
			return // JSON carries only UTF-8: invalid bytes become U+FFFD
		}
		if back["Path"] != raw {
			t.Fatalf("a member that is not a policy document changed: %q", back["Path"])
		}
		if s, ok := back["PolicyDocument"].(string); ok && s != raw {
			t.Fatalf("an undecodable document must stay as it was: %q became %q", raw, s)
		}
	})
}
