package scenario

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// starRule is the number AWS gives the final "*" entry of every ACL.
const starRule = 32767

func (d *decoder) networkACL(ctx *vpcCtx, v value) {
	o := v.object("id", "default", "subnets", "ingress", "egress")
	idv := o.need("id")
	acl := &ingest.NetworkACL{ID: idv.awsID("acl-"), VPC: ctx.vpc.ID, Account: ctx.acct.id, Region: ctx.vpc.Region}
	acl.Default = o.get("default").boolean(false)
	numbers := map[string]int{}
	o.get("ingress").each(func(e value) { acl.Entries = append(acl.Entries, aclEntry(e, false, numbers)) })
	o.get("egress").each(func(e value) { acl.Entries = append(acl.Entries, aclEntry(e, true, numbers)) })
	if !d.declare(idv, "network ACL id", acl.ID) {
		return
	}
	d.ix.nacls[acl.ID] = acl
	if acl.Default {
		if other, dup := d.ix.defaultACLs[acl.VPC]; dup {
			o.get("default").failf("%s already has a default network ACL, %s", acl.VPC, other)
			return
		}
		d.ix.defaultACLs[acl.VPC] = acl.ID
	}
	for _, s := range o.get("subnets").items() {
		d.associateACL(s, s.awsID("subnet-"), acl)
	}
}

// aclEntry reads one numbered entry. numbers holds the rule numbers used
// so far in each direction, for the duplicate check.
func aclEntry(v value, egress bool, numbers map[string]int) ingest.ACLEntry {
	o := v.object("rule", "action", "protocol", "port", "ports", "cidr")
	e := ingest.ACLEntry{Egress: egress}
	rule := o.need("rule")
	if rule.str() == "*" {
		e.RuleNumber = starRule
	} else if e.RuleNumber = rule.integer(0); !rule.absent() && (e.RuleNumber < 1 || e.RuleNumber > 32766) {
		rule.failf("rule number %d is out of range 1-32766 (or *)", e.RuleNumber)
	}
	key := fmt.Sprint(egress, e.RuleNumber)
	if line, dup := numbers[key]; dup && !rule.absent() {
		rule.failf("duplicate rule number %s (first used on line %d)", rule.str(), line)
	}
	numbers[key] = rule.line
	e.Allow = o.need("action").oneOf("deny", "allow", "deny") == "allow"
	if e.RuleNumber == starRule && e.Allow {
		o.get("action").failf("rule * always denies")
	}
	if p, ok := o.need("protocol").protocol(); ok {
		e.Protocol = p.number
		e.FromPort, e.ToPort = o.portRange(p)
	}
	if c, ok := o.need("cidr").cidr(); ok {
		e.CIDR = c.String()
	}
	return e
}

// associateACL records a subnet's explicit ACL; a subnet has exactly one.
func (d *decoder) associateACL(v value, subnet string, acl *ingest.NetworkACL) {
	if subnet == "" {
		return
	}
	if prev, ok := d.ix.aclOf[subnet]; ok {
		v.failf("subnet %s is already associated with network ACL %s (line %d)", subnet, prev.id, prev.line)
		return
	}
	d.ix.aclOf[subnet] = association{id: acl.ID, line: v.line}
	acl.Subnets = append(acl.Subnets, subnet)
	d.then(func() { d.sameVPC(v, subnet, acl.VPC) })
}
