package snapshot

import (
	"strconv"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// joinRegionFiles attaches what per-item files say about objects listed
// elsewhere: listeners to load balancers, target health to target groups,
// resource policies to functions, interfaces and user data to instances.
// Ids are unique within an account, so a join spans all its region sets.
func (c *converter) joinRegionFiles() {
	instances := instancesByID(c.est.Instances)
	c.joinInterfaces(instances)
	c.joinUserData(instances)
	c.joinListeners()
	c.joinTargetHealth()
	c.joinFunctionPolicies()
}

func (c *converter) joinListeners() {
	byARN := make(map[string]*ingest.LoadBalancer, len(c.est.LoadBalancers))
	for i := range c.est.LoadBalancers {
		byARN[c.est.LoadBalancers[i].ARN] = &c.est.LoadBalancers[i]
	}
	for _, r := range c.files.regions {
		if r.listeners == nil {
			continue
		}
		for _, l := range r.listeners.Listeners {
			lb, ok := byARN[l.LoadBalancerArn]
			if !ok {
				c.warn("listener %s belongs to load balancer %s, which the snapshot does not list", firstNonEmpty(l.ListenerArn, "on port "+strconv.Itoa(l.Port)), l.LoadBalancerArn)
				continue
			}
			lb.Listeners = append(lb.Listeners, ingest.Listener{
				ARN: l.ListenerArn, Protocol: l.Protocol, Port: l.Port, TargetGroups: forwardTargets(l.DefaultActions),
			})
		}
	}
}

func (c *converter) joinTargetHealth() {
	byARN := make(map[string]*ingest.TargetGroup, len(c.est.TargetGroups))
	for i := range c.est.TargetGroups {
		byARN[c.est.TargetGroups[i].ARN] = &c.est.TargetGroups[i]
	}
	for _, r := range c.files.regions {
		for _, arn := range sortedKeys(r.targetHealth) {
			tg, ok := byARN[arn]
			if !ok {
				c.warn("target health is filed for target group %s, which the snapshot does not list", arn)
				continue
			}
			for _, d := range r.targetHealth[arn].TargetHealthDescriptions {
				t := ingest.Target{ID: d.Target.Id, Port: d.Target.Port}
				if d.TargetHealth != nil {
					t.Health = d.TargetHealth.State
				}
				tg.Targets = append(tg.Targets, t)
			}
		}
	}
}
