package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
	"github.com/pathfinder-sec/pathfinder/graph"
)

// WriteMarkdown prints a check report as GitHub-flavoured markdown for a
// pull-request comment: a summary table of the rules, then for each
// violating path a mermaid flowchart and a table of its hops (technique,
// evidence, fix). Every string from the estate is escaped (mdText), so a
// hostile tag can neither inject HTML nor mention people.
func WriteMarkdown(w io.Writer, rep *gate.Report) {
	var sb strings.Builder
	icon := "✅"
	if !rep.Passed() {
		icon = "❌"
	}
	fmt.Fprintf(&sb, "## %s pathfinder check: %s\n\n", icon, CheckHeadline(rep))
	sb.WriteString("| | rule | denies | found |\n|---|---|---|---|\n")
	for _, rr := range rep.Rules {
		fmt.Fprintf(&sb, "| %s | %s | %s | %s |\n", ruleIcon(rr), mdCode(rr.Rule.ID)+mdName(rr.Rule),
			mdText(ruleQuery(rr.Rule)), mdText(ruleCount(rr)))
	}
	for _, rr := range rep.Rules {
		writeRuleMarkdown(&sb, rep.Graph, rr)
	}
	if rep.Baseline != nil && len(rep.Fixed) > 0 {
		sb.WriteString("\n### Fixed since the baseline\n\n")
		for _, e := range rep.Fixed {
			fmt.Fprintf(&sb, "- %s %s (rule %s)\n", mdCode(e.Fingerprint), mdText(e.Summary), mdCode(e.Rule))
		}
	}
	if len(rep.Warnings) > 0 {
		sb.WriteString("\n<details><summary>Warnings</summary>\n\n")
		for _, warning := range rep.Warnings {
			sb.WriteString("- " + mdText(warning) + "\n")
		}
		sb.WriteString("\n</details>\n")
	}
	_, _ = io.WriteString(w, sb.String())
}

func ruleIcon(rr gate.RuleResult) string {
	if rr.Passed() {
		return "✅"
	}
	return "❌"
}

func mdName(r *gate.Rule) string {
	if r.Name == "" {
		return ""
	}
	return " " + mdText(r.Name)
}

func ruleCount(rr gate.RuleResult) string {
	s := "no violating path"
	if n := len(rr.Violations()); n > 0 {
		s = plural(n, "violating path", "violating paths")
		if rr.More {
			s = "at least " + s
		}
	}
	if n := len(rr.Suppressed()); n > 0 {
		s += fmt.Sprintf(" (%d accepted)", n)
	}
	return s
}

func writeRuleMarkdown(sb *strings.Builder, g *graph.Graph, rr gate.RuleResult) {
	violations, suppressed := rr.Violations(), rr.Suppressed()
	if len(violations) == 0 && len(suppressed) == 0 {
		return
	}
	fmt.Fprintf(sb, "\n### %s %s\n", ruleIcon(rr), mdCode(rr.Rule.ID)+mdName(rr.Rule))
	for i, f := range violations {
		fmt.Fprintf(sb, "\n#### Path %d · cost %s · fingerprint %s\n\n", i+1, formatCost(f.Path.Cost), mdCode(f.Fingerprint))
		if f.AllowExpired() {
			sb.WriteString("> " + mdText(suppressionNote(f)) + "\n\n")
		}
		writeMermaid(sb, g, f)
		writeHopTable(sb, g, f)
	}
	if len(suppressed) > 0 {
		fmt.Fprintf(sb, "\n<details><summary>%s accepted</summary>\n\n", plural(len(suppressed), "path", "paths"))
		for _, f := range suppressed {
			fmt.Fprintf(sb, "- %s %s: %s\n", mdCode(f.Fingerprint), mdText(f.Summary), mdText(suppressionNote(f)))
		}
		sb.WriteString("\n</details>\n")
	}
}

func writeHopTable(sb *strings.Builder, g *graph.Graph, f gate.Finding) {
	sb.WriteString("| # | hop | technique | evidence | fix |\n|---|---|---|---|---|\n")
	for i, id := range f.Path.Edges {
		e := g.Edge(id)
		var evidence []string
		for _, ev := range e.Evidence {
			evidence = append(evidence, mdText(evidenceText(ev)))
		}
		for _, p := range e.Preconditions {
			evidence = append(evidence, "precondition: "+mdText(p))
		}
		fmt.Fprintf(sb, "| %d | %s → %s | %s | %s | %s |\n", i+1,
			mdText(nodeName(g.Node(g.From(id)))), mdText(nodeName(g.Node(g.To(id)))),
			mdCode(techniqueLabel(e)), strings.Join(evidence, "<br>"), mdText(e.Remediation))
	}
}
