package snapshot

import "sort"

// setRegion is the region of a set of region-scoped files: its folder;
// else the manifest's only region; else the one region its objects name
// through ARNs and availability zones. Empty when none of these tells.
func (c *converter) setRegion(r *regionFiles) string {
	if r.folder != "" {
		return r.folder
	}
	if m := c.files.manifest; m != nil && len(m.Regions) == 1 {
		return string(m.Regions[0])
	}
	named := r.regionsNamed()
	if len(named) == 1 {
		return named[0]
	}
	return ""
}

// regionsNamed lists the regions that a set's objects carry themselves.
func (r *regionFiles) regionsNamed() []string {
	set := map[string]bool{}
	add := func(region string) {
		if region != "" {
			set[region] = true
		}
	}
	if r.subnets != nil {
		for _, s := range r.subnets.Subnets {
			add(firstNonEmpty(arnRegion(s.SubnetArn), zoneRegion(s.AvailabilityZone)))
		}
	}
	if r.instances != nil {
		for _, res := range r.instances.Reservations {
			for _, i := range res.Instances {
				add(zoneRegion(i.Placement.AvailabilityZone))
			}
		}
	}
	if r.loadBalancers != nil {
		for _, lb := range r.loadBalancers.LoadBalancers {
			add(arnRegion(lb.LoadBalancerArn))
		}
	}
	if r.functions != nil {
		for _, f := range r.functions.Functions {
			add(arnRegion(f.FunctionArn))
		}
	}
	out := make([]string, 0, len(set))
	for region := range set {
		out = append(out, region)
	}
	sort.Strings(out)
	return out
}

// owner is the account an object names as its owner, else the directory's.
func (c *converter) owner(ownerID string) string {
	return firstNonEmpty(ownerID, c.account)
}

// vpcRegion is the region of objects that only name their VPC: the set's
// region, else the region of the VPC's subnets.
func (rc *regionConverter) vpcRegion(vpcID string) string {
	if rc.region != "" || vpcID == "" {
		return rc.region
	}
	for _, s := range rc.est.Subnets {
		if s.VPC == vpcID && s.Region != "" {
			return s.Region
		}
	}
	return ""
}
