package snapshot

import (
	"errors"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type networkACLsFile struct {
	NetworkAcls []networkACL `json:"NetworkAcls"`
}

type networkACL struct {
	NetworkAclId string     `json:"NetworkAclId"`
	VpcId        string     `json:"VpcId"`
	OwnerId      accountID  `json:"OwnerId"`
	IsDefault    bool       `json:"IsDefault"`
	Entries      []aclEntry `json:"Entries"`
	Associations []struct {
		NetworkAclAssociationId string `json:"NetworkAclAssociationId"`
		NetworkAclId            string `json:"NetworkAclId"`
		SubnetId                string `json:"SubnetId"`
	} `json:"Associations"`
	Tags []tag `json:"Tags"`
}

func (n *networkACL) validate() error { return requireID("NetworkAclId", n.NetworkAclId) }

type aclEntry struct {
	RuleNumber    *int   `json:"RuleNumber"`
	Protocol      string `json:"Protocol"`
	RuleAction    string `json:"RuleAction"`
	Egress        bool   `json:"Egress"`
	CidrBlock     string `json:"CidrBlock"`
	Ipv6CidrBlock string `json:"Ipv6CidrBlock"`
	PortRange     *struct {
		From int `json:"From"`
		To   int `json:"To"`
	} `json:"PortRange"`
	IcmpTypeCode *struct {
		Code int `json:"Code"`
		Type int `json:"Type"`
	} `json:"IcmpTypeCode"`
}

func (e *aclEntry) validate() error {
	if e.RuleNumber == nil {
		return errors.New("RuleNumber is missing")
	}
	if e.CidrBlock == "" && e.Ipv6CidrBlock == "" {
		return errors.New("entry has neither CidrBlock nor Ipv6CidrBlock")
	}
	if e.RuleAction == "" {
		return errors.New("RuleAction is missing")
	}
	return checkEnum(e.RuleAction, "allow", "deny")
}

func decodeNetworkACLs(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.networkACLs = &networkACLsFile{}
	return decodeObject(file, data, "$", r.networkACLs)
}

// convertNetworkACLs keeps AWS's entries as they are, including the final
// "*" rule (number 32767) that denies what no other rule matched.
// Protocols are named like security-group protocols ("6" → "tcp"); an
// entry without a port range covers all ports (-1).
func (rc *regionConverter) convertNetworkACLs() {
	if rc.files.networkACLs == nil {
		return
	}
	for _, n := range rc.files.networkACLs.NetworkAcls {
		out := ingest.NetworkACL{
			ID: n.NetworkAclId, VPC: n.VpcId, Account: rc.owner(string(n.OwnerId)),
			Region: rc.vpcRegion(n.VpcId), Default: n.IsDefault, Entries: []ingest.ACLEntry{},
		}
		for _, a := range n.Associations {
			if a.SubnetId != "" {
				out.Subnets = append(out.Subnets, a.SubnetId)
			}
		}
		for _, e := range n.Entries {
			entry := ingest.ACLEntry{
				RuleNumber: *e.RuleNumber, Egress: e.Egress, Protocol: protocolName(e.Protocol),
				Allow: e.RuleAction == "allow", CIDR: firstNonEmpty(e.CidrBlock, e.Ipv6CidrBlock),
				FromPort: -1, ToPort: -1,
			}
			if e.PortRange != nil {
				entry.FromPort, entry.ToPort = e.PortRange.From, e.PortRange.To
			}
			out.Entries = append(out.Entries, entry)
		}
		rc.est.NetworkACLs = append(rc.est.NetworkACLs, out)
	}
}
