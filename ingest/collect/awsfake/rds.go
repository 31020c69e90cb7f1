package awsfake

import (
	rdsschemas "github.com/aws/aws-sdk-go-v2/service/rds/schemas"
)

func rdsService() *service {
	return &service{
		name:     "rds",
		regional: true,
		proto:    queryProtocol{xmlns: "http://rds.amazonaws.com/doc/2014-10-31/"},
		throttle: apiError{status: 400, code: "Throttling", message: "Rate exceeded"},
		disabled: queryDisabled,
		ops: map[string]operation{
			"DescribeDBInstances": {run: describeDBInstances, schema: rdsschemas.DBInstanceMessage},
		},
	}
}

func describeDBInstances(c *call) (map[string]any, *apiError) {
	instances := list(c.regionFile("rds-describe-db-instances.json")["DBInstances"])
	page, next, e := pageOf(instances, c.in["Marker"], c.pageSize("MaxRecords"))
	if e != nil {
		return nil, e
	}
	return withToken(map[string]any{"DBInstances": page}, "Marker", next), nil
}
