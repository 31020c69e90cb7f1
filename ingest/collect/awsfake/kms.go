package awsfake

import (
	kmsschemas "github.com/aws/aws-sdk-go-v2/service/kms/schemas"
)

// jsonDisabled is how the JSON protocols answer in a region that is not
// enabled: the region does not know the credentials.
var jsonDisabled = apiError{status: 400, code: "UnrecognizedClientException", message: "The security token included in the request is invalid."}

func kmsService() *service {
	return &service{
		name:     "kms",
		regional: true,
		proto:    jsonProtocol{target: "TrentService", version: "1.1"},
		throttle: apiError{status: 400, code: "ThrottlingException", message: "Rate exceeded"},
		disabled: jsonDisabled,
		ops: map[string]operation{
			"ListKeys":         {run: listKeys, schema: kmsschemas.ListKeysResponse},
			"DescribeKey":      {run: describeKey, schema: kmsschemas.DescribeKeyResponse},
			"GetKeyPolicy":     {run: getKeyPolicy, schema: kmsschemas.GetKeyPolicyResponse},
			"ListAliases":      {run: listAliases, schema: kmsschemas.ListAliasesResponse},
			"ListResourceTags": {run: listResourceTags, schema: kmsschemas.ListResourceTagsResponse},
		},
	}
}

func kmsKeys(c *call) []any { return list(c.regionFile("kms-keys.json")["Keys"]) }

// kmsPage pages a KMS list by Marker and Limit.
func kmsPage(c *call, member string, items []any) (map[string]any, *apiError) {
	page, next, e := pageOf(items, c.in["Marker"], c.pageSize("Limit"))
	if e != nil {
		return nil, e
	}
	return withToken(map[string]any{member: page, "Truncated": next != ""}, "NextMarker", next), nil
}

func listKeys(c *call) (map[string]any, *apiError) {
	entries := project(kmsKeys(c), func(k map[string]any) map[string]any {
		meta := object(k["KeyMetadata"])
		return map[string]any{"KeyId": meta["KeyId"], "KeyArn": meta["Arn"]}
	})
	return kmsPage(c, "Keys", entries)
}

// key finds a key by id, ARN, alias name or alias ARN.
func key(c *call) (map[string]any, *apiError) {
	ref := c.in["KeyId"]
	for _, k := range kmsKeys(c) {
		entry := object(k)
		meta := object(entry["KeyMetadata"])
		if ref != "" && (text(meta["KeyId"]) == ref || text(meta["Arn"]) == ref ||
			findItem(list(entry["Aliases"]), "AliasName", ref) != nil || findItem(list(entry["Aliases"]), "AliasArn", ref) != nil) {
			return entry, nil
		}
	}
	return nil, newError(400, "NotFoundException", "Key '%s' does not exist", ref)
}

func describeKey(c *call) (map[string]any, *apiError) {
	k, e := key(c)
	if e != nil {
		return nil, e
	}
	return map[string]any{"KeyMetadata": k["KeyMetadata"]}, nil
}

// getKeyPolicy answers the default policy. A snapshot without it is one
// whose collection was refused it.
func getKeyPolicy(c *call) (map[string]any, *apiError) {
	k, e := key(c)
	if e != nil {
		return nil, e
	}
	arn := text(object(k["KeyMetadata"])["Arn"])
	if name := c.in["PolicyName"]; name != "" && name != "default" {
		return nil, newError(400, "NotFoundException", "No such policy exists: %s", name)
	}
	if k["Policy"] == nil {
		return nil, newError(400, "AccessDeniedException", "User: %s is not authorized to perform: kms:GetKeyPolicy on resource: %s", c.caller.arn, arn)
	}
	return map[string]any{"Policy": k["Policy"], "PolicyName": "default"}, nil
}

// listAliases lists the aliases of the request's key, or of every key.
func listAliases(c *call) (map[string]any, *apiError) {
	var aliases []any
	if c.in["KeyId"] != "" {
		k, e := key(c)
		if e != nil {
			return nil, e
		}
		aliases = list(k["Aliases"])
	} else {
		for _, k := range kmsKeys(c) {
			aliases = append(aliases, list(object(k)["Aliases"])...)
		}
	}
	return kmsPage(c, "Aliases", aliases)
}

func listResourceTags(c *call) (map[string]any, *apiError) {
	k, e := key(c)
	if e != nil {
		return nil, e
	}
	return kmsPage(c, "Tags", list(k["Tags"]))
}
