package awsfake

import (
	"strings"

	smschemas "github.com/aws/aws-sdk-go-v2/service/secretsmanager/schemas"
)

func secretsManagerService() *service {
	return &service{
		name:     "secretsmanager",
		regional: true,
		proto:    jsonProtocol{target: "secretsmanager", version: "1.1"},
		throttle: apiError{status: 400, code: "ThrottlingException", message: "Rate exceeded"},
		disabled: jsonDisabled,
		ops: map[string]operation{
			"ListSecrets":       {run: listSecrets, schema: smschemas.ListSecretsResponse},
			"GetResourcePolicy": {run: getSecretPolicy, schema: smschemas.GetResourcePolicyResponse},
		},
	}
}

func secrets(c *call) []any {
	return list(c.regionFile("secretsmanager-list-secrets.json")["SecretList"])
}

// listSecrets leaves out the resource policies that the snapshot merges
// into each secret from GetResourcePolicy.
func listSecrets(c *call) (map[string]any, *apiError) {
	page, next, e := pageOf(secrets(c), c.in["NextToken"], c.pageSize("MaxResults"))
	if e != nil {
		return nil, e
	}
	page = project(page, func(s map[string]any) map[string]any { return without(s, "ResourcePolicy") })
	return withToken(map[string]any{"SecretList": page}, "NextToken", next), nil
}

// getSecretPolicy finds the secret by ARN, name or partial ARN (without
// the random suffix); a secret without a policy answers none.
func getSecretPolicy(c *call) (map[string]any, *apiError) {
	ref := c.in["SecretId"]
	for _, it := range secrets(c) {
		s := object(it)
		arn := text(s["ARN"])
		if ref != "" && (arn == ref || text(s["Name"]) == ref || len(arn) > 7 && arn[:len(arn)-7] == ref && strings.HasPrefix(ref, "arn:")) {
			out := map[string]any{"ARN": s["ARN"], "Name": s["Name"]}
			if s["ResourcePolicy"] != nil {
				out["ResourcePolicy"] = s["ResourcePolicy"]
			}
			return out, nil
		}
	}
	return nil, newError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}
