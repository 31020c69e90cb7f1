package awsfake

import (
	"strings"

	lambdaschemas "github.com/aws/aws-sdk-go-v2/service/lambda/schemas"
)

func lambdaService() *service {
	return &service{
		name:     "lambda",
		regional: true,
		proto:    lambdaProtocol{},
		throttle: apiError{status: 429, code: "TooManyRequestsException", message: "Rate exceeded"},
		disabled: apiError{status: 403, code: "UnrecognizedClientException", message: "The security token included in the request is invalid."},
		ops: map[string]operation{
			"ListFunctions": {run: listFunctions, schema: lambdaschemas.ListFunctionsResponse},
			"GetPolicy":     {run: getFunctionPolicy, schema: lambdaschemas.GetPolicyResponse},
			"ListTags":      {run: listFunctionTags, schema: lambdaschemas.ListTagsResponse},
		},
	}
}

func functions(c *call) []any { return list(c.regionFile("lambda-list-functions.json")["Functions"]) }

// listFunctions leaves out the tags that the snapshot merges into each
// function from ListTags.
func listFunctions(c *call) (map[string]any, *apiError) {
	page, next, e := pageOf(functions(c), c.in["Marker"], c.pageSize("MaxItems"))
	if e != nil {
		return nil, e
	}
	page = project(page, func(f map[string]any) map[string]any { return without(f, "Tags") })
	return withToken(map[string]any{"Functions": page}, "NextMarker", next), nil
}

// function finds a function by name, ARN or partial ARN (a qualifier
// after the name is dropped).
func function(c *call, ref string) (map[string]any, *apiError) {
	name := ref
	if i := strings.Index(ref, "function:"); i >= 0 {
		name = ref[i+len("function:"):]
	}
	name, _, _ = strings.Cut(name, ":")
	if f := findItem(functions(c), "FunctionName", name); f != nil {
		return f, nil
	}
	return nil, newError(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:%s:%s:function:%s", c.region, c.acct.id, name)
}

func getFunctionPolicy(c *call) (map[string]any, *apiError) {
	f, e := function(c, c.in["FunctionName"])
	if e != nil {
		return nil, e
	}
	policy := object(c.regionFile("lambda-get-policy.json")[text(f["FunctionArn"])])
	if policy == nil {
		return nil, newError(404, "ResourceNotFoundException", "The resource you requested does not exist.")
	}
	return policy, nil
}

func listFunctionTags(c *call) (map[string]any, *apiError) {
	f, e := function(c, c.in["Resource"])
	if e != nil {
		return nil, e
	}
	tags := object(f["Tags"])
	if tags == nil {
		tags = map[string]any{}
	}
	return map[string]any{"Tags": tags}, nil
}
