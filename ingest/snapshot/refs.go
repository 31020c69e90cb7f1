package snapshot

import "github.com/pathfinder-sec/pathfinder/ingest"

// checkReferences warns about references to objects the account's
// snapshot does not hold: the graph cannot follow them, and a reader
// should know why a path stops there.
func (c *converter) checkReferences() {
	c.checkInstanceRefs()
	c.checkNetworkRefs()
	c.checkPolicyRefs()
	c.checkRegions()
}

func idSet[T any](list []T, id func(*T) string) map[string]bool {
	set := make(map[string]bool, len(list))
	for i := range list {
		set[id(&list[i])] = true
	}
	return set
}

func (c *converter) checkInstanceRefs() {
	profiles := map[string]bool{}
	for _, r := range c.est.Roles {
		for _, p := range r.InstanceProfiles {
			profiles[p.ARN] = true
		}
	}
	subnets := idSet(c.est.Subnets, func(s *ingest.Subnet) string { return s.ID })
	groups := idSet(c.est.SecurityGroups, func(g *ingest.SecurityGroup) string { return g.ID })
	for _, i := range c.est.Instances {
		if i.InstanceProfile != "" && !profiles[i.InstanceProfile] {
			c.warn("instance %s uses instance profile %s, which no role lists in RoleDetailList[].InstanceProfileList[]: its role is unknown", i.ARN, i.InstanceProfile)
		}
		if i.Subnet != "" && !subnets[i.Subnet] {
			c.warn("instance %s is in subnet %s, which the snapshot does not list", i.ARN, i.Subnet)
		}
		for _, g := range i.SecurityGroups {
			if !groups[g] {
				c.warn("instance %s uses security group %s, which the snapshot does not list", i.ARN, g)
			}
		}
	}
}

func (c *converter) checkNetworkRefs() {
	subnets := idSet(c.est.Subnets, func(s *ingest.Subnet) string { return s.ID })
	for _, t := range c.est.RouteTables {
		for _, s := range t.Subnets {
			if !subnets[s] {
				c.warn("route table %s is associated with subnet %s, which the snapshot does not list", t.ID, s)
			}
		}
	}
	for _, n := range c.est.NetworkACLs {
		for _, s := range n.Subnets {
			if !subnets[s] {
				c.warn("network ACL %s is associated with subnet %s, which the snapshot does not list", n.ID, s)
			}
		}
	}
	groups := idSet(c.est.TargetGroups, func(t *ingest.TargetGroup) string { return t.ARN })
	for _, lb := range c.est.LoadBalancers {
		for _, l := range lb.Listeners {
			for _, tg := range l.TargetGroups {
				if !groups[tg] {
					c.warn("load balancer %s forwards port %d to target group %s, which the snapshot does not list", lb.ARN, l.Port, tg)
				}
			}
		}
	}
}

// checkPolicyRefs warns about customer managed policies that principals
// use but the authorization details do not hold. AWS managed policies are
// left to the catalogue of AWS managed policies.
func (c *converter) checkPolicyRefs() {
	if c.files.authz == nil {
		return
	}
	policies := idSet(c.est.ManagedPolicies, func(p *ingest.ManagedPolicy) string { return p.ARN })
	check := func(principal string, arns []string, boundary string) {
		for _, arn := range append(arns, boundary) {
			if arn != "" && !isAWSManaged(arn) && !policies[arn] {
				c.warn("%s uses policy %s, which the authorization details do not list: its permissions are not analysed", principal, arn)
			}
		}
	}
	for _, u := range c.est.Users {
		check(u.ARN, u.AttachedPolicies, u.PermissionsBoundary)
	}
	for _, g := range c.est.Groups {
		check(g.ARN, g.AttachedPolicies, "")
	}
	for _, r := range c.est.Roles {
		check(r.ARN, r.AttachedPolicies, r.PermissionsBoundary)
	}
}

// checkRegions warns about network objects whose region nothing told.
func (c *converter) checkRegions() {
	unknown := 0
	for _, v := range c.est.VPCs {
		if v.Region == "" {
			unknown++
		}
	}
	for _, g := range c.est.SecurityGroups {
		if g.Region == "" {
			unknown++
		}
	}
	if unknown > 0 {
		c.warn("account %s: the region of %d VPCs and security groups is unknown: put region-scoped files in a <region>/ folder or list one region in manifest.json", c.account, unknown)
	}
}
