package gate

import (
	"fmt"
	"github.com/pathfinder-sec/pathfinder/internal/yamlerr"
	"os"

	"go.yaml.in/yaml/v3"
)

// LoadPolicy reads and checks a policy file.
func LoadPolicy(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", path, err)
	}
	return ParsePolicy(path, data)
}

// ParsePolicy reads a policy from memory; file names it in errors. Every
// problem is a *PolicyError with the line and the field; nothing in a
// policy is ignored, so a typo never weakens the gate in silence.
func ParsePolicy(file string, data []byte) (*Policy, error) {
	root, err := parseDocument(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file}
	p := r.policy(root)
	if r.err != nil {
		return nil, r.err
	}
	return p, nil
}

func parseDocument(file string, data []byte) (*yaml.Node, error) {
	root, err := yamlerr.OneDocument(file, "policy file", data)
	if err != nil {
		return nil, err
	}
	if isNull(root) {
		return nil, &PolicyError{File: file, Msg: "the file is empty"}
	}
	return root, nil
}

func (r *reader) policy(root *yaml.Node) *Policy {
	p := &Policy{File: r.file}
	top := r.mapping(root, "", "version", "rules", "allow")
	if v, ok := r.opt(top, "version"); ok {
		r.intIn(v, 1, 1)
	}
	rules, _ := r.need(top, "rules", root.Line, "")
	for i, n := range r.sequence(rules) {
		p.Rules = append(p.Rules, r.rule(n, fmt.Sprintf("rules[%d]", i), len(p.Rules)+1))
	}
	if r.err == nil && len(p.Rules) == 0 {
		r.failAt(rules.val.Line, "rules", "a policy needs at least one rule")
	}
	r.uniqueRuleIDs(p.Rules)
	for i, n := range r.sequence(top.get("allow")) {
		p.Allow = append(p.Allow, r.allow(n, fmt.Sprintf("allow[%d]", i)))
	}
	r.uniqueAllows(p.Allow)
	return p
}

func (r *reader) uniqueRuleIDs(rules []*Rule) {
	first := map[string]int{}
	for i, rule := range rules {
		if r.err != nil {
			return
		}
		if line, dup := first[rule.ID]; dup {
			r.failAt(rule.Line, fmt.Sprintf("rules[%d]", i),
				"duplicate rule id %q (first on line %d); give each rule its own id", rule.ID, line)
		}
		first[rule.ID] = rule.Line
	}
}

func (r *reader) uniqueAllows(allows []*Allow) {
	first := map[string]int{}
	for i, a := range allows {
		if r.err != nil {
			return
		}
		if line, dup := first[a.Fingerprint]; dup {
			r.failAt(a.Line, fmt.Sprintf("allow[%d].fingerprint", i),
				"fingerprint %s is already allowed on line %d", a.Fingerprint, line)
		}
		first[a.Fingerprint] = a.Line
	}
}
