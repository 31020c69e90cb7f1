package graph

import "github.com/pathfinder-sec/pathfinder/iam"

// Evidence is one piece of configuration that makes an edge true.
type Evidence struct {
	// Kind says what sort of configuration this is: "security-group-rule",
	// "route", "network-acl", "public-ip", "imds", "instance-profile",
	// "policy-statement", "trust-policy", "key-policy", "block-public-access".
	Kind string `json:"kind"`
	// Source identifies the object: an ARN, a resource id, or a policy name.
	Source string `json:"source"`
	// Detail is the exact setting, readable on its own.
	Detail string `json:"detail"`
}

// Assumption is an attacker capability that an edge needs beyond what its
// source grants, and that queries exclude unless asked to assume it.
type Assumption string

// The assumptions a query may grant.
const (
	// AssumeRCE: the attacker has code execution on the host.
	AssumeRCE Assumption = "rce"
	// AssumeLatent: a resource that the estate does not show exists.
	AssumeLatent Assumption = "latent"
)

// Assumptions lists every assumption, in bit order.
func Assumptions() []Assumption { return []Assumption{AssumeRCE, AssumeLatent} }

// Edge is one attack step: whoever controls From gains To.
type Edge struct {
	From string
	To   string
	// Technique is the main technique ID; Techniques lists every technique
	// the hop relies on when there is more than one (s3-read + kms-decrypt).
	Technique  string
	Techniques []string
	Cost       float64
	// Explanation says what the attacker does, in one sentence.
	Explanation string
	Evidence    []Evidence
	// Preconditions are what the hop presumes about things the estate cannot
	// show, such as "an SSRF flaw in the application on port 443".
	Preconditions []string
	// Assumes lists attacker capabilities the hop needs (see Assumption).
	Assumes []Assumption
	// Conditions are IAM conditions on request-time context (source IP,
	// MFA, ...) that the hop depends on; empty for an unconditional hop.
	Conditions []iam.ConditionRef
	// Remediation is the change that cuts this hop.
	Remediation string
}

// Conditional reports whether the hop depends on unknown request context.
func (e *Edge) Conditional() bool { return len(e.Conditions) > 0 }

// AllTechniques returns Techniques, or the main Technique alone.
func (e *Edge) AllTechniques() []string {
	if len(e.Techniques) > 0 {
		return e.Techniques
	}
	return []string{e.Technique}
}
