package technique

import (
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/internal/ipset"
)

// publicInternet is the address space the internet can send from: all
// addresses but the private, shared, loopback, link-local, multicast and
// reserved blocks for IPv4, and global unicast for IPv6. A security group
// rule for 10.0.0.0/8 therefore never counts as internet ingress.
var publicInternet = func() ipset.Set {
	v4 := ipset.MustParse("0.0.0.0/0")
	for _, private := range []string{"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
		"169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4"} {
		v4 = v4.Subtract(ipset.MustParse(private))
	}
	return v4.Union(ipset.MustParse("2000::/3"))
}()

// endpoint is a network interface the internet might reach: where it sits,
// which groups guard it, and whether it has a public address per family.
type endpoint struct {
	name     string
	subnets  []string
	groups   []string // nil: no security group filters (an NLB without groups)
	publicV4 bool
	publicV6 bool
	evidence []graph.Evidence // why it has a public address
}

// exposure is one way in: the ports a rule opens to the internet and all
// the configuration that lets packets through.
type exposure struct {
	port     int
	evidence []graph.Evidence
}

// internetExposures lists, for each security group rule that admits the
// internet, the port and evidence through which packets arrive and replies
// return. The route table must send the sources to an internet gateway, the
// group must admit them, and the subnet's NACL must pass them both ways.
func (env *Env) internetExposures(ep endpoint, ports []portRange) ([]exposure, error) {
	var out []exposure
	for _, subnetID := range ep.subnets {
		subnet, ok := env.ix.subnets[subnetID]
		if !ok {
			continue
		}
		sources, routeEv := env.internetRoutes(subnet, ep)
		if sources.Empty() {
			continue
		}
		found, err := env.exposuresIn(subnet, ep, sources, routeEv, ports)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// internetRoutes returns the internet addresses whose replies the subnet's
// route table sends to an attached internet gateway.
func (env *Env) internetRoutes(subnet *ingest.Subnet, ep endpoint) (ipset.Set, []graph.Evidence) {
	rt := env.ix.routeTable(subnet)
	if rt == nil {
		return ipset.Set{}, nil
	}
	var sources ipset.Set
	var ev []graph.Evidence
	for _, r := range rt.Routes {
		if !strings.HasPrefix(r.Target, "igw-") || r.Blackhole {
			continue
		}
		if len(env.Estate.InternetGateways) > 0 && !env.ix.igwAttached(r.Target, subnet.VPC) {
			continue
		}
		dest, err := ipset.Parse(r.Destination)
		if err != nil {
			continue // a prefix-list destination: not an address block
		}
		usable := dest.Intersect(publicInternet).Intersect(familyFilter(ep))
		if usable.Empty() {
			continue
		}
		sources = sources.Union(usable)
		ev = append(ev, graph.Evidence{Kind: "route", Source: rt.ID,
			Detail: fmt.Sprintf("subnet %s routes %s to internet gateway %s", subnet.ID, r.Destination, r.Target)})
	}
	return sources, ev
}

func familyFilter(ep endpoint) ipset.Set {
	var s ipset.Set
	if ep.publicV4 {
		s = s.Union(ipset.MustParse("0.0.0.0/0"))
	}
	if ep.publicV6 {
		s = s.Union(ipset.MustParse("::/0"))
	}
	return s
}

func (env *Env) exposuresIn(subnet *ingest.Subnet, ep endpoint, sources ipset.Set, routeEv []graph.Evidence, ports []portRange) ([]exposure, error) {
	acl := env.ix.nacl(subnet)
	var out []exposure
	for _, open := range env.openings(ep, sources, ports) {
		port, _, aclEv, ok, err := naclPassage(acl, subnet.ID, open.protocol, open.ports, open.sources)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		ev := append(append(append(append([]graph.Evidence{}, ep.evidence...), routeEv...), open.evidence), aclEv...)
		out = append(out, exposure{port: port, evidence: ev})
	}
	return out, nil
}

// opening is a security group rule's admission of internet sources.
type opening struct {
	protocol string
	ports    portRange
	sources  ipset.Set
	evidence graph.Evidence
}

// openings lists the group rules that admit some of the sources on tcp or
// udp, narrowed to the ports the endpoint serves (nil: any port).
func (env *Env) openings(ep endpoint, sources ipset.Set, serve []portRange) []opening {
	if ep.groups == nil {
		return openingsWithoutGroups(sources, serve)
	}
	var out []opening
	for _, id := range ep.groups {
		sg, ok := env.ix.groups[id]
		if !ok {
			continue
		}
		for _, rule := range sg.Ingress {
			out = append(out, ruleOpenings(sg, rule, sources, serve)...)
		}
	}
	return out
}

func openingsWithoutGroups(sources ipset.Set, serve []portRange) []opening {
	var out []opening
	for _, p := range serve {
		out = append(out, opening{protocol: "tcp", ports: p, sources: sources, evidence: graph.Evidence{
			Kind: "security-group-rule", Source: "none", Detail: "no security group is attached: every source is admitted on " + p.String()}})
	}
	return out
}

func ruleOpenings(sg *ingest.SecurityGroup, rule ingest.SGRule, sources ipset.Set, serve []portRange) []opening {
	proto := protocolName(rule.Protocol)
	if proto == "all" {
		proto = "tcp"
	}
	if proto != "tcp" && proto != "udp" {
		return nil
	}
	var admitted ipset.Set
	var cidrs []string
	for _, c := range rule.CIDRs {
		block, err := ipset.Parse(c)
		if err != nil {
			continue
		}
		if hit := block.Intersect(sources); !hit.Empty() {
			admitted = admitted.Union(hit)
			cidrs = append(cidrs, c)
		}
	}
	if admitted.Empty() {
		return nil
	}
	var out []opening
	for _, r := range narrow(ruleRange(rule.Protocol, rule.FromPort, rule.ToPort), serve) {
		detail := fmt.Sprintf("%s (%s) admits %s %s from %s", sg.ID, sg.Name, protocolName(rule.Protocol), r, strings.Join(cidrs, ", "))
		if rule.Description != "" {
			detail += fmt.Sprintf(" (%q)", rule.Description)
		}
		out = append(out, opening{protocol: proto, ports: r, sources: admitted,
			evidence: graph.Evidence{Kind: "security-group-rule", Source: sg.ID, Detail: detail}})
	}
	return out
}

// narrow intersects a rule's range with the ports an endpoint serves.
func narrow(r portRange, serve []portRange) []portRange {
	if serve == nil {
		return []portRange{r}
	}
	var out []portRange
	for _, s := range serve {
		lo, hi := max(r.from, s.from), min(r.to, s.to)
		if lo <= hi {
			out = append(out, portRange{lo, hi})
		}
	}
	return out
}
