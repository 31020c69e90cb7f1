package render

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
)

// SARIF constants: the schema a log names, and the key of the path
// fingerprint among a result's partialFingerprints.
const (
	SARIFSchemaURI     = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFFingerprintID = "pathfinderPath/v1"
	toolInformationURI = "https://github.com/pathfinder-sec/pathfinder"
)

// securitySeverity is the score GitHub code scanning reads from a rule's
// "security-severity" property: above 9.0 is critical, 7.0 to 8.9 high,
// 4.0 to 6.9 medium, below that low.
var securitySeverity = map[gate.Severity]string{
	gate.SeverityCritical: "9.5", gate.SeverityHigh: "8.0",
	gate.SeverityMedium: "5.5", gate.SeverityLow: "3.0",
}

// WriteSARIF prints a check report as a SARIF 2.1.0 log of one run: one
// result per path a rule found (allowed and baselined paths carry a
// suppression), the path as a code flow with one thread-flow location per
// hop, and the rules of the policy followed by the techniques the paths use
// as the driver's rules.
func WriteSARIF(w io.Writer, rep *gate.Report, toolVersion string) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: "pathfinder", Version: toolVersion,
			InformationURI: toolInformationURI}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true, Notifications: sarifWarnings(rep.Warnings)}},
		Results:     []sarifResult{},
		Properties:  sarifRunProperties(rep),
	}
	for _, rr := range rep.Rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, policyRuleDescriptor(rr.Rule))
	}
	run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, techniqueDescriptors(rep)...)
	uri := policyURI(rep.Policy.File)
	for i, rr := range rep.Rules {
		for _, f := range rr.Findings {
			run.Results = append(run.Results, sarifResultOf(rep, i, uri, f))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	log := sarifLog{Schema: SARIFSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

func sarifWarnings(warnings []string) []sarifNotification {
	var out []sarifNotification
	for _, w := range warnings {
		out = append(out, sarifNotification{Level: "warning", Message: sarifText{Text: printable(w, false)}})
	}
	return out
}

func sarifRunProperties(rep *gate.Report) map[string]any {
	props := map[string]any{"policy": rep.Policy.File, "date": rep.Date.Format("2006-01-02")}
	if rep.Baseline != nil {
		fixed := make([]map[string]string, 0, len(rep.Fixed))
		for _, e := range rep.Fixed {
			fixed = append(fixed, map[string]string{"fingerprint": e.Fingerprint, "rule": e.Rule,
				"summary": printable(e.Summary, false)})
		}
		props["fixedPaths"] = fixed
	}
	return props
}

// policyURI is the policy file as a relative URI reference (or a file URI
// when absolute), so that code scanning can point at the rule's line.
func policyURI(file string) string {
	p := filepath.ToSlash(filepath.Clean(file))
	if filepath.IsAbs(file) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

func sarifResultOf(rep *gate.Report, ruleIndex int, uri string, f gate.Finding) sarifResult {
	g, rule := rep.Graph, rep.Rules[ruleIndex].Rule
	entry := g.Node(f.Path.From())
	loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: printable(nodeName(entry), false),
		FullyQualifiedName: printable(entry.ID, false), Kind: "resource"}}}
	if rule.Line > 0 {
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri},
			Region: &sarifRegion{StartLine: rule.Line}}
	}
	msg := fmt.Sprintf("Attack path %s (%s, cost %s) breaks rule %s: %s.", pathEnds(g, f.Path),
		plural(f.Path.Hops(), "hop", "hops"), formatCost(f.Path.Cost), printable(rule.ID, false), printable(f.Summary, false))
	if note := suppressionNote(f); f.AllowExpired() {
		msg += " The " + note + "."
	}
	res := sarifResult{
		RuleID: rule.ID, RuleIndex: ruleIndex, Kind: "fail", Level: "error",
		Message:             sarifText{Text: msg},
		Locations:           []sarifLocation{loc},
		PartialFingerprints: map[string]string{SARIFFingerprintID: f.Fingerprint},
		CodeFlows:           []sarifCodeFlow{codeFlowOf(rep, f)},
		Suppressions:        suppressionsOf(f),
		Properties: map[string]any{"fingerprint": f.Fingerprint, "cost": roundCost(f.Path.Cost),
			"hops": f.Path.Hops(), "status": string(f.Status)},
	}
	if rep.Baseline != nil {
		res.BaselineState = "new"
		if f.Status == gate.StatusBaselined {
			res.BaselineState = "unchanged"
		}
	}
	return res
}

func suppressionsOf(f gate.Finding) []sarifSuppression {
	switch f.Status {
	case gate.StatusAllowed:
		return []sarifSuppression{{Kind: "external", Status: "accepted", Justification: suppressionNote(f)}}
	case gate.StatusBaselined:
		return []sarifSuppression{{Kind: "external", Status: "accepted", Justification: "the path is in the baseline"}}
	}
	return nil
}

// codeFlowOf is the path as one thread flow: a location per hop, at the
// node the hop reaches, whose message is the hop's explanation.
func codeFlowOf(rep *gate.Report, f gate.Finding) sarifCodeFlow {
	g := rep.Graph
	flow := sarifThreadFlow{}
	for i, e := range f.Path.Edges {
		edge, to := g.Edge(e), g.Node(g.To(e))
		flow.Locations = append(flow.Locations, sarifFlowLocation{
			Location: sarifLocation{
				LogicalLocations: []sarifLogical{{Name: printable(nodeName(to), false),
					FullyQualifiedName: printable(to.ID, false), Kind: "resource"}},
				Message: &sarifText{Text: printable(edge.Explanation, false)},
			},
			Kinds:          f.Key.Techniques[i],
			Importance:     "essential",
			ExecutionOrder: i + 1,
			Properties:     hopProperties(rep, e),
		})
	}
	return sarifCodeFlow{Message: sarifText{Text: printable(f.Summary, false)}, ThreadFlows: []sarifThreadFlow{flow}}
}

func hopProperties(rep *gate.Report, e graph.EdgeID) map[string]any {
	g, edge := rep.Graph, rep.Graph.Edge(e)
	evidence := make([]string, len(edge.Evidence))
	for i, ev := range edge.Evidence {
		evidence[i] = printable(evidenceText(ev), false)
	}
	props := map[string]any{
		"from": printable(g.Node(g.From(e)).ID, false), "to": printable(g.Node(g.To(e)).ID, false),
		"technique": edge.Technique, "evidence": evidence, "remediation": printable(edge.Remediation, false),
	}
	if len(edge.Preconditions) > 0 {
		props["preconditions"] = printableAll(edge.Preconditions)
	}
	return props
}

func printableAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = printable(s, false)
	}
	return out
}

// sentence ends s with a full stop unless it already has one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
