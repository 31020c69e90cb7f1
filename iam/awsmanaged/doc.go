// Package awsmanaged is a built-in catalogue of AWS managed policies (ARNs
// arn:aws:iam::aws:policy/...) with the real documents of their default
// versions. A snapshot usually holds the documents of the policies it
// references; a hand-written scenario that attaches AdministratorAccess, or
// a partial dump, does not, and this catalogue fills the gap.
//
// The documents are AWS's published content, read verbatim from the
// sources listed in SOURCES.md; each Entry says which one. They live in
// testdata/policies, one reviewable JSON file per policy, and are embedded
// as catalogue.json.gz, which `go generate` rebuilds (see internal/gen).
// The catalogue is decompressed and parsed once, on first use.
package awsmanaged

//go:generate go run ./internal/gen -src testdata/policies -out catalogue.json.gz
