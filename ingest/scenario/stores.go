package scenario

import (
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

func (d *decoder) secret(acct *acctCtx, v value) {
	o := v.object("name", "region", "kms_key", "policy", "tags")
	namev := o.need("name")
	s := &ingest.Secret{
		Name: namev.name(secretNames), Account: acct.id, Region: regionOr(o.get("region"), acct.region),
		Policy: o.get("policy").document(), Tags: o.get("tags").strMap(),
	}
	// AWS appends six random characters to a secret's name in its ARN.
	suffix := stableAlnum(6, false, s.Account, s.Region, s.Name)
	s.ARN = regionalARN("secretsmanager", s.Region, s.Account, "secret:"+s.Name+"-"+suffix)
	if !d.declare(namev, "secret", scoped(s.Account, s.Region, s.Name)) {
		return
	}
	d.ix.secrets[s.ARN] = s
	key := o.get("kms_key")
	d.then(func() { s.KMSKey = d.keyRef(acct, s.Region, key) })
}

// enginePorts are the default ports of RDS engines, by engine name prefix.
var enginePorts = []struct {
	prefix string
	port   int
}{
	{"aurora-postgresql", 5432}, {"postgres", 5432}, {"aurora", 3306}, {"mysql", 3306},
	{"mariadb", 3306}, {"oracle", 1521}, {"sqlserver", 1433}, {"db2", 50000},
}

func (d *decoder) database(acct *acctCtx, v value) {
	o := v.object("id", "region", "engine", "port", "publicly_accessible", "iam_auth", "resource_id",
		"subnets", "security_groups", "kms_key", "tags")
	idv := o.need("id")
	db := &ingest.Database{
		ID: strings.ToLower(idv.name(dbNames)), Account: acct.id, Region: regionOr(o.get("region"), acct.region),
		Engine: o.get("engine").str(), PubliclyAccessible: o.get("publicly_accessible").boolean(false),
		IAMAuth: o.get("iam_auth").boolean(false), ResourceID: o.get("resource_id").str(),
		Tags: o.get("tags").strMap(),
	}
	db.ARN = regionalARN("rds", db.Region, db.Account, "db:"+db.ID)
	port := o.get("port")
	db.Port = checkPort(port, port.integer(defaultPort(db.Engine)))
	if db.ResourceID == "" {
		db.ResourceID = "db-" + stableAlnum(26, true, db.ARN)
	}
	subnets, groups := o.get("subnets").items(), o.get("security_groups").items()
	for _, s := range subnets {
		db.Subnets = append(db.Subnets, s.awsID("subnet-"))
	}
	for _, g := range groups {
		db.SecurityGroups = append(db.SecurityGroups, g.awsID("sg-"))
	}
	if !d.declare(idv, "DB instance", db.ARN) {
		return
	}
	d.ix.databases[db.ARN] = db
	key := o.get("kms_key")
	d.then(func() {
		d.placeDatabase(db, subnets, groups)
		db.KMSKey = d.keyRef(acct, db.Region, key)
	})
}

func defaultPort(engine string) int {
	for _, e := range enginePorts {
		if strings.HasPrefix(engine, e.prefix) {
			return e.port
		}
	}
	return 0
}

// placeDatabase checks that a database's subnets share one VPC in its
// region and that its groups are in that VPC.
func (d *decoder) placeDatabase(db *ingest.Database, subnets, groups []value) {
	for _, sv := range subnets {
		s := lookup(sv, d.ix.subnets, sv.str(), "subnet", sv.str())
		switch {
		case s == nil:
			return
		case s.Region != db.Region:
			sv.failf("subnet %s is in %s, the database in %s", s.ID, s.Region, db.Region)
		case db.VPC != "" && s.VPC != db.VPC:
			sv.failf("subnet %s is in %s, but the database's first subnet is in %s", s.ID, s.VPC, db.VPC)
		}
		db.VPC = s.VPC
	}
	if len(groups) > 0 && db.VPC == "" {
		groups[0].failf("security groups need the database's subnets")
		return
	}
	d.groupsInVPC(groups, db.VPC)
}

func (d *decoder) table(acct *acctCtx, v value) {
	o := v.object("name", "region", "kms_key", "policy", "tags")
	namev := o.need("name")
	t := &ingest.Table{
		Name: namev.name(tableNames), Account: acct.id, Region: regionOr(o.get("region"), acct.region),
		Policy: o.get("policy").document(), Tags: o.get("tags").strMap(),
	}
	t.ARN = regionalARN("dynamodb", t.Region, t.Account, "table/"+t.Name)
	if !d.declare(namev, "table", t.ARN) {
		return
	}
	d.ix.tables[t.ARN] = t
	key := o.get("kms_key")
	d.then(func() { t.KMSKey = d.keyRef(acct, t.Region, key) })
}
