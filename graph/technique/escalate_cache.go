package technique

import (
	"strconv"
	"time"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
)

// escalationCache holds what the escalation techniques compute once per
// build and share: they ask the same questions of many principals. Its zero
// value is ready to use.
type escalationCache struct {
	timeContext map[string][]string // the time keys, fixed for the build
	admins      map[string]bool     // principal → admin whatever the context
	possible    map[string]bool     // principal and action → allowed on some resource
	evidence    map[iam.StatementRef]graph.Evidence
	trusting    map[string]map[string][]trustedRole // service → account → roles
}

// requestContext is the context every escalation request carries: the
// time keys, and what the step itself knows (iam:PassedToService, ...).
// The time is read once per build, so every step of a build acts at the
// same moment.
func (env *Env) requestContext(extra map[string][]string) map[string][]string {
	if env.esc.timeContext == nil {
		now := analysisTime().UTC()
		env.esc.timeContext = map[string][]string{
			"aws:CurrentTime":    {now.Format(time.RFC3339)},
			"aws:TokenIssueTime": {now.Format(time.RFC3339)},
			"aws:EpochTime":      {strconv.FormatInt(now.Unix(), 10)},
		}
	}
	if len(extra) == 0 {
		return env.esc.timeContext // shared, and only ever read
	}
	ctx := make(map[string][]string, len(env.esc.timeContext)+len(extra))
	for k, v := range env.esc.timeContext {
		ctx[k] = v
	}
	for k, v := range extra {
		ctx[k] = v
	}
	return ctx
}

// statementEvidence is policyEvidence with each statement's rendering
// remembered: escalation edges cite the same few statements many times.
func (env *Env) statementEvidence(d iam.Decision) []graph.Evidence {
	if env.esc.evidence == nil {
		env.esc.evidence = map[iam.StatementRef]graph.Evidence{}
	}
	out := make([]graph.Evidence, 0, len(d.Statements))
	for _, ref := range d.Statements {
		ev, ok := env.esc.evidence[ref]
		if !ok {
			ev = graph.Evidence{Kind: evidenceKind(ref), Source: ref.Policy, Detail: env.authz.statementDetail(ref)}
			env.esc.evidence[ref] = ev
		}
		out = append(out, ev)
	}
	return out
}
