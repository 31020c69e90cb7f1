package technique

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// LambdaUpdateFunctionCode: replace an existing function's code, which then
// runs with the function's execution role.
var LambdaUpdateFunctionCode = &Technique{
	ID:     "lambda:UpdateFunctionCode",
	Title:  "Replace the code of a function that runs with a privileged role",
	Attack: "T1648",
	Why: "lambda:UpdateFunctionCode replaces a function's code without touching its execution role and " +
		"needs no iam:PassRole. The next invocation, by its usual trigger or by the caller, runs the " +
		"attacker's code with the role's credentials.",
	Remediation: "Scope lambda:UpdateFunctionCode to the functions a principal deploys (by name or tag), " +
		"require signed code (code signing configurations), and keep execution roles narrow.",
	Cost:        costTakeover,
	Permissions: []string{"lambda:UpdateFunctionCode"},
	Yields:      "code execution as the function's role",
	Steps: []string{
		"aws lambda update-function-code --function-name TARGET --zip-file fileb://escalate.zip",
		"aws lambda invoke --function-name TARGET out.json   # or wait for its trigger",
	},
	Catalogue:  []string{"pathfinding.cloud lambda-003", "Rhino 17", "iam-vulnerable privesc17"},
	References: []string{pathfinding("lambda-003"), refRhino, refBishopFox},
	Derive:     deriveUpdateFunctionCode,
}

func deriveUpdateFunctionCode(env *Env, t *Technique) error {
	held := functionAccounts(env.Estate)
	edges := map[[2]string]*best{}
	scopes := map[string]resourceScope{}
	for i := range env.Estate.Functions {
		f := &env.Estate.Functions[i]
		r, ok := env.ix.roles[f.Role]
		if !ok {
			continue
		}
		for _, p := range env.authz.candidates("lambda:UpdateFunctionCode", f.ResourcePolicy) {
			key := [2]string{p, r.ARN}
			if p == r.ARN || env.isAdmin(p) || (edges[key] != nil && edges[key].e != nil && !edges[key].e.conditional()) {
				continue
			}
			if f.ResourcePolicy == nil {
				// Without a resource policy, only the function's own
				// account can be allowed, by its identity policies.
				if accountOf(p) != f.Account || !env.mayEver(p, []string{"lambda:UpdateFunctionCode"}) {
					continue
				}
				scope, ok := scopes[p]
				if !ok {
					var err error
					if scope, err = env.authz.scopeOf(p, "lambda:UpdateFunctionCode"); err != nil {
						return err
					}
					scopes[p] = scope
				}
				if !scope.mayName(f.ARN) {
					continue
				}
			}
			e, err := env.updateFunctionCode(p, f, r)
			if err != nil {
				return err
			}
			if edges[key] == nil {
				edges[key] = &best{}
			}
			edges[key].offer(e)
		}
	}
	if err := emitBest(env, t, edges); err != nil {
		return err
	}
	return deriveLatent(env, t, latentSpec{service: "lambda.amazonaws.com", kind: "Lambda function",
		requests: []serviceRequest{{action: "lambda:UpdateFunctionCode", pattern: lambdaFunctions}},
		explain: func(p string, r *ingest.Role) string {
			return fmt.Sprintf("%s replaces the code of a Lambda function that runs as %s, if there is one: "+
				"aws lambda update-function-code --function-name FUNCTION --zip-file fileb://escalate.zip.", p, r.Name)
		}}, func(account string) bool { return !held[account] })
}

func (env *Env) updateFunctionCode(p string, f *ingest.Function, r *ingest.Role) (*escalation, error) {
	d, ok, err := env.permit(p, "lambda:UpdateFunctionCode", f.ARN, resourceSide{
		name: f.ARN + " resource policy", policy: f.ResourcePolicy, owner: f.Account, tags: f.Tags})
	if err != nil || !ok {
		return nil, err
	}
	e := newEscalation(p, r.ARN, "%s replaces the code of Lambda function %s, which runs as %s: "+
		"aws lambda update-function-code --function-name %s --zip-file fileb://escalate.zip.", nameOf(p), f.Name, r.Name, f.Name)
	e.allow(env, d)
	e.fact("execution-role", f.ARN, "function %s runs with execution role %s", f.Name, r.ARN)
	e.edge.Preconditions = []string{fmt.Sprintf("%s is invoked afterwards, by its trigger or by the attacker (lambda:InvokeFunction)", f.Name)}
	e.edge.Remediation = fmt.Sprintf("Remove lambda:UpdateFunctionCode on %s from %s's policies, or require code signing for it.", f.ARN, nameOf(p))
	return e, nil
}

// emitBest emits the kept edge of each (attacker, target) pair, in order.
func emitBest(env *Env, t *Technique, edges map[[2]string]*best) error {
	keys := make([][2]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if a[0] != b[0] {
			return strings.Compare(a[0], b[0])
		}
		return strings.Compare(a[1], b[1])
	})
	for _, k := range keys {
		if err := edges[k].emit(env, t); err != nil {
			return err
		}
	}
	return nil
}
