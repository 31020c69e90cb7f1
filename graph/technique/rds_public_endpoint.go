package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// RDSPublicEndpoint: a publicly accessible database whose security group
// admits the internet on its port can be logged into from anywhere by
// whoever has (or guesses) a database password.
var RDSPublicEndpoint = &Technique{
	ID:     "rds-public-endpoint",
	Title:  "Database endpoint open to the internet",
	Attack: "T1190",
	Why: "PubliclyAccessible=true gives the DB instance a public address; when its subnet routes to " +
		"an internet gateway, a security group rule admits the internet on the engine's port and the " +
		"network ACL passes it, anyone can attempt to log in: default, weak, reused or leaked " +
		"passwords then read every table.",
	Remediation: "Set PubliclyAccessible=false (aws rds modify-db-instance --no-publicly-accessible) and " +
		"admit the database port only from the application's security group.",
	Cost:        costExploit,
	Permissions: nil,
	Yields:      "a database session, with the privileges of the login used",
	Steps:       []string{"psql -h <endpoint> -p 5432 -U <user> <database>   # or mysql -h <endpoint> -P 3306 -u <user> -p"},
	References:  []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html"},
	Derive:      deriveRDSPublicEndpoint,
}

func deriveRDSPublicEndpoint(env *Env, t *Technique) error {
	for i := range env.Estate.Databases {
		db := &env.Estate.Databases[i]
		if !db.PubliclyAccessible || db.Port == 0 {
			continue
		}
		ep := endpoint{name: db.ID, subnets: db.Subnets, groups: db.SecurityGroups, publicV4: true,
			evidence: []graph.Evidence{{Kind: "rds-instance", Source: db.ARN, Detail: fmt.Sprintf("%s (%s) is PubliclyAccessible on port %d", db.ID, db.Engine, db.Port)}}}
		if ep.groups == nil {
			ep.groups = []string{} // a DB instance always has groups: none recorded admits nothing
		}
		if err := env.emitDatabaseIngress(t, ep, db); err != nil {
			return err
		}
	}
	return nil
}

func (env *Env) emitDatabaseIngress(t *Technique, ep endpoint, db *ingest.Database) error {
	exposures, err := env.internetExposures(ep, []portRange{{db.Port, db.Port}})
	if err != nil || len(exposures) == 0 {
		return err
	}
	var ev []graph.Evidence
	for _, x := range exposures {
		ev = appendUnique(ev, x.evidence...)
	}
	return env.emit(t, graph.Edge{From: graph.InternetID, To: db.ARN, Evidence: ev,
		Preconditions: []string{"a valid database login (a default, weak, reused or leaked password)"},
		Explanation:   fmt.Sprintf("Anyone on the internet can connect to database %s on port %d and try to log in.", db.ID, db.Port),
		Remediation:   fmt.Sprintf("aws rds modify-db-instance --db-instance-identifier %s --no-publicly-accessible; admit port %d only from the application's group.", db.ID, db.Port)})
}
