package collect

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"
)

// collectRDS writes rds-describe-db-instances.json.
func collectRDS(ctx context.Context, s *scope) error {
	api := rds.DescribeDBInstancesAPIClient(rds.NewFromConfig(s.config()))
	dbs, err := items(ctx, rds.NewDescribeDBInstancesPaginator(api, &rds.DescribeDBInstancesInput{}),
		func(o *rds.DescribeDBInstancesOutput) []types.DBInstance { return o.DBInstances })
	if err != nil {
		return s.skip(ctx, err, "")
	}
	return s.save("rds-describe-db-instances.json", newObject().set("DBInstances", encodeList(dbs)))
}
