package ingest

import "github.com/pathfinder-sec/pathfinder/iam"

// Instance is an EC2 instance.
type Instance struct {
	ARN            string   `json:"arn"`
	ID             string   `json:"id"`
	Account        string   `json:"account"`
	Region         string   `json:"region"`
	VPC            string   `json:"vpc,omitempty"`
	Subnet         string   `json:"subnet,omitempty"`
	State          string   `json:"state,omitempty"`
	PublicIP       string   `json:"public_ip,omitempty"`
	IPv6Addresses  []string `json:"ipv6_addresses,omitempty"`
	PrivateIP      string   `json:"private_ip,omitempty"`
	SecurityGroups []string `json:"security_groups,omitempty"`
	// InstanceProfile is the ARN of the instance profile, if any.
	InstanceProfile string `json:"instance_profile,omitempty"`
	Metadata        IMDS   `json:"metadata"`
	UserData        string `json:"user_data,omitempty"`
	Tags            Tags   `json:"tags,omitempty"`
}

// IMDS is an instance's metadata options.
type IMDS struct {
	// Endpoint is "enabled" or "disabled".
	Endpoint string `json:"endpoint"`
	// Tokens is "optional" (IMDSv1 answers) or "required" (IMDSv2 only).
	Tokens   string `json:"tokens"`
	HopLimit int    `json:"hop_limit"`
}

// LoadBalancer is an ELBv2 load balancer with its listeners.
type LoadBalancer struct {
	ARN            string     `json:"arn"`
	Name           string     `json:"name"`
	Account        string     `json:"account"`
	Region         string     `json:"region"`
	VPC            string     `json:"vpc,omitempty"`
	Type           string     `json:"type"`   // application, network, gateway
	Scheme         string     `json:"scheme"` // internet-facing or internal
	DNSName        string     `json:"dns_name,omitempty"`
	Subnets        []string   `json:"subnets,omitempty"`
	SecurityGroups []string   `json:"security_groups,omitempty"`
	Listeners      []Listener `json:"listeners,omitempty"`
}

// Listener is a load balancer listener and the target groups it forwards to.
type Listener struct {
	ARN          string   `json:"arn,omitempty"`
	Protocol     string   `json:"protocol"`
	Port         int      `json:"port"`
	TargetGroups []string `json:"target_groups,omitempty"`
}

// TargetGroup is an ELBv2 target group with its registered targets.
type TargetGroup struct {
	ARN        string   `json:"arn"`
	Name       string   `json:"name"`
	Account    string   `json:"account"`
	Region     string   `json:"region"`
	VPC        string   `json:"vpc,omitempty"`
	Protocol   string   `json:"protocol,omitempty"`
	Port       int      `json:"port"`
	TargetType string   `json:"target_type"` // instance, ip, lambda, alb
	Targets    []Target `json:"targets,omitempty"`
}

// Target is a registered target; Health is its TargetHealth.State
// ("healthy", "unhealthy", "unused", ...), empty when unknown.
type Target struct {
	ID     string `json:"id"`
	Port   int    `json:"port,omitempty"`
	Health string `json:"health,omitempty"`
}

// Function is a Lambda function.
type Function struct {
	ARN            string            `json:"arn"`
	Name           string            `json:"name"`
	Account        string            `json:"account"`
	Region         string            `json:"region"`
	Role           string            `json:"role"`
	Runtime        string            `json:"runtime,omitempty"`
	Environment    map[string]string `json:"environment,omitempty"`
	ResourcePolicy *iam.Policy       `json:"resource_policy,omitempty"`
	Tags           Tags              `json:"tags,omitempty"`
}
