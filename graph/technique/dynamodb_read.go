package technique

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/iam"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// DynamoDBRead: a principal allowed to scan, query or get items of a table
// reads its data.
var DynamoDBRead = &Technique{
	ID:     "dynamodb-read",
	Title:  "Read a DynamoDB table",
	Attack: "T1530",
	Why: "dynamodb:Scan (or Query, GetItem, BatchGetItem) returns a table's items to any principal " +
		"the identity and table policies allow. With a customer managed key DynamoDB decrypts on the " +
		"caller's behalf, so the caller also needs kms:Decrypt on that key.",
	Remediation: "Scope DynamoDB read actions to the tables (and leading keys) each principal needs; " +
		"deny them in the table's resource policy for everyone else.",
	Cost:        costCredential,
	Permissions: []string{"dynamodb:Scan | dynamodb:Query | dynamodb:GetItem | dynamodb:BatchGetItem", "kms:Decrypt (customer managed key)"},
	Yields:      "the table's items",
	Steps:       []string{"aws dynamodb scan --table-name <name>"},
	References:  []string{"https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html"},
	Derive:      deriveDynamoDBRead,
}

// tableReads are the actions that return a table's items, most sweeping
// first: the answer cites the first one allowed.
var tableReads = []string{"dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem"}

func deriveDynamoDBRead(env *Env, t *Technique) error {
	for i := range env.Estate.Tables {
		tbl := &env.Estate.Tables[i]
		side := resourceSide{name: tbl.ARN + " resource policy", policy: tbl.Policy, owner: tbl.Account, tags: tbl.Tags}
		for _, reader := range env.authz.candidatesOn(tableReads, tbl.ARN, tbl.Account, tbl.Policy) {
			if err := env.readTable(t, reader, tbl, side); err != nil {
				return err
			}
		}
	}
	return nil
}

func (env *Env) readTable(t *Technique, reader string, tbl *ingest.Table, side resourceSide) error {
	d, err := env.decideAny(reader, tableReads, tbl.ARN, side)
	if err != nil || d.Outcome == iam.Denied {
		return err
	}
	edge := graph.Edge{From: reader, To: tbl.ARN, Technique: t.ID, Evidence: env.authz.policyEvidence(d), Conditions: d.Conditions,
		Explanation: fmt.Sprintf("%s reads the items of table %s.", nameOf(reader), tbl.Name),
		Remediation: fmt.Sprintf("Remove DynamoDB read actions on %s from %s's policies, or deny them in the table's resource policy.", tbl.Name, nameOf(reader))}
	if tbl.KMSKey != "" {
		ok, err := env.twoKeys(&edge, reader, encryptedBy{keyRef: tbl.KMSKey, service: "dynamodb", region: tbl.Region, owner: tbl.Account,
			what: "table " + tbl.Name, context: map[string][]string{"kms:EncryptionContext:aws:dynamodb:tableName": {tbl.Name}}})
		if err != nil || !ok {
			return err
		}
	}
	if edge.Conditional() {
		edge.Explanation += " It works " + conditionNote(edge.Conditions) + "."
	}
	return env.emit(t, edge)
}
