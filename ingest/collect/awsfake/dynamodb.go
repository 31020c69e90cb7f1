package awsfake

import (
	"sort"

	ddbschemas "github.com/aws/aws-sdk-go-v2/service/dynamodb/schemas"
)

func dynamoDBService() *service {
	return &service{
		name:     "dynamodb",
		regional: true,
		proto:    jsonProtocol{target: "DynamoDB_20120810", version: "1.0"},
		throttle: apiError{status: 400, code: "ThrottlingException", message: "Rate exceeded"},
		disabled: jsonDisabled,
		ops: map[string]operation{
			"ListTables":         {run: listTables, schema: ddbschemas.ListTablesOutput},
			"DescribeTable":      {run: describeTable, schema: ddbschemas.DescribeTableOutput},
			"GetResourcePolicy":  {run: getTablePolicy, schema: ddbschemas.GetResourcePolicyOutput},
			"ListTagsOfResource": {run: listTableTags, schema: ddbschemas.ListTagsOfResourceOutput},
		},
	}
}

func tables(c *call) []any { return list(c.regionFile("dynamodb-tables.json")["Tables"]) }

// listTables pages by table name, as DynamoDB does: a page ends with
// LastEvaluatedTableName, and the next starts after it.
func listTables(c *call) (map[string]any, *apiError) {
	var all []string
	for _, t := range tables(c) {
		all = append(all, text(object(t)["TableName"]))
	}
	sort.Strings(all)
	names := []any{}
	for _, name := range all {
		if name > c.in["ExclusiveStartTableName"] {
			names = append(names, name)
		}
	}
	out := map[string]any{"TableNames": names}
	if size := c.pageSize("Limit"); len(names) > size {
		out["TableNames"] = names[:size]
		out["LastEvaluatedTableName"] = names[size-1]
	}
	return out, nil
}

// table finds a table by name or ARN.
func table(c *call, ref string) (map[string]any, *apiError) {
	ts := tables(c)
	if t := findItem(ts, "TableName", ref); t != nil {
		return t, nil
	}
	if t := findItem(ts, "TableArn", ref); t != nil {
		return t, nil
	}
	return nil, newError(400, "ResourceNotFoundException", "Requested resource not found: Table: %s not found", ref)
}

// describeTable leaves out the policy and tags the snapshot merges into
// each table.
func describeTable(c *call) (map[string]any, *apiError) {
	t, e := table(c, c.in["TableName"])
	if e != nil {
		return nil, e
	}
	return map[string]any{"Table": without(t, "ResourcePolicy", "Tags")}, nil
}

func getTablePolicy(c *call) (map[string]any, *apiError) {
	arn := c.in["ResourceArn"]
	t, e := table(c, arn)
	if e != nil {
		return nil, e
	}
	if t["ResourcePolicy"] == nil {
		return nil, newError(400, "PolicyNotFoundException", "Resource-based policy not found for the provided ResourceArn: %s", arn)
	}
	return map[string]any{"Policy": t["ResourcePolicy"], "RevisionId": "1"}, nil
}

func listTableTags(c *call) (map[string]any, *apiError) {
	t, e := table(c, c.in["ResourceArn"])
	if e != nil {
		return nil, e
	}
	page, next, e := pageOf(list(t["Tags"]), c.in["NextToken"], c.server.opt.PageSize)
	if e != nil {
		return nil, e
	}
	return withToken(map[string]any{"Tags": page}, "NextToken", next), nil
}
