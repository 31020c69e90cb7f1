package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// elbKinds maps a load balancer type to its ARN segment and listener protocols.
var elbKinds = map[string]struct {
	segment   string
	protocols []string
}{
	"application": {"app", []string{"HTTP", "HTTPS"}},
	"network":     {"net", []string{"TCP", "UDP", "TLS", "TCP_UDP"}},
	"gateway":     {"gwy", []string{"GENEVE"}},
}

// listenerDecl is a listener as written, linked once instances are known.
type listenerDecl struct {
	v           value
	listener    ingest.Listener
	targetGroup value
	targetPort  int
	targetProto string
	targets     []value
}

func (d *decoder) loadBalancer(acct *acctCtx, v value) {
	o := v.object("name", "type", "scheme", "subnets", "security_groups", "listeners")
	namev := o.need("name")
	lb := &ingest.LoadBalancer{
		Name: namev.name(elbNames), Account: acct.id,
		Type:   o.get("type").oneOf("application", "application", "network", "gateway"),
		Scheme: o.get("scheme").oneOf("internet-facing", "internet-facing", "internal"),
	}
	if strings.HasPrefix(lb.Name, "internal-") {
		namev.failf("a load balancer name cannot start with \"internal-\"")
	}
	subnets := o.need("subnets").items()
	if len(subnets) == 0 && o.has("subnets") {
		o.get("subnets").failf("a load balancer needs at least one subnet")
	}
	for _, s := range subnets {
		lb.Subnets = append(lb.Subnets, s.awsID("subnet-"))
	}
	groups := o.get("security_groups").items()
	for _, g := range groups {
		lb.SecurityGroups = append(lb.SecurityGroups, g.awsID("sg-"))
	}
	var listeners []*listenerDecl
	o.get("listeners").each(func(l value) { listeners = append(listeners, listener(l, lb.Type)) })
	if !d.declare(namev, "load balancer name", scoped(acct.id, lb.Name)) {
		return
	}
	d.ix.lbs[scoped(acct.id, lb.Name)] = lb
	d.then(func() { d.linkLoadBalancer(lb, subnets, groups, listeners) })
}

func listener(v value, lbType string) *listenerDecl {
	o := v.object("port", "protocol", "targets", "target_port", "target_protocol", "target_group")
	protocols := elbKinds[lbType].protocols
	l := &listenerDecl{v: v, targetGroup: o.get("target_group"), targets: o.get("targets").list()}
	port := o.need("port")
	l.listener.Port = checkPort(port, port.integer(0))
	l.listener.Protocol = strings.ToUpper(o.get("protocol").str())
	if l.listener.Protocol == "" {
		l.listener.Protocol = protocols[0]
	} else if !slices.Contains(protocols, l.listener.Protocol) {
		o.get("protocol").failf("protocol %q is not one of %s for a %s load balancer", l.listener.Protocol, strings.Join(protocols, ", "), lbType)
	}
	tp := o.get("target_port")
	l.targetPort = checkPort(tp, tp.integer(l.listener.Port))
	l.targetProto = strings.ToUpper(o.get("target_protocol").str())
	if l.targetProto == "" {
		l.targetProto = l.listener.Protocol
	}
	return l
}

// linkLoadBalancer places a load balancer in its subnets' VPC, names it
// with its ARN and DNS name, and creates one target group per listener.
func (d *decoder) linkLoadBalancer(lb *ingest.LoadBalancer, subnets, groups []value, listeners []*listenerDecl) {
	for _, sv := range subnets {
		s := lookup(sv, d.ix.subnets, sv.str(), "subnet", sv.str())
		if s == nil {
			return
		}
		if lb.VPC == "" {
			lb.VPC, lb.Region = s.VPC, s.Region
		} else if s.VPC != lb.VPC {
			sv.failf("subnet %s is in %s, but the load balancer's first subnet is in %s", s.ID, s.VPC, lb.VPC)
			return
		}
	}
	d.groupsInVPC(groups, lb.VPC)
	id := stableHex(16, lb.Account, lb.Region, lb.Name)
	segment := elbKinds[lb.Type].segment
	lb.ARN = regionalARN("elasticloadbalancing", lb.Region, lb.Account, fmt.Sprintf("loadbalancer/%s/%s/%s", segment, lb.Name, id))
	lb.DNSName = dnsName(lb)
	for _, l := range listeners {
		l.listener.ARN = regionalARN("elasticloadbalancing", lb.Region, lb.Account,
			fmt.Sprintf("listener/%s/%s/%s/%s", segment, lb.Name, id, stableHex(16, id, fmt.Sprint(l.listener.Port))))
		if tg := d.targetGroup(lb, l); tg != nil {
			l.listener.TargetGroups = []string{tg.ARN}
		}
		lb.Listeners = append(lb.Listeners, l.listener)
	}
}

// dnsName is the DNS name AWS gives a load balancer of this kind.
func dnsName(lb *ingest.LoadBalancer) string {
	prefix := lb.Name
	if lb.Scheme == "internal" {
		prefix = "internal-" + prefix
	}
	if lb.Type == "application" {
		return fmt.Sprintf("%s-%s.%s.elb.amazonaws.com", prefix, stableDigits(10, lb.ARN), lb.Region)
	}
	return fmt.Sprintf("%s-%s.elb.%s.amazonaws.com", prefix, stableHex(16, lb.ARN), lb.Region)
}

// targetGroup creates the target group a listener forwards to.
func (d *decoder) targetGroup(lb *ingest.LoadBalancer, l *listenerDecl) *ingest.TargetGroup {
	name := fmt.Sprintf("%s-%d", lb.Name, l.listener.Port)
	if !l.targetGroup.absent() {
		name = l.targetGroup.name(elbNames)
	} else if !elbNames.pattern.MatchString(name) {
		l.v.failf("the target group name %q made from the load balancer's name is too long: set target_group", name)
	}
	if !d.declare(l.v, "target group name", scoped(lb.Account, lb.Region, name)) {
		return nil
	}
	tg := &ingest.TargetGroup{
		ARN:  regionalARN("elasticloadbalancing", lb.Region, lb.Account, fmt.Sprintf("targetgroup/%s/%s", name, stableHex(16, lb.Account, lb.Region, name))),
		Name: name, Account: lb.Account, Region: lb.Region, VPC: lb.VPC,
		Protocol: l.targetProto, Port: l.targetPort, TargetType: "instance",
	}
	for _, t := range l.targets {
		tg.Targets = append(tg.Targets, d.target(t, tg))
	}
	d.ix.tgs[tg.ARN] = tg
	return tg
}

var targetHealth = []string{"initial", "healthy", "unhealthy", "unused", "draining", "unavailable"}

// target reads a target: an instance id, or {id, port, health}.
func (d *decoder) target(v value, tg *ingest.TargetGroup) ingest.Target {
	idv := v
	t := ingest.Target{Port: tg.Port}
	if v.n.Kind == yamlMapping {
		o := v.object("id", "port", "health")
		idv = o.need("id")
		t.Port = checkPort(o.get("port"), o.get("port").integer(tg.Port))
		t.Health = o.get("health").oneOf("", targetHealth...)
	}
	t.ID = idv.str()
	inst := lookup(idv, d.ix.instances, t.ID, "instance", t.ID)
	if inst == nil {
		return t
	}
	if s := d.ix.subnets[inst.Subnet]; s != nil && s.VPC != tg.VPC {
		idv.failf("instance %s is in %s, but the load balancer is in %s", t.ID, s.VPC, tg.VPC)
	}
	return t
}
