package awsfake

import (
	"fmt"
	"strings"
	"time"

	stsschemas "github.com/aws/aws-sdk-go-v2/service/sts/schemas"
)

func stsService() *service {
	return &service{
		name:     "sts",
		proto:    queryProtocol{xmlns: "https://sts.amazonaws.com/doc/2011-06-15/"},
		throttle: apiError{status: 400, code: "Throttling", message: "Rate exceeded"},
		ops: map[string]operation{
			"GetCallerIdentity": {run: getCallerIdentity, schema: stsschemas.GetCallerIdentityResponse},
			"AssumeRole":        {run: assumeRole, schema: stsschemas.AssumeRoleResponse},
		},
	}
}

func getCallerIdentity(c *call) (map[string]any, *apiError) {
	return map[string]any{"Account": c.acct.id, "Arn": c.caller.arn, "UserId": c.caller.userID}, nil
}

// assumeRole lets the caller assume any role of any account the fake
// serves; the credentials it issues sign requests answered from that
// account's snapshot.
func assumeRole(c *call) (map[string]any, *apiError) {
	roleARN, session := c.in["RoleArn"], c.in["RoleSessionName"]
	target := c.server.estate.accounts[arnAccount(roleARN)]
	_, roleName, isRole := strings.Cut(arnResource(roleARN), "role/")
	if target == nil || !isRole || roleName == "" {
		return nil, newError(403, "AccessDenied", "User: %s is not authorized to perform: sts:AssumeRole on resource: %s", c.caller.arn, roleARN)
	}
	if session == "" {
		return nil, newError(400, "ValidationError", "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null")
	}
	roleName = roleName[strings.LastIndex(roleName, "/")+1:]
	p := principal{
		account: target,
		arn:     fmt.Sprintf("arn:aws:sts::%s:assumed-role/%s/%s", target.id, roleName, session),
		userID:  "AROAAWSFAKEROLE000001:" + session,
	}
	accessKey, secretKey, token := c.server.sessions.issue(p)
	duration := time.Hour
	if n, ok := positive(c.in["DurationSeconds"]); ok {
		duration = time.Duration(n) * time.Second
	}
	return map[string]any{
		"Credentials": map[string]any{
			"AccessKeyId": accessKey, "SecretAccessKey": secretKey, "SessionToken": token,
			"Expiration": time.Now().Add(duration).UTC().Format(time.RFC3339),
		},
		"AssumedRoleUser": map[string]any{"AssumedRoleId": p.userID, "Arn": p.arn},
	}, nil
}

// assumedAccount is the account of the role an AssumeRole call assumes,
// which its fault keys may name too; "" for any other call.
func assumedAccount(c *call) string {
	if c.svc.name == "sts" && c.op == "AssumeRole" {
		return arnAccount(c.in["RoleArn"])
	}
	return ""
}

// arnResource is the resource part of an ARN, or "".
func arnResource(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 {
		return parts[5]
	}
	return ""
}
