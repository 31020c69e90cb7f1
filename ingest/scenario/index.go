package scenario

import "github.com/pathfinder-sec/pathfinder/ingest"

// index holds every object declared so far, by the key a scenario uses to
// refer to it: a network object by its id, an IAM object by account and
// name, a regional object by account, region and name. It is also the
// storage the Estate is assembled from.
type index struct {
	region string         // the scenario's default region
	seen   map[string]int // kind and key -> line first declared

	accounts    map[string]*ingest.Account
	vpcs        map[string]*ingest.VPC
	subnets     map[string]*ingest.Subnet
	routeTables map[string]*ingest.RouteTable
	igws        map[string]*ingest.InternetGateway
	nats        map[string]*ingest.NATGateway
	sgs         map[string]*ingest.SecurityGroup
	nacls       map[string]*ingest.NetworkACL
	instances   map[string]*ingest.Instance
	lbs         map[string]*ingest.LoadBalancer // by account/name
	tgs         map[string]*ingest.TargetGroup  // by ARN
	functions   map[string]*ingest.Function     // by ARN
	users       map[string]*ingest.User         // by account/name
	groups      map[string]*ingest.Group
	roles       map[string]*ingest.Role
	policies    map[string]*ingest.ManagedPolicy // customer managed, by account/name
	profiles    map[string]string                // account/name -> profile ARN
	keys        map[string]*ingest.KMSKey        // by ARN
	aliases     map[string]*ingest.KMSKey        // by account/region/alias
	buckets     map[string]*ingest.Bucket        // by name
	secrets     map[string]*ingest.Secret        // by ARN
	databases   map[string]*ingest.Database      // by ARN
	tables      map[string]*ingest.Table         // by ARN
	accessKeys  map[string]*ingest.AccessKey     // by id
	org         *ingest.Organization

	// mainTables and defaultACLs name the main route table and the default
	// network ACL of each VPC that declares one.
	mainTables  map[string]string
	defaultACLs map[string]string
	// tableOf and aclOf record each subnet's explicit associations.
	tableOf map[string]association
	aclOf   map[string]association
}

type association struct {
	id   string
	line int
}

func newIndex() *index {
	return &index{
		seen: map[string]int{}, accounts: map[string]*ingest.Account{},
		vpcs: map[string]*ingest.VPC{}, subnets: map[string]*ingest.Subnet{},
		routeTables: map[string]*ingest.RouteTable{}, igws: map[string]*ingest.InternetGateway{},
		nats: map[string]*ingest.NATGateway{}, sgs: map[string]*ingest.SecurityGroup{},
		nacls: map[string]*ingest.NetworkACL{}, instances: map[string]*ingest.Instance{},
		lbs: map[string]*ingest.LoadBalancer{}, tgs: map[string]*ingest.TargetGroup{},
		functions: map[string]*ingest.Function{}, users: map[string]*ingest.User{},
		groups: map[string]*ingest.Group{}, roles: map[string]*ingest.Role{},
		policies: map[string]*ingest.ManagedPolicy{}, profiles: map[string]string{},
		keys: map[string]*ingest.KMSKey{}, aliases: map[string]*ingest.KMSKey{},
		buckets: map[string]*ingest.Bucket{}, secrets: map[string]*ingest.Secret{},
		databases: map[string]*ingest.Database{}, tables: map[string]*ingest.Table{},
		accessKeys: map[string]*ingest.AccessKey{},
		mainTables: map[string]string{}, defaultACLs: map[string]string{},
		tableOf: map[string]association{}, aclOf: map[string]association{},
	}
}

// declare records that v defines the object kind/key, failing on a
// duplicate. It reports whether the object is new.
func (d *decoder) declare(v value, kind, key string) bool {
	if d.err != nil || key == "" {
		return false
	}
	k := kind + "\x00" + key
	if line, dup := d.ix.seen[k]; dup {
		v.failf("duplicate %s %q (first defined on line %d)", kind, key, line)
		return false
	}
	d.ix.seen[k] = v.line
	return true
}

// scoped joins the parts of an index key.
func scoped(parts ...string) string {
	key := ""
	for i, p := range parts {
		if i > 0 {
			key += "/"
		}
		key += p
	}
	return key
}

// lookup finds an object by key, failing with "unknown <kind>" if absent.
func lookup[T any](v value, m map[string]*T, key, kind, shown string) *T {
	obj, ok := m[key]
	if !ok {
		v.failf("unknown %s %q", kind, shown)
	}
	return obj
}
