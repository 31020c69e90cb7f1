package technique

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// index looks up estate objects by the references other objects hold.
type index struct {
	vpcs         map[string]*ingest.VPC
	subnets      map[string]*ingest.Subnet
	groups       map[string]*ingest.SecurityGroup
	instances    map[string]*ingest.Instance // by id
	targetGroups map[string]*ingest.TargetGroup
	users        map[string]*ingest.User
	iamGroups    map[string]*ingest.Group
	roles        map[string]*ingest.Role
	roleByProf   map[string]*ingest.Role // instance profile ARN → role
	policies     map[string]*ingest.ManagedPolicy
	keys         map[string]*ingest.KMSKey // by ARN, id, alias name and alias ARN
	accounts     map[string]*ingest.Account
	routeTables  []ingest.RouteTable
	nacls        []ingest.NetworkACL
	igws         []ingest.InternetGateway
}

func newIndex(e *ingest.Estate) *index {
	ix := &index{
		vpcs: map[string]*ingest.VPC{}, subnets: map[string]*ingest.Subnet{},
		groups: map[string]*ingest.SecurityGroup{}, instances: map[string]*ingest.Instance{},
		targetGroups: map[string]*ingest.TargetGroup{}, users: map[string]*ingest.User{},
		iamGroups: map[string]*ingest.Group{}, roles: map[string]*ingest.Role{},
		roleByProf: map[string]*ingest.Role{}, policies: map[string]*ingest.ManagedPolicy{},
		keys: map[string]*ingest.KMSKey{}, accounts: map[string]*ingest.Account{},
		routeTables: e.RouteTables, nacls: e.NetworkACLs, igws: e.InternetGateways,
	}
	ix.addNetwork(e)
	ix.addIdentity(e)
	for i := range e.KMSKeys {
		ix.addKey(&e.KMSKeys[i])
	}
	for i := range e.Accounts {
		ix.accounts[e.Accounts[i].ID] = &e.Accounts[i]
	}
	return ix
}

func (ix *index) addNetwork(e *ingest.Estate) {
	for i := range e.VPCs {
		ix.vpcs[e.VPCs[i].ID] = &e.VPCs[i]
	}
	for i := range e.Subnets {
		ix.subnets[e.Subnets[i].ID] = &e.Subnets[i]
	}
	for i := range e.SecurityGroups {
		ix.groups[e.SecurityGroups[i].ID] = &e.SecurityGroups[i]
	}
	for i := range e.Instances {
		ix.instances[e.Instances[i].ID] = &e.Instances[i]
	}
	for i := range e.TargetGroups {
		ix.targetGroups[e.TargetGroups[i].ARN] = &e.TargetGroups[i]
	}
}

func (ix *index) addIdentity(e *ingest.Estate) {
	for i := range e.Users {
		ix.users[e.Users[i].ARN] = &e.Users[i]
	}
	for i := range e.Groups {
		ix.iamGroups[e.Groups[i].ARN] = &e.Groups[i]
	}
	for i := range e.Roles {
		r := &e.Roles[i]
		ix.roles[r.ARN] = r
		for _, p := range r.InstanceProfiles {
			ix.roleByProf[p.ARN] = r
		}
	}
	for i := range e.ManagedPolicies {
		ix.policies[e.ManagedPolicies[i].ARN] = &e.ManagedPolicies[i]
	}
}

func (ix *index) addKey(k *ingest.KMSKey) {
	ix.keys[k.ARN] = k
	ix.keys[k.ID] = k
	for _, alias := range k.Aliases {
		name := alias
		if !strings.HasPrefix(name, "alias/") {
			name = "alias/" + name
		}
		ix.keys[name] = k
		ix.keys["arn:aws:kms:"+k.Region+":"+k.Account+":"+name] = k
	}
}

// key resolves a key reference as buckets and secrets hold them: an ARN, a
// key id, an alias name or an alias ARN.
func (ix *index) key(ref string) (*ingest.KMSKey, bool) {
	k, ok := ix.keys[ref]
	return k, ok
}

// routeTable returns the table a subnet uses: its explicit association, or
// its VPC's main table.
func (ix *index) routeTable(subnet *ingest.Subnet) *ingest.RouteTable {
	var main *ingest.RouteTable
	for i := range ix.routeTables {
		rt := &ix.routeTables[i]
		for _, s := range rt.Subnets {
			if s == subnet.ID {
				return rt
			}
		}
		if rt.VPC == subnet.VPC && rt.Main {
			main = rt
		}
	}
	return main
}

// nacl returns the network ACL of a subnet: its association, or the VPC's
// default ACL; nil when the estate holds none (then nothing is filtered,
// and the caller says so in the evidence).
func (ix *index) nacl(subnet *ingest.Subnet) *ingest.NetworkACL {
	var def *ingest.NetworkACL
	for i := range ix.nacls {
		acl := &ix.nacls[i]
		for _, s := range acl.Subnets {
			if s == subnet.ID {
				return acl
			}
		}
		if acl.VPC == subnet.VPC && acl.Default {
			def = acl
		}
	}
	return def
}

// igwAttached reports whether an internet gateway is attached to a VPC.
func (ix *index) igwAttached(igw, vpc string) bool {
	for _, g := range ix.igws {
		if g.ID == igw {
			for _, v := range g.VPCs {
				if v == vpc {
					return true
				}
			}
		}
	}
	return false
}
