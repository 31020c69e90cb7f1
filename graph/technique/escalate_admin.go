package technique

import (
	"fmt"
	"strings"
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// adminDocument is the policy an attacker writes when a step lets it write
// any policy: every action on every resource.
var adminDocument = iam.MustParse(`{"Version":"2012-10-17","Statement":[{"Sid":"Escalate","Effect":"Allow","Action":"*","Resource":"*"}]}`)

// analysisTime is "now" for the requests an escalation makes: the attacker
// acts at analysis time, and can always mint a fresh session token
// (sts:GetSessionToken needs no permission), so aws:CurrentTime and
// aws:TokenIssueTime are known. Tests replace it.
var analysisTime = time.Now

// adminResult says whether a change makes a principal admin-equivalent:
// allowed "*" on "*" after boundaries and SCPs, possibly only under
// conditions, possibly after one more step it can then take on itself.
type adminResult struct {
	ok         bool
	conditions []iam.ConditionRef
	evidence   []graph.Evidence
	then       string // the further self step, "" when none is needed
}

// adminAfter decides whether the principal is admin-equivalent once the
// change is made: allowed every admin probe on "*", or allowed to write
// itself an inline policy that makes it so (what iam:* gives).
func (env *Env) adminAfter(arn string, c identityChange) (adminResult, error) {
	res, err := env.allowedEverything(arn, c)
	if err != nil || res.ok {
		return res, err
	}
	return env.thenSelfGrant(arn, c)
}

func (env *Env) allowedEverything(arn string, c identityChange) (adminResult, error) {
	side, err := env.authz.sideWith(arn, c)
	if err != nil {
		return adminResult{}, err
	}
	res := resourceSide{owner: accountOf(arn), context: env.requestContext(c.context)}
	var conds []iam.ConditionRef
	for _, probe := range adminProbes {
		d, err := env.authz.decideAs(side, probe, "*", res)
		if err != nil {
			return adminResult{}, err
		}
		if d.Outcome == iam.Denied {
			return adminResult{}, nil
		}
		conds = append(conds, d.Conditions...)
	}
	return adminResult{ok: true, conditions: dedupeConditionRefs(conds),
		evidence: []graph.Evidence{adminEvidence(arn, side)}}, nil
}

// thenSelfGrant: the change gives the principal the right to write itself
// an admin inline policy, which completes the escalation in one more call.
func (env *Env) thenSelfGrant(arn string, c identityChange) (adminResult, error) {
	action := selfPolicyAction(arn)
	side, err := env.authz.sideWith(arn, c)
	if err != nil {
		return adminResult{}, err
	}
	res := env.principalResource(arn)
	res.context = env.requestContext(c.context)
	d, err := env.authz.decideAs(side, action, arn, res)
	if err != nil || d.Outcome == iam.Denied {
		return adminResult{}, err
	}
	out, err := env.allowedEverything(arn, c.with(env.newInlineAdmin(arn)))
	if err != nil || !out.ok {
		return adminResult{}, err
	}
	out.then = fmt.Sprintf("then writes itself an inline policy granting * on * with %s", action)
	out.conditions = dedupeConditionRefs(append(d.Conditions, out.conditions...))
	out.evidence = append(env.statementEvidence(d), out.evidence...)
	return out, nil
}

// newInlineAdmin is the inline policy an attacker puts on a principal.
func (env *Env) newInlineAdmin(owner string) iam.Attached {
	return *env.authz.cite(inlineName(owner, "escalate (new, written by the attacker)"), iam.IdentityPolicy, adminDocument)
}

// selfPolicyAction is the call that writes an inline policy on the
// principal itself.
func selfPolicyAction(arn string) string {
	if strings.Contains(arn, ":role/") {
		return "iam:PutRolePolicy"
	}
	return "iam:PutUserPolicy"
}

func adminEvidence(arn string, side *identitySide) graph.Evidence {
	detail := fmt.Sprintf("after this step %s is allowed every action on every resource", nameOf(arn))
	if side.boundary != nil {
		detail += ", within its permissions boundary " + side.boundary.Name
	}
	if len(side.scps) > 0 {
		detail += fmt.Sprintf(" and the SCPs of %d organisation levels", len(side.scps))
	}
	return graph.Evidence{Kind: "escalation-result", Source: arn, Detail: detail}
}

func dedupeConditionRefs(conds []iam.ConditionRef) []iam.ConditionRef {
	var out []iam.ConditionRef
	seen := map[string]bool{}
	for _, c := range conds {
		key := fmt.Sprintf("%s\x00%d\x00%s\x00%s\x00%s", c.Policy, c.Index, c.Operator, c.Key, strings.Join(c.Values, "\x01"))
		if !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	return out
}
