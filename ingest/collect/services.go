package collect

import "context"

// service is one AWS service the collector reads, and the snapshot files
// it writes (see each collect function).
type service struct {
	name string
	// global services are collected once per account, through the home
	// region; the others once per region.
	global  bool
	collect func(ctx context.Context, s *scope) error
}

// services is every service, in the order their tasks are started.
var services = []service{
	{"iam", true, collectIAM},
	{"s3", true, collectS3},
	{"organizations", true, collectOrganizations},
	{"ec2", false, collectEC2},
	{"elbv2", false, collectELBv2},
	{"lambda", false, collectLambda},
	{"kms", false, collectKMS},
	{"secretsmanager", false, collectSecrets},
	{"rds", false, collectRDS},
	{"dynamodb", false, collectDynamoDB},
}

// ServiceNames are the names --services accepts, in collection order.
func ServiceNames() []string {
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = s.name
	}
	return names
}
