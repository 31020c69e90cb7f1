package technique

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// policyEvidence turns the statements that decided a request into evidence,
// each naming its policy, its index and Sid, and what it says.
func (a *authorizer) policyEvidence(d iam.Decision) []graph.Evidence {
	var ev []graph.Evidence
	for _, ref := range d.Statements {
		ev = append(ev, graph.Evidence{Kind: evidenceKind(ref), Source: ref.Policy, Detail: a.statementDetail(ref)})
	}
	return ev
}

// evidenceKind names the sort of policy a statement sits in. Resource
// policies are told apart by the citation name their technique gave them.
func evidenceKind(ref iam.StatementRef) string {
	switch ref.Type {
	case iam.ResourcePolicy:
		for _, kind := range []string{"trust policy", "key policy", "bucket policy"} {
			if strings.HasSuffix(ref.Policy, " "+kind) {
				return strings.ReplaceAll(kind, " ", "-")
			}
		}
		return "resource-policy"
	case iam.BoundaryPolicy:
		return "permissions-boundary"
	case iam.SCPPolicy:
		return "scp"
	case iam.RCPPolicy:
		return "rcp"
	case iam.SessionPolicy:
		return "session-policy"
	}
	return "policy-statement"
}

// statementDetail describes a cited statement. It is memoised: the same
// statement backs many edges (one policy grants a role every bucket), and
// a long Action list is costly to render each time.
func (a *authorizer) statementDetail(ref iam.StatementRef) string {
	key := ref.Policy + "\x00" + strconv.Itoa(ref.Index)
	return a.details.do(key, func() string { return a.renderStatement(ref) })
}

func (a *authorizer) renderStatement(ref iam.StatementRef) string {
	head := fmt.Sprintf("statement %d", ref.Index)
	if ref.Sid != "" {
		head += fmt.Sprintf(" (%s)", ref.Sid)
	}
	doc, _ := a.docs.get(ref.Policy)
	if doc == nil || ref.Index < 0 || ref.Index >= len(doc.Statements) {
		return head
	}
	return head + ": " + summarizeStatement(doc.Statements[ref.Index])
}

// summarizeStatement renders a statement in one line:
// `Allow s3:GetObject, s3:ListBucket on * when IpAddress aws:SourceIp 203.0.113.0/24`.
func summarizeStatement(s iam.Statement) string {
	var b strings.Builder
	b.WriteString(string(s.Effect))
	if s.Principal != nil {
		b.WriteString(" " + summarizePrincipals(s.Principal))
	}
	if s.NotPrincipal != nil {
		b.WriteString(" everyone except " + summarizePrincipals(s.NotPrincipal))
	}
	if s.Action != nil {
		b.WriteString(" " + strings.Join(s.Action, ", "))
	} else {
		b.WriteString(" every action except " + strings.Join(s.NotAction, ", "))
	}
	switch {
	case s.Resource != nil:
		b.WriteString(" on " + strings.Join(s.Resource, ", "))
	case s.NotResource != nil:
		b.WriteString(" on every resource except " + strings.Join(s.NotResource, ", "))
	}
	for i, c := range s.Conditions {
		sep := " and "
		if i == 0 {
			sep = " when "
		}
		b.WriteString(fmt.Sprintf("%s%s %s %s", sep, c.Operator, c.Key, strings.Join(c.Values, "|")))
	}
	return b.String()
}

func summarizePrincipals(p *iam.Principals) string {
	if p.Wildcard {
		return "principal *"
	}
	var parts []string
	for _, typ := range []string{"AWS", "Service", "Federated", "CanonicalUser"} {
		if vals, ok := p.ByType[typ]; ok {
			parts = append(parts, typ+":"+strings.Join(vals, "|"))
		}
	}
	return "principal " + strings.Join(parts, ", ")
}

// conditionNote explains in words what a conditional hop depends on: the
// conditions of Allow statements must hold, those of Deny statements must
// not.
func conditionNote(conds []iam.ConditionRef) string {
	var parts []string
	for _, c := range conds {
		cond := fmt.Sprintf("%s %s %s", c.Key, c.Operator, strings.Join(c.Values, "|"))
		if c.Effect == iam.Deny {
			parts = append(parts, "unless "+cond+" (a deny)")
		} else {
			parts = append(parts, "only if "+cond)
		}
	}
	return strings.Join(parts, " and ")
}
