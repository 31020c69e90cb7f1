package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// RDSIAMAuth: with IAM database authentication enabled, rds-db:connect on
// a database user is a password: the principal generates a login token.
var RDSIAMAuth = &Technique{
	ID:     "rds-iam-auth",
	Title:  "Log into a database with IAM authentication",
	Attack: "T1078.004",
	Why: "When IAM database authentication is enabled, rds-db:connect on " +
		"arn:aws:rds-db:<region>:<account>:dbuser:<resource-id>/<db user> lets a principal generate " +
		"a 15-minute authentication token that the database accepts as that user's password; no " +
		"database password is needed.",
	Remediation: "Scope rds-db:connect to the exact database users each principal needs, or disable IAM " +
		"database authentication where it is not used.",
	Cost:        costCredential,
	Permissions: []string{"rds-db:connect"},
	Yields:      "a database session as the IAM-enabled database user",
	Steps: []string{
		"aws rds generate-db-auth-token --hostname <endpoint> --port <port> --username <db user>",
		"PGPASSWORD=<token> psql \"host=<endpoint> port=<port> user=<db user> sslmode=require\"",
	},
	References: []string{"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html"},
	Derive:     deriveRDSIAMAuth,
}

func deriveRDSIAMAuth(env *Env, t *Technique) error {
	for i := range env.Estate.Databases {
		db := &env.Estate.Databases[i]
		if !db.IAMAuth || db.ResourceID == "" {
			continue
		}
		// Any database user: the pattern asks whether some dbuser of this
		// instance may be connected to.
		dbUsers := fmt.Sprintf("arn:aws:rds-db:%s:%s:dbuser:%s/*", db.Region, db.Account, db.ResourceID)
		side := resourceSide{owner: db.Account, pattern: true, tags: db.Tags}
		for _, p := range env.authz.candidatesOn([]string{"rds-db:connect"}, "arn:aws:rds-db:"+db.Region+":"+db.Account+":dbuser:"+db.ResourceID+"/", db.Account, nil) {
			if err := env.connectDatabase(t, p, db, dbUsers, side); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) connectDatabase(t *Technique, p string, db *ingest.Database, dbUsers string, side resourceSide) error {
	d, err := env.authz.decide(p, "rds-db:connect", dbUsers, side)
	if err != nil || d.Outcome == iam.Denied {
		return err
	}
	ev := append(env.authz.policyEvidence(d), graph.Evidence{Kind: "rds-instance", Source: db.ARN,
		Detail: fmt.Sprintf("%s has IAM database authentication enabled (resource id %s)", db.ID, db.ResourceID)})
	explanation := fmt.Sprintf("%s generates an IAM authentication token and logs into database %s.", nameOf(p), db.ID)
	if d.Outcome == iam.Conditional {
		explanation += " It works " + conditionNote(d.Conditions) + "."
	}
	return env.emit(t, graph.Edge{From: p, To: db.ARN, Evidence: ev, Conditions: d.Conditions, Explanation: explanation,
		Preconditions: []string{fmt.Sprintf("a network path to the endpoint of %s on port %d", db.ID, db.Port)},
		Remediation:   fmt.Sprintf("Remove rds-db:connect on %s from %s's policies, or scope it to the database users it needs.", dbUsers, nameOf(p))})
}
