package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph/technique"
)

// policyRuleDescriptor describes a policy rule as a SARIF rule.
func policyRuleDescriptor(r *gate.Rule) sarifDescriptor {
	full := sentence(r.Description)
	if full == "" {
		full = "Denies every attack path from " + ruleQuery(r) + "."
	}
	help := fmt.Sprintf("This policy rule denies every attack path from %s. Each result is one such path; "+
		"its code flow lists the hops, each with the configuration that makes it possible and the change "+
		"that cuts it. Fix one hop of the path, or accept the path with an allow entry (fingerprint, "+
		"reason, expiry) in the policy file.", ruleQuery(r))
	return sarifDescriptor{
		ID:                   r.ID,
		Name:                 printable(r.Title(), false),
		ShortDescription:     &sarifText{Text: printable(r.Title(), false)},
		FullDescription:      &sarifText{Text: printable(full, false)},
		Help:                 &sarifText{Text: help},
		DefaultConfiguration: &sarifConfig{Level: "error"},
		Properties: map[string]any{
			"tags":              []string{"security", "attack-path"},
			"precision":         "high",
			"security-severity": securitySeverity[r.Severity],
			"problem.severity":  "error",
		},
	}
}

// techniqueDescriptors describes every technique that a reported path
// uses, sorted by id: what it is, why it works and how to fix it.
func techniqueDescriptors(rep *gate.Report) []sarifDescriptor {
	var ids []string
	for _, rr := range rep.Rules {
		for _, f := range rr.Findings {
			for _, ts := range f.Key.Techniques {
				ids = append(ids, ts...)
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]sarifDescriptor, 0, len(ids))
	for _, id := range ids {
		out = append(out, techniqueDescriptor(id))
	}
	return out
}

func techniqueDescriptor(id string) sarifDescriptor {
	t, ok := technique.ByID(id)
	if !ok {
		return sarifDescriptor{ID: id, ShortDescription: &sarifText{Text: id},
			DefaultConfiguration: &sarifConfig{Level: "note"}}
	}
	d := sarifDescriptor{
		ID:                   t.ID,
		Name:                 t.Title,
		ShortDescription:     &sarifText{Text: t.Title},
		FullDescription:      &sarifText{Text: sentence(t.Why)},
		Help:                 &sarifText{Text: "Remediation: " + sentence(t.Remediation)},
		DefaultConfiguration: &sarifConfig{Level: "note"},
		Properties:           map[string]any{"tags": []string{"attack-technique"}},
	}
	if t.Attack != "" {
		d.Properties["mitre-attack"] = t.Attack
		d.Properties["tags"] = []string{"attack-technique", "external/mitre-attack/" + strings.ToLower(t.Attack)}
	}
	for _, ref := range t.References {
		if strings.HasPrefix(ref, "https://") {
			d.HelpURI = ref
			break
		}
	}
	return d
}
