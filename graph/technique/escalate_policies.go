package technique

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// attachment is a customer managed policy that shapes a principal's
// permissions, and how: attached to it, to one of its groups, or as its
// permissions boundary.
type attachment struct {
	policy *ingest.ManagedPolicy
	via    string
}

// managedOf lists the customer managed policies of a principal that the
// estate holds, in the order IAM applies them, each once. AWS managed
// policies are left out: no customer can change them.
func (env *Env) managedOf(arn string) []attachment {
	var out []attachment
	seen := map[string]bool{}
	add := func(policies []string, via string) {
		for _, p := range policies {
			mp, ok := env.ix.policies[p]
			if !ok || seen[p] || isAWSManaged(p) {
				continue
			}
			seen[p] = true
			out = append(out, attachment{policy: mp, via: via})
		}
	}
	if u, ok := env.ix.users[arn]; ok {
		add(u.AttachedPolicies, "attached to "+u.Name)
		for _, g := range u.Groups {
			if group, ok := env.ix.iamGroups[g]; ok {
				add(group.AttachedPolicies, "attached to its group "+group.Name)
			}
		}
		add([]string{u.PermissionsBoundary}, "its permissions boundary")
	} else if r, ok := env.ix.roles[arn]; ok {
		add(r.AttachedPolicies, "attached to "+r.Name)
		add([]string{r.PermissionsBoundary}, "its permissions boundary")
	}
	return out
}

func isAWSManaged(arn string) bool { return strings.HasPrefix(arn, "arn:aws:iam::aws:policy/") }

// administratorAccess is the AWS managed policy that grants everything;
// it exists in every account, so an attacker can always attach it.
const administratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"

// grantPolicy is a managed policy an attacker could attach to make a
// principal admin.
type grantPolicy struct {
	arn  string
	name string
	doc  *iam.Policy
}

// adminGrants lists the managed policies worth attaching: AWS's
// AdministratorAccess first, then customer managed policies of the estate
// that could grant every admin probe (the check only narrows: the engine
// decides whether the result is admin).
func (env *Env) adminGrants() []grantPolicy {
	out := []grantPolicy{{arn: administratorAccess, name: "AdministratorAccess", doc: env.administratorAccessDoc()}}
	for i := range env.Estate.ManagedPolicies {
		mp := &env.Estate.ManagedPolicies[i]
		doc := mp.Document()
		if mp.ARN == administratorAccess || doc == nil || !mayGrantEverything(doc) {
			continue
		}
		out = append(out, grantPolicy{arn: mp.ARN, name: mp.Name, doc: doc})
	}
	return out
}

func (env *Env) administratorAccessDoc() *iam.Policy {
	if mp, ok := env.ix.policies[administratorAccess]; ok && mp.Document() != nil {
		return mp.Document()
	}
	if e, ok := awsmanaged.Lookup(administratorAccess); ok && e.Document != nil {
		return e.Document
	}
	return adminDocument
}

func mayGrantEverything(doc *iam.Policy) bool {
	for _, probe := range adminProbes {
		if !doc.MayAllow(probe) {
			return false
		}
	}
	return true
}

// groupPolicies are the policies a user gains by joining a group.
func (env *Env) groupPolicies(g *ingest.Group) []iam.Attached {
	return env.authz.attachedPolicies(g.ARN, g.InlinePolicies, g.AttachedPolicies)
}
