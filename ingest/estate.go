package ingest

// Estate is everything pathfinder knows about one or more AWS accounts.
// Slices are sorted by their identifier (Sort), so output built from an
// Estate is deterministic. References between objects are by ARN for IAM
// objects and by AWS id (vpc-, subnet-, sg-, i-) for network objects.
type Estate struct {
	Accounts         []Account         `json:"accounts,omitempty"`
	Organization     *Organization     `json:"organization,omitempty"`
	Users            []User            `json:"users,omitempty"`
	Groups           []Group           `json:"groups,omitempty"`
	Roles            []Role            `json:"roles,omitempty"`
	ManagedPolicies  []ManagedPolicy   `json:"managed_policies,omitempty"`
	AccessKeys       []AccessKey       `json:"access_keys,omitempty"`
	VPCs             []VPC             `json:"vpcs,omitempty"`
	Subnets          []Subnet          `json:"subnets,omitempty"`
	RouteTables      []RouteTable      `json:"route_tables,omitempty"`
	InternetGateways []InternetGateway `json:"internet_gateways,omitempty"`
	NATGateways      []NATGateway      `json:"nat_gateways,omitempty"`
	SecurityGroups   []SecurityGroup   `json:"security_groups,omitempty"`
	NetworkACLs      []NetworkACL      `json:"network_acls,omitempty"`
	Instances        []Instance        `json:"instances,omitempty"`
	LoadBalancers    []LoadBalancer    `json:"load_balancers,omitempty"`
	TargetGroups     []TargetGroup     `json:"target_groups,omitempty"`
	Functions        []Function        `json:"functions,omitempty"`
	Buckets          []Bucket          `json:"buckets,omitempty"`
	KMSKeys          []KMSKey          `json:"kms_keys,omitempty"`
	Secrets          []Secret          `json:"secrets,omitempty"`
	Databases        []Database        `json:"databases,omitempty"`
	Tables           []Table           `json:"tables,omitempty"`
	// Warnings are problems that did not stop loading, such as a dangling
	// reference or a part of the estate that was not collected.
	Warnings []string `json:"warnings,omitempty"`
}

// Tags are an object's AWS tags.
type Tags map[string]string

// Account is one AWS account.
type Account struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// BlockPublicAccess is the account-level S3 Block Public Access
	// configuration; nil when none is configured.
	BlockPublicAccess *PublicAccessBlock `json:"block_public_access,omitempty"`
}

// PublicAccessBlock is an S3 Block Public Access configuration.
type PublicAccessBlock struct {
	BlockPublicAcls       bool `json:"block_public_acls"`
	IgnorePublicAcls      bool `json:"ignore_public_acls"`
	BlockPublicPolicy     bool `json:"block_public_policy"`
	RestrictPublicBuckets bool `json:"restrict_public_buckets"`
}
