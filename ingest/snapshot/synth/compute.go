package synth

import (
	"encoding/base64"
	"fmt"
)

// files returns every region-scoped file of the network with n instances.
func (n *network) files(a *account, instances int) map[string]any {
	igws, nats, acls := n.gatewaysFiles(a)
	out := map[string]any{
		"ec2-describe-vpcs.json":              n.vpcsFile(a),
		"ec2-describe-subnets.json":           n.subnetsFile(a),
		"ec2-describe-route-tables.json":      n.routeTablesFile(a),
		"ec2-describe-internet-gateways.json": igws,
		"ec2-describe-nat-gateways.json":      nats,
		"ec2-describe-network-acls.json":      acls,
		"ec2-describe-security-groups.json":   n.securityGroupsFile(a, instances),
	}
	reservations, userData, ids := n.instances(a, instances)
	out["ec2-describe-instances.json"] = obj{"Reservations": reservations}
	out["ec2-describe-instance-attribute-userdata.json"] = userData
	for name, content := range n.loadBalancers(a, ids) {
		out[name] = content
	}
	return out
}

// instances are spread over the subnets; one in ten answers IMDSv1, those
// in public subnets have public addresses, most carry an instance profile.
func (n *network) instances(a *account, count int) (reservations []any, userData obj, ids []string) {
	profiles := a.profiles()
	userData = obj{}
	for k := 0; k < count; k++ {
		s := n.subnets[k%len(n.subnets)]
		id := fmt.Sprintf("i-%08x%s%06x", a.index, n.region[:2], k)
		ids = append(ids, id)
		private := fmt.Sprintf("10.%d.%d.%d", (k/4)%256, k%4, 4+k%250)
		tier := tiers[k%len(tiers)].name
		groups := []any{obj{"GroupName": tier, "GroupId": "sg-" + tier + s.vpc[4:]}}
		tokens := "required"
		if k%10 == 0 {
			tokens = "optional"
		}
		eni := obj{"NetworkInterfaceId": "eni-" + id[2:], "SubnetId": s.id, "VpcId": s.vpc, "PrivateIpAddress": private,
			"Groups": groups, "Ipv6Addresses": []any{}, "Status": "in-use", "InterfaceType": "interface", "OwnerId": a.id,
			"Attachment": obj{"AttachmentId": "eni-attach-" + id[2:], "DeviceIndex": 0, "Status": "attached", "DeleteOnTermination": true}}
		inst := obj{"AmiLaunchIndex": 0, "ImageId": "ami-0abcdef1234567890", "InstanceId": id, "InstanceType": "t3.medium",
			"LaunchTime": created, "Monitoring": obj{"State": "disabled"},
			"Placement":      obj{"AvailabilityZone": s.zone, "GroupName": "", "Tenancy": "default"},
			"PrivateDnsName": "ip-" + private + ".ec2.internal", "PrivateIpAddress": private, "ProductCodes": []any{},
			"State": obj{"Code": 16, "Name": "running"}, "StateTransitionReason": "", "SubnetId": s.id, "VpcId": s.vpc,
			"Architecture": "x86_64", "EbsOptimized": true, "EnaSupport": true, "Hypervisor": "xen", "RootDeviceName": "/dev/xvda",
			"RootDeviceType": "ebs", "SecurityGroups": groups, "SourceDestCheck": true, "VirtualizationType": "hvm",
			"BlockDeviceMappings": []any{obj{"DeviceName": "/dev/xvda", "Ebs": obj{"AttachTime": created, "DeleteOnTermination": true,
				"Status": "attached", "VolumeId": "vol-" + id[2:]}}},
			"NetworkInterfaces": []any{eni}, "Tags": []any{obj{"Key": "Name", "Value": fmt.Sprintf("%s-%d", tier, k)}},
			"MetadataOptions": obj{"State": "applied", "HttpTokens": tokens, "HttpPutResponseHopLimit": 1 + k%2,
				"HttpEndpoint": "enabled", "HttpProtocolIpv6": "disabled", "InstanceMetadataTags": "disabled"},
			"CpuOptions": obj{"CoreCount": 1, "ThreadsPerCore": 2}, "PlatformDetails": "Linux/UNIX", "UsageOperation": "RunInstances"}
		if s.public {
			public := fmt.Sprintf("203.0.%d.%d", (k/250)%256, 1+k%250)
			inst["PublicIpAddress"] = public
			eni["Association"] = obj{"IpOwnerId": "amazon", "PublicIp": public}
		}
		if len(profiles) > 0 && k%5 != 4 {
			inst["IamInstanceProfile"] = obj{"Arn": profiles[k%len(profiles)], "Id": fmt.Sprintf("AIPA%016d", k)}
		}
		if k%20 == 0 {
			script := fmt.Sprintf("#!/bin/bash\nexport APP_ENV=prod\n/opt/app/start.sh --tier %s\n", tier)
			userData[id] = obj{"InstanceId": id, "UserData": obj{"Value": base64.StdEncoding.EncodeToString([]byte(script))}}
		}
		reservations = append(reservations, obj{"ReservationId": "r-" + id[2:], "OwnerId": a.id, "Groups": []any{},
			"Instances": []any{inst}})
	}
	return reservations, userData, ids
}

