package technique

import (
	"fmt"
	"slices"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// LambdaEnvCredentials: an access key written into a function's
// environment variables belongs to a user; whoever reads the function's
// configuration, or runs code in it, becomes that user.
var LambdaEnvCredentials = &Technique{
	ID:     "lambda-env-credentials",
	Title:  "Access keys in Lambda environment variables",
	Attack: "T1552.001",
	Why: "Environment variables are returned in clear text by lambda:GetFunctionConfiguration and " +
		"lambda:GetFunction, and are readable by any code the function runs. A long-term access key " +
		"(AKIA…) stored there with its secret is a standing credential of the user it belongs to.",
	Remediation: "Delete the key from the function's environment and rotate it; give the function an " +
		"execution role with the permissions it needs, or keep secrets in Secrets Manager.",
	Cost:        costCredential,
	Permissions: []string{"lambda:GetFunctionConfiguration"},
	Yields:      "the access key of the user the key belongs to",
	Steps: []string{
		"aws lambda get-function-configuration --function-name <name> --query Environment.Variables",
		"export AWS_ACCESS_KEY_ID=<id> AWS_SECRET_ACCESS_KEY=<secret>; aws sts get-caller-identity",
	},
	References: []string{"https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"},
	Derive:     deriveLambdaEnvCredentials,
}

func deriveLambdaEnvCredentials(env *Env, t *Technique) error {
	for i := range env.Estate.Functions {
		f := &env.Estate.Functions[i]
		for _, key := range env.functionKeys(f) {
			if err := env.functionKeyEdges(t, f, key); err != nil {
				return err
			}
		}
	}
	return nil
}

type functionKey struct {
	leakedKey
	variable string
}

func (env *Env) functionKeys(f *ingest.Function) []functionKey {
	var names []string
	for name := range f.Environment {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []functionKey
	for _, name := range names {
		found, unmatched := env.leakedKeys(f.Environment[name])
		for _, k := range found {
			out = append(out, functionKey{leakedKey: k, variable: name})
		}
		for _, id := range unmatched {
			env.warn("function %s holds access key id %s in %s, which is no active key of a user in the estate", f.Name, maskKey(id), name)
		}
	}
	return out
}

// functionKeyEdges adds the two ways to the key: code running in the
// function reads its environment, and any principal allowed to read the
// function's configuration does too.
func (env *Env) functionKeyEdges(t *Technique, f *ingest.Function, key functionKey) error {
	ev := graph.Evidence{Kind: "environment-variable", Source: f.ARN,
		Detail: fmt.Sprintf("%s = %s, an active access key of %s", key.variable, maskKey(key.id), nameOf(key.user))}
	remedy := fmt.Sprintf("Remove %s from the environment of %s and rotate access key %s.", key.variable, f.Name, maskKey(key.id))
	err := env.emit(t, graph.Edge{From: f.ARN, To: key.user, Evidence: []graph.Evidence{ev}, Remediation: remedy,
		Explanation: fmt.Sprintf("Code running in %s reads %s from its environment: the access key of %s.", f.Name, key.variable, nameOf(key.user))})
	if err != nil {
		return err
	}
	side := resourceSide{name: f.ARN + " resource policy", policy: f.ResourcePolicy, owner: f.Account, tags: f.Tags}
	readConfig := []string{"lambda:GetFunctionConfiguration", "lambda:GetFunction"}
	for _, reader := range env.authz.candidatesOn(readConfig, f.ARN, f.Account, f.ResourcePolicy) {
		if reader == key.user {
			continue
		}
		d, err := env.decideAny(reader, readConfig, f.ARN, side)
		if err != nil {
			return err
		}
		if d.Outcome == iam.Denied {
			continue
		}
		err = env.emit(t, graph.Edge{From: reader, To: key.user, Conditions: d.Conditions, Remediation: remedy,
			Evidence:    append(env.authz.policyEvidence(d), ev),
			Explanation: fmt.Sprintf("%s reads the configuration of function %s, whose %s holds the access key of %s.", nameOf(reader), f.Name, key.variable, nameOf(key.user))})
		if err != nil {
			return err
		}
	}
	return nil
}

// decideAny returns the first decision that is not a deny among actions
// that each achieve the step, or the last deny.
func (env *Env) decideAny(principal string, actions []string, resource string, side resourceSide) (iam.Decision, error) {
	var d iam.Decision
	for _, action := range actions {
		var err error
		d, err = env.authz.decide(principal, action, resource, side)
		if err != nil || d.Outcome != iam.Denied {
			return d, err
		}
	}
	return d, nil
}
