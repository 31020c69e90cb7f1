package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// InternetIngress: the internet reaches an instance or an internet-facing
// load balancer.
var InternetIngress = &Technique{
	ID:     "internet-ingress",
	Title:  "Reachable from the internet",
	Attack: "T1190",
	Why: "A packet from the internet arrives when the target has a public address (or is an " +
		"internet-facing load balancer), its subnet routes the sender's address to an internet " +
		"gateway, a security group rule admits the sender on a port, and the subnet's network " +
		"ACL lets the request in and the reply out. Every exposed service is then an attack surface.",
	Remediation: "Remove the security group rule that admits 0.0.0.0/0 (or ::/0), or put the " +
		"service behind a load balancer in a public subnet and move the instance to a private subnet.",
	Cost:   costNetwork,
	Yields: "the ability to send requests to the instance's or load balancer's listening services",
	Steps:  []string{"nmap -Pn -p <port> <public address>", "curl -k https://<public address>:<port>/"},
	References: []string{"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
		"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"},
	Derive: deriveInternetIngress,
}

func deriveInternetIngress(env *Env, t *Technique) error {
	for i := range env.Estate.Instances {
		if err := env.instanceIngress(t, &env.Estate.Instances[i]); err != nil {
			return err
		}
	}
	for i := range env.Estate.LoadBalancers {
		if err := env.loadBalancerIngress(t, &env.Estate.LoadBalancers[i]); err != nil {
			return err
		}
	}
	return nil
}

func (env *Env) instanceIngress(t *Technique, in *ingest.Instance) error {
	if !running(in) || in.Subnet == "" {
		return nil
	}
	ep := endpoint{name: in.ID, subnets: []string{in.Subnet}, groups: in.SecurityGroups,
		publicV4: in.PublicIP != "", publicV6: len(in.IPv6Addresses) > 0}
	if in.PublicIP != "" {
		ep.evidence = append(ep.evidence, graph.Evidence{Kind: "public-ip", Source: in.ID, Detail: "public IPv4 address " + in.PublicIP})
	}
	if ep.publicV6 {
		ep.evidence = append(ep.evidence, graph.Evidence{Kind: "public-ip", Source: in.ID, Detail: "IPv6 address " + in.IPv6Addresses[0]})
	}
	if ep.groups == nil {
		ep.groups = []string{} // an instance always has a group; none recorded admits nothing
	}
	return env.emitIngress(t, ep, in.ARN, nil, "the instance "+in.ID)
}

// running leaves out instances that cannot answer: stopped, stopping,
// shutting down or terminated. An unknown state counts as running.
func running(in *ingest.Instance) bool {
	switch in.State {
	case "stopped", "stopping", "shutting-down", "terminated":
		return false
	}
	return true
}

func (env *Env) loadBalancerIngress(t *Technique, lb *ingest.LoadBalancer) error {
	if lb.Scheme != "internet-facing" || len(lb.Listeners) == 0 {
		return nil
	}
	ep := endpoint{name: lb.Name, subnets: lb.Subnets, groups: lb.SecurityGroups, publicV4: true, publicV6: true,
		evidence: []graph.Evidence{{Kind: "load-balancer", Source: lb.ARN, Detail: fmt.Sprintf("%s load balancer %s is internet-facing", lb.Type, lb.Name)}}}
	if len(lb.SecurityGroups) == 0 && lb.Type == "application" {
		ep.groups = []string{} // an ALB always has groups: none recorded admits nothing
	}
	var ports []portRange
	for _, l := range lb.Listeners {
		ports = append(ports, portRange{l.Port, l.Port})
	}
	return env.emitIngress(t, ep, lb.ARN, ports, "the load balancer "+lb.Name)
}

// emitIngress adds one internet → target edge citing every way in.
func (env *Env) emitIngress(t *Technique, ep endpoint, target string, ports []portRange, what string) error {
	exposures, err := env.internetExposures(ep, ports)
	if err != nil || len(exposures) == 0 {
		return err
	}
	var ev []graph.Evidence
	var openPorts []int
	for _, x := range exposures {
		ev = appendUnique(ev, x.evidence...)
		openPorts = append(openPorts, x.port)
	}
	return env.emit(t, graph.Edge{From: graph.InternetID, To: target, Evidence: ev,
		Explanation: fmt.Sprintf("Anyone on the internet can send requests to %s (e.g. port %d).", what, openPorts[0])})
}

func appendUnique(list []graph.Evidence, more ...graph.Evidence) []graph.Evidence {
	for _, e := range more {
		dup := false
		for _, have := range list {
			if have == e {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, e)
		}
	}
	return list
}
