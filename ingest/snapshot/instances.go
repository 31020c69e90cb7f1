package snapshot

import (
	"github.com/pathfinder-sec/pathfinder/ingest"
)

type instancesFile struct {
	Reservations []reservation `json:"Reservations"`
}

type reservation struct {
	ReservationId string            `json:"ReservationId"`
	OwnerId       accountID         `json:"OwnerId"`
	RequesterId   string            `json:"RequesterId"`
	Groups        []groupIdentifier `json:"Groups"`
	Instances     []ec2Instance     `json:"Instances"`
}

type groupIdentifier struct {
	GroupName string `json:"GroupName"`
	GroupId   string `json:"GroupId"`
}

type ec2Instance struct {
	InstanceId   string    `json:"InstanceId"`
	ImageId      string    `json:"ImageId"`
	InstanceType string    `json:"InstanceType"`
	LaunchTime   timestamp `json:"LaunchTime"`
	Placement    struct {
		AvailabilityZone string `json:"AvailabilityZone"`
	} `json:"Placement"`
	PrivateIpAddress string `json:"PrivateIpAddress"`
	PublicIpAddress  string `json:"PublicIpAddress"`
	Ipv6Address      string `json:"Ipv6Address"`
	State            *struct {
		Code int    `json:"Code"`
		Name string `json:"Name"`
	} `json:"State"`
	SubnetId           string            `json:"SubnetId"`
	VpcId              string            `json:"VpcId"`
	SecurityGroups     []groupIdentifier `json:"SecurityGroups"`
	IamInstanceProfile *struct {
		Arn string `json:"Arn"`
		Id  string `json:"Id"`
	} `json:"IamInstanceProfile"`
	MetadataOptions   *metadataOptions `json:"MetadataOptions"`
	NetworkInterfaces []instanceENI    `json:"NetworkInterfaces"`
	Tags              []tag            `json:"Tags"`
}

func (i *ec2Instance) validate() error { return requireID("InstanceId", i.InstanceId) }

type metadataOptions struct {
	State                   string       `json:"State"`
	HttpTokens              imdsTokens   `json:"HttpTokens"`
	HttpPutResponseHopLimit int          `json:"HttpPutResponseHopLimit"`
	HttpEndpoint            imdsEndpoint `json:"HttpEndpoint"`
	HttpProtocolIpv6        string       `json:"HttpProtocolIpv6"`
	InstanceMetadataTags    string       `json:"InstanceMetadataTags"`
}

type imdsTokens string

func (t *imdsTokens) validate() error { return checkEnum(string(*t), "optional", "required") }

type imdsEndpoint string

func (e *imdsEndpoint) validate() error { return checkEnum(string(*e), "enabled", "disabled") }

// instanceENI is an interface as describe-instances nests it.
type instanceENI struct {
	NetworkInterfaceId string `json:"NetworkInterfaceId"`
	Association        *struct {
		PublicIp string `json:"PublicIp"`
	} `json:"Association"`
	Ipv6Addresses []struct {
		Ipv6Address string `json:"Ipv6Address"`
	} `json:"Ipv6Addresses"`
	Groups []groupIdentifier `json:"Groups"`
}

func decodeInstances(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.instances = &instancesFile{}
	return decodeObject(file, data, "$", r.instances)
}

// convertInstances converts instances; the account is the reservation's
// owner and the region that of the availability zone.
func (rc *regionConverter) convertInstances() {
	if rc.files.instances == nil {
		return
	}
	for _, res := range rc.files.instances.Reservations {
		account := rc.owner(string(res.OwnerId))
		for _, i := range res.Instances {
			rc.est.Instances = append(rc.est.Instances, rc.instance(account, i))
		}
	}
}

func (rc *regionConverter) instance(account string, i ec2Instance) ingest.Instance {
	region := firstNonEmpty(zoneRegion(i.Placement.AvailabilityZone), rc.region)
	out := ingest.Instance{
		ARN: instanceARN(region, account, i.InstanceId), ID: i.InstanceId, Account: account, Region: region,
		VPC: i.VpcId, Subnet: i.SubnetId, PublicIP: i.PublicIpAddress, PrivateIP: i.PrivateIpAddress,
		Tags: tagMap(i.Tags),
	}
	if i.State != nil {
		out.State = i.State.Name
	}
	for _, g := range i.SecurityGroups {
		out.SecurityGroups = appendUnique(out.SecurityGroups, g.GroupId)
	}
	if i.IamInstanceProfile != nil {
		out.InstanceProfile = i.IamInstanceProfile.Arn
	}
	if m := i.MetadataOptions; m != nil {
		out.Metadata = ingest.IMDS{Endpoint: string(m.HttpEndpoint), Tokens: string(m.HttpTokens), HopLimit: m.HttpPutResponseHopLimit}
	} else if out.State != "terminated" {
		rc.warn("instance %s has no MetadataOptions: its IMDS settings are unknown", out.ARN)
	}
	if i.Ipv6Address != "" {
		out.IPv6Addresses = appendUnique(out.IPv6Addresses, i.Ipv6Address)
	}
	for _, eni := range i.NetworkInterfaces {
		for _, a := range eni.Ipv6Addresses {
			out.IPv6Addresses = appendUnique(out.IPv6Addresses, a.Ipv6Address)
		}
		for _, g := range eni.Groups {
			out.SecurityGroups = appendUnique(out.SecurityGroups, g.GroupId)
		}
		if out.PublicIP == "" && eni.Association != nil {
			out.PublicIP = eni.Association.PublicIp
		}
	}
	return out
}

func appendUnique(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, have := range list {
		if have == v {
			return list
		}
	}
	return append(list, v)
}
