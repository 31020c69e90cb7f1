package technique

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
	"github.com/pathfinder-sec/pathfinder/internal/ipset"
)

// portRange is an inclusive range of ports.
type portRange struct{ from, to int }

var (
	allPorts       = portRange{0, 65535}
	ephemeralPorts = portRange{1024, 65535}
)

func (r portRange) String() string {
	switch {
	case r == allPorts:
		return "all ports"
	case r.from == r.to:
		return "port " + strconv.Itoa(r.from)
	}
	return fmt.Sprintf("ports %d-%d", r.from, r.to)
}

// protocolName normalises AWS's protocol spellings: "-1" or "all" for every
// protocol, numbers 6 and 17 for tcp and udp.
func protocolName(p string) string {
	switch strings.ToLower(p) {
	case "-1", "all", "":
		return "all"
	case "6":
		return "tcp"
	case "17":
		return "udp"
	case "1":
		return "icmp"
	}
	return strings.ToLower(p)
}

func protocolMatches(rule, traffic string) bool {
	r := protocolName(rule)
	return r == "all" || r == traffic
}

// ruleRange is a rule's port range; protocol "all" and -1 ports mean all.
func ruleRange(protocol string, from, to int) portRange {
	if protocolName(protocol) == "all" || (from <= 0 && to <= 0) || from < 0 || to < 0 {
		return allPorts
	}
	return portRange{from, to}
}

// naclVerdict is the outcome of evaluating one direction of a NACL for one
// protocol and port over a set of remote addresses.
type naclVerdict struct {
	allowed ipset.Set
	rules   []int // the rule numbers that allowed part of the set
}

// evaluateNACL runs a stateless NACL the way AWS does: entries in ascending
// rule number, the first entry that matches an address decides it, and the
// implicit final rule denies. It returns which of the remote addresses get
// through.
func evaluateNACL(acl *ingest.NetworkACL, egress bool, protocol string, port int, remote ipset.Set) (naclVerdict, error) {
	entries := slices.Clone(acl.Entries)
	slices.SortFunc(entries, func(a, b ingest.ACLEntry) int { return a.RuleNumber - b.RuleNumber })
	var v naclVerdict
	left := remote
	for _, e := range entries {
		if e.Egress != egress || !protocolMatches(e.Protocol, protocol) {
			continue
		}
		if r := ruleRange(e.Protocol, e.FromPort, e.ToPort); port < r.from || port > r.to {
			continue
		}
		block, err := ipset.Parse(e.CIDR)
		if err != nil {
			return v, fmt.Errorf("network ACL %s rule %d: %w", acl.ID, e.RuleNumber, err)
		}
		if hit := left.Intersect(block); !hit.Empty() && e.Allow {
			v.allowed = v.allowed.Union(hit)
			v.rules = append(v.rules, e.RuleNumber)
		}
		left = left.Subtract(block)
	}
	return v, nil
}

// candidatePorts lists one port from each stretch of r over which no NACL
// entry changes: evaluating those is the same as evaluating every port.
func candidatePorts(acl *ingest.NetworkACL, r portRange) []int {
	ports := []int{r.from}
	if acl != nil {
		for _, e := range acl.Entries {
			er := ruleRange(e.Protocol, e.FromPort, e.ToPort)
			for _, p := range []int{er.from, er.to + 1} {
				if p > r.from && p <= r.to {
					ports = append(ports, p)
				}
			}
		}
	}
	slices.Sort(ports)
	return slices.Compact(ports)
}

// naclPassage finds a port in r on which the subnet's NACL admits some of
// the remote addresses inbound and lets the replies out to their ephemeral
// ports. It returns the port, the addresses that get through both ways, and
// the evidence; ok is false when the NACL stops all of them.
func naclPassage(acl *ingest.NetworkACL, subnet, protocol string, r portRange, remote ipset.Set) (int, ipset.Set, []graph.Evidence, bool, error) {
	if acl == nil {
		ev := graph.Evidence{Kind: "network-acl", Source: subnet, Detail: "no network ACL recorded for the subnet: AWS's default ACL allows all traffic"}
		return r.from, remote, []graph.Evidence{ev}, true, nil
	}
	for _, port := range candidatePorts(acl, r) {
		in, err := evaluateNACL(acl, false, protocol, port, remote)
		if err != nil || in.allowed.Empty() {
			if err != nil {
				return 0, ipset.Set{}, nil, false, err
			}
			continue
		}
		out, ok, err := naclReplies(acl, protocol, in.allowed)
		if err != nil {
			return 0, ipset.Set{}, nil, false, err
		}
		if ok {
			ev := []graph.Evidence{{Kind: "network-acl", Source: acl.ID, Detail: fmt.Sprintf(
				"inbound %s %s allowed by rule %s; replies to ephemeral ports allowed by outbound rule %s",
				protocol, portRange{port, port}, joinInts(in.rules), joinInts(out.rules))}}
			return port, out.allowed, ev, true, nil
		}
	}
	return 0, ipset.Set{}, nil, false, nil
}

// naclReplies checks that replies can leave towards some of the addresses:
// NACLs are stateless, so the outbound rules must admit the clients'
// ephemeral ports (1024-65535).
func naclReplies(acl *ingest.NetworkACL, protocol string, remote ipset.Set) (naclVerdict, bool, error) {
	for _, port := range candidatePorts(acl, ephemeralPorts) {
		out, err := evaluateNACL(acl, true, protocol, port, remote)
		if err != nil {
			return out, false, err
		}
		if !out.allowed.Empty() {
			return out, true, nil
		}
	}
	return naclVerdict{}, false, nil
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
