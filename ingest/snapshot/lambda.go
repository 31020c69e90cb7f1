package snapshot

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type functionsFile struct {
	Functions []function `json:"Functions"`
}

type function struct {
	FunctionName string `json:"FunctionName"`
	FunctionArn  string `json:"FunctionArn"`
	Runtime      string `json:"Runtime"`
	Role         string `json:"Role"`
	Environment  *struct {
		Variables map[string]string `json:"Variables"`
	} `json:"Environment"`
	// Tags is not printed by list-functions; a snapshot may merge in the
	// Tags of `aws lambda list-tags --resource ARN`.
	Tags map[string]string `json:"Tags"`
}

func (f *function) validate() error { return requireARNOf("FunctionArn", "lambda", f.FunctionArn) }

// functionPolicyFile is `aws lambda get-policy --function-name F` for one
// function; Policy is the document as a JSON string.
type functionPolicyFile struct {
	Policy     policyDoc `json:"Policy"`
	RevisionId string    `json:"RevisionId"`
}

func decodeFunctions(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.functions = &functionsFile{}
	return decodeObject(file, data, "$", r.functions)
}

func checkFunctionARN(key string) error {
	if p, ok := parseARN(key); !ok || p.Service != "lambda" || !strings.HasPrefix(p.Resource, "function:") {
		return fmt.Errorf("key %q is not a Lambda function ARN", key)
	}
	return nil
}

func decodeFunctionPolicies(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.functionPolicy = map[string]functionPolicyFile{}
	return decodeKeyed(file, data, checkFunctionARN, func(key, path string, raw json.RawMessage) error {
		var p functionPolicyFile
		if err := decodeObject(file, raw, path, &p); err != nil {
			return err
		}
		r.functionPolicy[key] = p
		return nil
	})
}

func (rc *regionConverter) convertFunctions() {
	if rc.files.functions == nil {
		return
	}
	for _, f := range rc.files.functions.Functions {
		out := ingest.Function{
			ARN: f.FunctionArn, Name: f.FunctionName, Account: arnAccount(f.FunctionArn),
			Region: arnRegion(f.FunctionArn), Role: f.Role, Runtime: f.Runtime,
		}
		if f.Environment != nil && len(f.Environment.Variables) > 0 {
			out.Environment = f.Environment.Variables
		}
		if len(f.Tags) > 0 {
			out.Tags = f.Tags
		}
		rc.est.Functions = append(rc.est.Functions, out)
	}
}

func (c *converter) joinFunctionPolicies() {
	byARN := make(map[string]*ingest.Function, len(c.est.Functions))
	for i := range c.est.Functions {
		byARN[c.est.Functions[i].ARN] = &c.est.Functions[i]
	}
	for _, r := range c.files.regions {
		for _, arn := range sortedKeys(r.functionPolicy) {
			fn, ok := byARN[arn]
			if !ok {
				c.warn("a resource policy is filed for function %s, which the snapshot does not list", arn)
				continue
			}
			fn.ResourcePolicy = r.functionPolicy[arn].Policy.doc
		}
	}
}
