package graph

// Kind is the kind of a node.
type Kind string

// The node kinds. Each names something an attacker can stand on or take.
const (
	KindInternet       Kind = "internet"
	KindLoadBalancer   Kind = "load-balancer"
	KindInstance       Kind = "ec2-instance"
	KindMetadata       Kind = "imds"
	KindFunction       Kind = "lambda-function"
	KindUser           Kind = "iam-user"
	KindRole           Kind = "iam-role"
	KindGroup          Kind = "iam-group"
	KindAccountAdmin   Kind = "account-admin"
	KindBucket         Kind = "s3-bucket"
	KindKey            Kind = "kms-key"
	KindDatabase       Kind = "rds-instance"
	KindTable          Kind = "dynamodb-table"
	KindSecret         Kind = "secret"
	InternetID              = "internet"
	metadataSuffix          = "/imds"
	accountAdminPrefix      = "admin:"
)

// Kinds lists every node kind, for help text and validation.
func Kinds() []Kind {
	return []Kind{KindInternet, KindLoadBalancer, KindInstance, KindMetadata, KindFunction,
		KindUser, KindRole, KindGroup, KindAccountAdmin, KindBucket, KindKey, KindDatabase,
		KindTable, KindSecret}
}

// IsPrincipal reports whether nodes of this kind hold IAM credentials.
func (k Kind) IsPrincipal() bool { return k == KindUser || k == KindRole }

// IsDataStore reports whether nodes of this kind hold data.
func (k Kind) IsDataStore() bool {
	switch k {
	case KindBucket, KindKey, KindDatabase, KindTable, KindSecret:
		return true
	}
	return false
}

// Node is one vertex of the attack graph. ID is the ARN where AWS has one,
// "internet" for the internet, and a stable derived id otherwise.
type Node struct {
	ID      string            `json:"id"`
	Kind    Kind              `json:"kind"`
	Name    string            `json:"name"`
	Account string            `json:"account,omitempty"`
	Region  string            `json:"region,omitempty"`
	VPC     string            `json:"vpc,omitempty"`
	Subnet  string            `json:"subnet,omitempty"`
	Tags    map[string]string `json:"tags,omitempty"`
	// Admin is set for principals whose effective permissions are "*" on
	// "*" and for account-admin nodes; AdminReason says why.
	Admin       bool   `json:"admin,omitempty"`
	AdminReason string `json:"admin_reason,omitempty"`
}

// MetadataID is the id of an instance's metadata endpoint node.
func MetadataID(instanceARN string) string { return instanceARN + metadataSuffix }

// AccountAdminID is the id of the node that stands for full control of an
// account, which escalation techniques reach.
func AccountAdminID(account string) string { return accountAdminPrefix + account }