// loadBalancers puts an internet-facing ALB in front of each VPC's web
// tier, forwarding to a target group of up to ten instances.
func (n *network) loadBalancers(a *account, ids []string) map[string]any {
	var lbs, listeners, groups []any
	health := obj{}
	for v, vpc := range n.vpcs {
		base := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:", n.region, a.id)
		lb := base + fmt.Sprintf("loadbalancer/app/web-%d/%016x", v, a.index*100+v)
		tg := base + fmt.Sprintf("targetgroup/web-%d/%016x", v, a.index*100+v)
		var zones []any
		for _, s := range n.subnets {
			if s.vpc == vpc && s.public {
				zones = append(zones, obj{"ZoneName": s.zone, "SubnetId": s.id, "LoadBalancerAddresses": []any{}})
			}
		}
		lbs = append(lbs, obj{"LoadBalancerArn": lb, "DNSName": fmt.Sprintf("web-%d.%s.elb.amazonaws.com", v, n.region),
			"CreatedTime": created, "LoadBalancerName": fmt.Sprintf("web-%d", v), "Scheme": "internet-facing", "VpcId": vpc,
			"State": obj{"Code": "active"}, "Type": "application", "AvailabilityZones": zones,
			"SecurityGroups": []string{"sg-web" + vpc[4:]}, "IpAddressType": "ipv4"})
		listeners = append(listeners, obj{"ListenerArn": base + fmt.Sprintf("listener/app/web-%d/%016x/1", v, a.index*100+v),
			"LoadBalancerArn": lb, "Port": 443, "Protocol": "HTTPS",
			"DefaultActions": []any{obj{"Type": "forward", "TargetGroupArn": tg, "ForwardConfig": obj{"TargetGroups": []any{
				obj{"TargetGroupArn": tg, "Weight": 1}}}}}})
		groups = append(groups, obj{"TargetGroupArn": tg, "TargetGroupName": fmt.Sprintf("web-%d", v), "Protocol": "HTTP",
			"Port": 8080, "VpcId": vpc, "TargetType": "instance", "LoadBalancerArns": []string{lb}})
		var targets []any
		for k := v * 3; k < len(ids) && len(targets) < 10; k += 3 * len(n.vpcs) {
			targets = append(targets, obj{"Target": obj{"Id": ids[k], "Port": 8080}, "HealthCheckPort": "8080",
				"TargetHealth": obj{"State": "healthy"}})
		}
		health[tg] = obj{"TargetHealthDescriptions": targets}
	}
	return map[string]any{
		"elbv2-describe-load-balancers.json": obj{"LoadBalancers": lbs},
		"elbv2-describe-listeners.json":      obj{"Listeners": listeners},
		"elbv2-describe-target-groups.json":  obj{"TargetGroups": groups},
		"elbv2-describe-target-health.json":  health,
	}
}
