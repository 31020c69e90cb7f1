package synth

import "fmt"

// tiers are the security group tiers of every VPC; each admits the one
// before it, the first admits the internet.
var tiers = []struct {
	name string
	port int
}{{"web", 443}, {"app", 8080}, {"db", 5432}}

func permission(port int, source obj) obj {
	p := obj{"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": []any{}, "Ipv6Ranges": []any{},
		"PrefixListIds": []any{}, "UserIdGroupPairs": []any{}}
	for key, value := range source {
		p[key] = []any{value}
	}
	return p
}

// securityGroupsFile writes the tiers of each VPC, and one more group per
// 50 instances that admits SSH from a corporate range.
func (n *network) securityGroupsFile(a *account, instances int) obj {
	var list []any
	egress := []any{obj{"IpProtocol": "-1", "IpRanges": []any{obj{"CidrIp": "0.0.0.0/0"}}, "Ipv6Ranges": []any{},
		"PrefixListIds": []any{}, "UserIdGroupPairs": []any{}}}
	add := func(id, name, vpc string, ingress []any) {
		n.groups = append(n.groups, id)
		list = append(list, obj{"Description": name, "GroupName": name, "GroupId": id, "OwnerId": a.id, "VpcId": vpc,
			"IpPermissions": ingress, "IpPermissionsEgress": egress, "Tags": []any{},
			"SecurityGroupArn": fmt.Sprintf("arn:aws:ec2:%s:%s:security-group/%s", n.region, a.id, id)})
	}
	for _, vpc := range n.vpcs {
		for t, tier := range tiers {
			source := obj{"IpRanges": obj{"CidrIp": "0.0.0.0/0", "Description": "HTTPS from anywhere"},
				"Ipv6Ranges": obj{"CidrIpv6": "::/0"}}
			if t > 0 {
				source = obj{"UserIdGroupPairs": obj{"GroupId": "sg-" + tiers[t-1].name + vpc[4:], "UserId": a.id}}
			}
			add("sg-"+tier.name+vpc[4:], tier.name, vpc, []any{permission(tier.port, source)})
		}
	}
	for k := 0; k < instances/50; k++ {
		vpc := n.vpcs[k%len(n.vpcs)]
		add(fmt.Sprintf("sg-ssh%s%04x", vpc[4:], k), fmt.Sprintf("ssh-%d", k), vpc,
			[]any{permission(22, obj{"IpRanges": obj{"CidrIp": fmt.Sprintf("198.51.100.%d/32", k%256), "Description": "bastion"},
				"PrefixListIds": obj{"PrefixListId": "pl-corporate"}})})
	}
	return obj{"SecurityGroups": list}
}
