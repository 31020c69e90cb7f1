package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// roundCost drops the noise of summing floats (3.5000000000000004), so
// answers show the cost a person would compute.
func roundCost(c float64) float64 { return math.Round(c*1e6) / 1e6 }

func formatCost(c float64) string { return strconv.FormatFloat(roundCost(c), 'f', -1, 64) }

// techniqueLabel names every technique a hop relies on, main one first.
func techniqueLabel(e *graph.Edge) string { return strings.Join(e.AllTechniques(), " + ") }

// nodeName is the short name a person uses, or the id when a node has none.
func nodeName(n *graph.Node) string {
	if n.Name != "" {
		return n.Name
	}
	return n.ID
}

// assumptionText says in words what the attacker must have beyond the graph,
// and the flag that grants it.
func assumptionText(a graph.Assumption) string {
	switch a {
	case graph.AssumeRCE:
		return "code execution on the host (--assume rce)"
	case graph.AssumeLatent:
		return "a resource the estate does not show (--assume latent)"
	}
	return fmt.Sprintf("%s (--assume %s)", a, a)
}

func assumptionsText(as []graph.Assumption) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = assumptionText(a)
	}
	return strings.Join(parts, ", ")
}

// conditionText cites a condition the way policy summaries in evidence do,
// then the statement that holds it:
// `StringEquals aws:SourceVpc vpc-0prod in P statement 0 (Sid S)`.
func conditionText(c iam.ConditionRef) string {
	s := fmt.Sprintf("%s %s %s in %s statement %d", c.Operator, c.Key,
		strings.Join(c.Values, ", "), c.Policy, c.Index)
	if c.Sid != "" {
		s += " (Sid " + c.Sid + ")"
	}
	return s
}

func evidenceText(ev graph.Evidence) string {
	return fmt.Sprintf("%s %s: %s", ev.Kind, ev.Source, ev.Detail)
}

// hopLines explains one hop line by line: what the attacker does, the
// configuration that makes it true, what it presumes, and the fix. The text
// report indents them under the hop; DOT puts them in the edge tooltip.
func hopLines(e *graph.Edge) []string {
	lines := make([]string, 0, 2+len(e.Evidence)+len(e.Preconditions)+len(e.Conditions))
	if e.Explanation != "" {
		lines = append(lines, e.Explanation)
	}
	for _, ev := range e.Evidence {
		lines = append(lines, "- "+evidenceText(ev))
	}
	for _, p := range e.Preconditions {
		lines = append(lines, "precondition: "+p)
	}
	if len(e.Assumes) > 0 {
		lines = append(lines, "needs: "+assumptionsText(e.Assumes))
	}
	for _, c := range e.Conditions {
		lines = append(lines, "condition: "+conditionText(c))
	}
	if e.Remediation != "" {
		lines = append(lines, "fix: "+e.Remediation)
	}
	return lines
}
