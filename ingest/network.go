package ingest

// VPC is a virtual private cloud.
type VPC struct {
	ID      string   `json:"id"`
	Account string   `json:"account"`
	Region  string   `json:"region"`
	CIDRs   []string `json:"cidrs,omitempty"`
	Tags    Tags     `json:"tags,omitempty"`
}

// Subnet is a subnet of a VPC.
type Subnet struct {
	ID               string `json:"id"`
	VPC              string `json:"vpc"`
	Account          string `json:"account"`
	Region           string `json:"region"`
	AvailabilityZone string `json:"availability_zone,omitempty"`
	CIDR             string `json:"cidr,omitempty"`
	IPv6CIDR         string `json:"ipv6_cidr,omitempty"`
	Tags             Tags   `json:"tags,omitempty"`
}

// RouteTable is a route table. A subnet without an explicit association
// uses its VPC's main table.
type RouteTable struct {
	ID      string   `json:"id"`
	VPC     string   `json:"vpc"`
	Account string   `json:"account"`
	Region  string   `json:"region"`
	Main    bool     `json:"main,omitempty"`
	Subnets []string `json:"subnets,omitempty"`
	Routes  []Route  `json:"routes"`
}

// Route is one route. Target is the id of what it routes to: "local", an
// internet gateway (igw-), a NAT gateway (nat-), a peering (pcx-), ...
type Route struct {
	Destination string `json:"destination"`
	Target      string `json:"target"`
	// Blackhole is set when the target no longer exists.
	Blackhole bool `json:"blackhole,omitempty"`
}

// InternetGateway is an internet gateway and the VPCs it is attached to.
type InternetGateway struct {
	ID      string   `json:"id"`
	Account string   `json:"account"`
	Region  string   `json:"region"`
	VPCs    []string `json:"vpcs,omitempty"`
}

// NATGateway is a NAT gateway (outbound only: it never admits the internet).
type NATGateway struct {
	ID      string `json:"id"`
	VPC     string `json:"vpc"`
	Subnet  string `json:"subnet"`
	Account string `json:"account"`
	Region  string `json:"region"`
}

// SecurityGroup is a security group with its rules.
type SecurityGroup struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	VPC     string   `json:"vpc"`
	Account string   `json:"account"`
	Region  string   `json:"region"`
	Ingress []SGRule `json:"ingress,omitempty"`
	Egress  []SGRule `json:"egress,omitempty"`
}

// SGRule is one security group rule. Protocol is "-1" (all), "tcp", "udp",
// "icmp" or a protocol number; ports are inclusive and -1 for all.
type SGRule struct {
	Protocol    string   `json:"protocol"`
	FromPort    int      `json:"from_port"`
	ToPort      int      `json:"to_port"`
	CIDRs       []string `json:"cidrs,omitempty"`
	Groups      []string `json:"groups,omitempty"`
	PrefixLists []string `json:"prefix_lists,omitempty"`
	Description string   `json:"description,omitempty"`
}

// NetworkACL is a stateless subnet ACL. Entries are evaluated in rule
// number order; the first match decides.
type NetworkACL struct {
	ID      string     `json:"id"`
	VPC     string     `json:"vpc"`
	Account string     `json:"account"`
	Region  string     `json:"region"`
	Default bool       `json:"default,omitempty"`
	Subnets []string   `json:"subnets,omitempty"`
	Entries []ACLEntry `json:"entries"`
}

// ACLEntry is one NACL rule. CIDR is IPv4 or IPv6.
type ACLEntry struct {
	RuleNumber int    `json:"rule_number"`
	Egress     bool   `json:"egress,omitempty"`
	Protocol   string `json:"protocol"`
	Allow      bool   `json:"allow"`
	CIDR       string `json:"cidr"`
	FromPort   int    `json:"from_port"`
	ToPort     int    `json:"to_port"`
}
