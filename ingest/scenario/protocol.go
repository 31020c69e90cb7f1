package scenario

import (
	"strconv"
	"strings"
)

// protocol is an IP protocol as a scenario writes it, with the two forms
// AWS reports it in: security groups use names for tcp, udp, icmp and
// icmpv6, network ACLs use numbers; both use -1 for all protocols.
type protocol struct {
	name   string // as security groups report it
	number string // as network ACLs report it
}

var protocolNames = map[string]protocol{
	"all": {"-1", "-1"}, "-1": {"-1", "-1"},
	"tcp": {"tcp", "6"}, "6": {"tcp", "6"},
	"udp": {"udp", "17"}, "17": {"udp", "17"},
	"icmp": {"icmp", "1"}, "1": {"icmp", "1"},
	"icmpv6": {"icmpv6", "58"}, "58": {"icmpv6", "58"},
}

func (v value) protocol() (protocol, bool) {
	s := strings.ToLower(v.str())
	if v.absent() {
		return protocol{}, false
	}
	if p, ok := protocolNames[s]; ok {
		return p, true
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n <= 255 {
		return protocol{name: s, number: s}, true
	}
	v.failf("invalid protocol %q: use all, tcp, udp, icmp, icmpv6 or a protocol number 0-255", v.str())
	return protocol{}, false
}

// hasPorts reports whether the protocol takes a port range.
func (p protocol) hasPorts() bool { return p.name == "tcp" || p.name == "udp" }

// portRange reads "port: N" or "ports: FROM-TO". Protocols with ports
// default to all of them (0-65535); the others take none (-1, -1).
func (o object) portRange(p protocol) (int, int) {
	o.exclusive("port", "ports")
	port, ports := o.get("port"), o.get("ports")
	if !p.hasPorts() {
		for _, f := range []value{port, ports} {
			if !f.absent() {
				f.failf("protocol %s has no ports", p.name)
			}
		}
		return -1, -1
	}
	switch {
	case !port.absent():
		n := port.integer(0)
		return checkPort(port, n), checkPort(port, n)
	case !ports.absent():
		return ports.portSpan()
	}
	return 0, 65535
}

// portSpan reads "FROM-TO", or a single port.
func (v value) portSpan() (int, int) {
	s := v.str()
	from, to, isRange := strings.Cut(s, "-")
	if !isRange {
		to = from
	}
	a, errA := strconv.Atoi(strings.TrimSpace(from))
	b, errB := strconv.Atoi(strings.TrimSpace(to))
	if errA != nil || errB != nil {
		v.failf("invalid port range %q: expected FROM-TO, such as 1024-65535", s)
		return 0, 0
	}
	if a > b {
		v.failf("invalid port range %q: %d is greater than %d", s, a, b)
		return 0, 0
	}
	return checkPort(v, a), checkPort(v, b)
}

func checkPort(v value, n int) int {
	if n < 0 || n > 65535 {
		v.failf("port %d is out of range 0-65535", n)
		return 0
	}
	return n
}
