// Package gate is pathfinder's CI gate: it reads a policy of attack paths
// that must not exist ("nothing on the internet reaches PII"), checks an
// attack graph against it, and compares the paths it finds with a baseline
// of paths already known, or with the paths of another estate.
//
// A policy file is YAML (docs/ci.md is its reference):
//
//	rules:
//	  - id: no-internet-to-pii
//	    deny: {from: internet, to: "tag:data-classification=pii"}
//	allow:
//	  - {fingerprint: 3f9c0a1b2c3d4e5f, reason: "accepted until the WAF moves", expires: 2027-03-01}
//
// Every problem in a policy file is one *PolicyError naming the file, the
// line and the field, such as
//
//	policy.yaml:4: rules[0].deny: unknown field "form" (did you mean "from"?)
//
// A path is identified across runs by its fingerprint: the first 16 hex
// digits of a SHA-256 over its ordered node ids and the techniques of each
// hop (see Key). Costs, evidence text and the rest of the graph do not enter
// it, so a fingerprint survives every change that leaves the path itself
// alone.
//
// Why a package of its own at the top level: the gate is a consumer of
// queries (it runs one path query per rule), not a kind of query, and it
// owns state that queries must never know about (policy files, allow lists
// with expiry dates, baseline files). It sits beside render in the data flow
// of ARCHITECTURE.md: graph → queries → gate → render. The formats people and
// programs read (text, JSON, SARIF, JUnit, markdown) live in package render,
// which takes a *Report and never decides what violates a rule.
package gate
