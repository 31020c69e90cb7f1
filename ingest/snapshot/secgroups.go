package snapshot

import (
	"github.com/pathfinder-sec/pathfinder/ingest"
)

type securityGroupsFile struct {
	SecurityGroups []securityGroup `json:"SecurityGroups"`
}

type securityGroup struct {
	GroupId             string         `json:"GroupId"`
	GroupName           string         `json:"GroupName"`
	SecurityGroupArn    string         `json:"SecurityGroupArn"`
	Description         string         `json:"Description"`
	VpcId               string         `json:"VpcId"`
	OwnerId             accountID      `json:"OwnerId"`
	IpPermissions       []ipPermission `json:"IpPermissions"`
	IpPermissionsEgress []ipPermission `json:"IpPermissionsEgress"`
	Tags                []tag          `json:"Tags"`
}

func (g *securityGroup) validate() error { return requireID("GroupId", g.GroupId) }

// ipPermission is one rule as describe-security-groups prints it: a
// protocol and port range with several sources, each with its description.
type ipPermission struct {
	IpProtocol string `json:"IpProtocol"`
	FromPort   *int   `json:"FromPort"`
	ToPort     *int   `json:"ToPort"`
	IpRanges   []struct {
		CidrIp      string `json:"CidrIp"`
		Description string `json:"Description"`
	} `json:"IpRanges"`
	Ipv6Ranges []struct {
		CidrIpv6    string `json:"CidrIpv6"`
		Description string `json:"Description"`
	} `json:"Ipv6Ranges"`
	PrefixListIds []struct {
		PrefixListId string `json:"PrefixListId"`
		Description  string `json:"Description"`
	} `json:"PrefixListIds"`
	UserIdGroupPairs []struct {
		GroupId     string `json:"GroupId"`
		GroupName   string `json:"GroupName"`
		UserId      string `json:"UserId"`
		VpcId       string `json:"VpcId"`
		Description string `json:"Description"`
	} `json:"UserIdGroupPairs"`
}

func (p *ipPermission) validate() error { return requireID("IpProtocol", p.IpProtocol) }

func decodeSecurityGroups(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.securityGroups = &securityGroupsFile{}
	return decodeObject(file, data, "$", r.securityGroups)
}

func (rc *regionConverter) convertSecurityGroups() {
	if rc.files.securityGroups == nil {
		return
	}
	for _, g := range rc.files.securityGroups.SecurityGroups {
		rc.est.SecurityGroups = append(rc.est.SecurityGroups, ingest.SecurityGroup{
			ID: g.GroupId, Name: g.GroupName, VPC: g.VpcId, Account: rc.owner(string(g.OwnerId)),
			Region:  firstNonEmpty(arnRegion(g.SecurityGroupArn), rc.vpcRegion(g.VpcId)),
			Ingress: sgRules(g.IpPermissions), Egress: sgRules(g.IpPermissionsEgress),
		})
	}
}

// sgRules splits each permission into one rule per source, so that every
// rule keeps its own description, as the console and
// describe-security-group-rules show them.
func sgRules(perms []ipPermission) []ingest.SGRule {
	var out []ingest.SGRule
	for _, p := range perms {
		base := ingest.SGRule{Protocol: protocolName(p.IpProtocol), FromPort: portOrAll(p.FromPort), ToPort: portOrAll(p.ToPort)}
		if base.Protocol == "-1" {
			base.FromPort, base.ToPort = -1, -1
		}
		for _, r := range p.IpRanges {
			out = append(out, withSource(base, r.Description, func(s *ingest.SGRule) { s.CIDRs = []string{r.CidrIp} }))
		}
		for _, r := range p.Ipv6Ranges {
			out = append(out, withSource(base, r.Description, func(s *ingest.SGRule) { s.CIDRs = []string{r.CidrIpv6} }))
		}
		for _, r := range p.PrefixListIds {
			out = append(out, withSource(base, r.Description, func(s *ingest.SGRule) { s.PrefixLists = []string{r.PrefixListId} }))
		}
		for _, r := range p.UserIdGroupPairs {
			out = append(out, withSource(base, r.Description, func(s *ingest.SGRule) { s.Groups = []string{r.GroupId} }))
		}
	}
	return out
}

func withSource(base ingest.SGRule, description string, set func(*ingest.SGRule)) ingest.SGRule {
	base.Description = description
	set(&base)
	return base
}

func portOrAll(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// protocolName gives the common IP protocols by name, as describe-security-
// groups does and as network ACLs (which print numbers) do not.
func protocolName(p string) string {
	switch p {
	case "6":
		return "tcp"
	case "17":
		return "udp"
	case "1":
		return "icmp"
	case "58":
		return "icmpv6"
	case "all":
		return "-1"
	}
	return p
}
