package snapshot

import (
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type networkInterfacesFile struct {
	NetworkInterfaces []networkInterface `json:"NetworkInterfaces"`
}

type networkInterface struct {
	NetworkInterfaceId string            `json:"NetworkInterfaceId"`
	SubnetId           string            `json:"SubnetId"`
	VpcId              string            `json:"VpcId"`
	AvailabilityZone   string            `json:"AvailabilityZone"`
	InterfaceType      string            `json:"InterfaceType"`
	OwnerId            accountID         `json:"OwnerId"`
	PrivateIpAddress   string            `json:"PrivateIpAddress"`
	Groups             []groupIdentifier `json:"Groups"`
	Association        *struct {
		PublicIp string `json:"PublicIp"`
	} `json:"Association"`
	Attachment *struct {
		InstanceId string `json:"InstanceId"`
		Status     string `json:"Status"`
	} `json:"Attachment"`
	Ipv6Addresses []struct {
		Ipv6Address string `json:"Ipv6Address"`
	} `json:"Ipv6Addresses"`
}

func (n *networkInterface) validate() error {
	return requireID("NetworkInterfaceId", n.NetworkInterfaceId)
}

func decodeNetworkInterfaces(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.interfaces = &networkInterfacesFile{}
	return decodeObject(file, data, "$", r.interfaces)
}

// userDataEntry is `aws ec2 describe-instance-attribute --attribute
// userData --instance-id I` for one instance.
type userDataEntry struct {
	InstanceId string `json:"InstanceId"`
	UserData   struct {
		Value base64Text `json:"Value"`
	} `json:"UserData"`
}

var instanceIDPattern = regexp.MustCompile(`^i-[0-9a-zA-Z]+$`)

func checkInstanceID(key string) error {
	if !instanceIDPattern.MatchString(key) {
		return fmt.Errorf("key %q is not an instance id (i-...)", key)
	}
	return nil
}

func decodeUserData(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.userData = map[string]userDataEntry{}
	return decodeKeyed(file, data, checkInstanceID, func(key, path string, raw json.RawMessage) error {
		var e userDataEntry
		if err := decodeObject(file, raw, path, &e); err != nil {
			return err
		}
		if e.InstanceId != "" && e.InstanceId != key {
			return fileError(file, childPath(path, "InstanceId"), fmt.Errorf("instance %s is filed under key %s", e.InstanceId, key))
		}
		r.userData[key] = e
		return nil
	})
}

// joinInterfaces adds what an instance's interfaces know and
// describe-instances may not show: addresses and groups of interfaces
// attached later. Interfaces of load balancers, Lambda functions and
// databases have no place in the Estate.
func (c *converter) joinInterfaces(byID map[string]*ingest.Instance) {
	for _, r := range c.files.regions {
		if r.interfaces == nil {
			continue
		}
		for _, n := range r.interfaces.NetworkInterfaces {
			if n.Attachment == nil || n.Attachment.InstanceId == "" {
				continue
			}
			inst, ok := byID[n.Attachment.InstanceId]
			if !ok {
				c.warn("network interface %s is attached to instance %s, which the snapshot does not list", n.NetworkInterfaceId, n.Attachment.InstanceId)
				continue
			}
			for _, g := range n.Groups {
				inst.SecurityGroups = appendUnique(inst.SecurityGroups, g.GroupId)
			}
			for _, a := range n.Ipv6Addresses {
				inst.IPv6Addresses = appendUnique(inst.IPv6Addresses, a.Ipv6Address)
			}
			if inst.PublicIP == "" && n.Association != nil {
				inst.PublicIP = n.Association.PublicIp
			}
		}
	}
}

// joinUserData decodes each instance's user data from base64.
func (c *converter) joinUserData(byID map[string]*ingest.Instance) {
	for _, r := range c.files.regions {
		for _, id := range sortedKeys(r.userData) {
			inst, ok := byID[id]
			if !ok {
				c.warn("user data is filed for instance %s, which the snapshot does not list", id)
				continue
			}
			inst.UserData = r.userData[id].UserData.Value.decoded()
		}
	}
}

func instancesByID(list []ingest.Instance) map[string]*ingest.Instance {
	out := make(map[string]*ingest.Instance, len(list))
	for i := range list {
		out[list[i].ID] = &list[i]
	}
	return out
}
