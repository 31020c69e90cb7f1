package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/internal/ipset"
)

// LoadBalancerForward: an internet-facing load balancer hands requests to
// the instances behind it.
var LoadBalancerForward = &Technique{
	ID:     "load-balancer-forward",
	Title:  "Load balancer forwards to a target",
	Attack: "T1190",
	Why: "A listener forwards every request to the targets of its target group; when the target's " +
		"security group admits the load balancer, a request crafted by anyone on the internet reaches " +
		"the application on the instance, with whatever flaws it has.",
	Remediation: "Put a WAF in front of the listener, remove the target from the target group, or " +
		"narrow the listener rules to the paths the application must serve.",
	Cost:       costCredential,
	Yields:     "requests of the attacker's choosing delivered to the application on the target instance",
	Steps:      []string{"curl -k https://<load balancer DNS name>/<path>"},
	References: []string{"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html"},
	Derive:     deriveLoadBalancerForward,
}

func deriveLoadBalancerForward(env *Env, t *Technique) error {
	for i := range env.Estate.LoadBalancers {
		lb := &env.Estate.LoadBalancers[i]
		if lb.Scheme != "internet-facing" {
			continue
		}
		for _, l := range lb.Listeners {
			for _, tgArn := range l.TargetGroups {
				if err := env.forwardTo(t, lb, l, tgArn); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (env *Env) forwardTo(t *Technique, lb *ingest.LoadBalancer, l ingest.Listener, tgArn string) error {
	tg, ok := env.ix.targetGroups[tgArn]
	if !ok || (tg.TargetType != "" && tg.TargetType != "instance") {
		return nil
	}
	for _, target := range tg.Targets {
		in, ok := env.ix.instances[target.ID]
		if !ok || !running(in) || target.Health == "unused" || target.Health == "draining" {
			continue
		}
		port := target.Port
		if port == 0 {
			port = tg.Port
		}
		admit, ok := env.admitsBalancer(in, lb, port)
		if !ok {
			continue
		}
		ev := []graph.Evidence{
			{Kind: "listener", Source: lb.ARN, Detail: fmt.Sprintf("listener %s:%d forwards to target group %s", l.Protocol, l.Port, tg.Name)},
			{Kind: "target", Source: tg.ARN, Detail: targetDetail(in.ID, port, target.Health)},
			admit,
		}
		err := env.emit(t, graph.Edge{From: lb.ARN, To: in.ARN, Evidence: ev,
			Explanation: fmt.Sprintf("Requests to %s on port %d are forwarded to %s on port %d.", lb.Name, l.Port, in.ID, port)})
		if err != nil {
			return err
		}
	}
	return nil
}

func targetDetail(id string, port int, health string) string {
	d := fmt.Sprintf("%s is registered on port %d", id, port)
	if health != "" {
		d += " (health: " + health + ")"
	}
	return d
}

// admitsBalancer finds the instance's security group rule that lets the
// load balancer in on port: one that names a group of the balancer, or a
// CIDR covering one of its subnets. Network load balancers without groups
// keep the client's address, so a rule for internet sources counts too.
func (env *Env) admitsBalancer(in *ingest.Instance, lb *ingest.LoadBalancer, port int) (graph.Evidence, bool) {
	lbNets := env.subnetBlocks(lb.Subnets)
	if len(lb.SecurityGroups) == 0 {
		lbNets = lbNets.Union(publicInternet)
	}
	for _, id := range in.SecurityGroups {
		sg, ok := env.ix.groups[id]
		if !ok {
			continue
		}
		for _, rule := range sg.Ingress {
			r := ruleRange(rule.Protocol, rule.FromPort, rule.ToPort)
			if p := protocolName(rule.Protocol); (p != "tcp" && p != "all") || port < r.from || port > r.to {
				continue
			}
			if why, ok := ruleAdmits(rule, lb.SecurityGroups, lbNets); ok {
				return graph.Evidence{Kind: "security-group-rule", Source: sg.ID,
					Detail: fmt.Sprintf("%s (%s) admits tcp %s from %s", sg.ID, sg.Name, r, why)}, true
			}
		}
	}
	return graph.Evidence{}, false
}

func ruleAdmits(rule ingest.SGRule, lbGroups []string, lbNets ipset.Set) (string, bool) {
	for _, g := range rule.Groups {
		for _, lg := range lbGroups {
			if g == lg {
				return "the load balancer's group " + g, true
			}
		}
	}
	for _, c := range rule.CIDRs {
		if block, err := ipset.Parse(c); err == nil && !block.Intersect(lbNets).Empty() {
			return c, true
		}
	}
	return "", false
}

func (env *Env) subnetBlocks(ids []string) ipset.Set {
	var s ipset.Set
	for _, id := range ids {
		sub, ok := env.ix.subnets[id]
		if !ok {
			continue
		}
		for _, c := range []string{sub.CIDR, sub.IPv6CIDR} {
			if block, err := ipset.Parse(c); err == nil {
				s = s.Union(block)
			}
		}
	}
	return s
}
