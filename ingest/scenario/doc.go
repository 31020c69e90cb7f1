// Package scenario loads hand-written scenario files: short YAML
// descriptions of an AWS estate, written for architecture reviews and
// tests, into an ingest.Estate.
//
// A scenario names objects by the short ids a person uses (a role by its
// name within its account, a security group by its sg- id, a key by its
// alias) and the loader builds the ARNs AWS would give them. It fills in
// what AWS itself creates implicitly: the local route of every route table,
// a VPC's main route table and default network ACL, the rule "*" deny
// entries of every ACL, an egress-all rule for security groups that do not
// list egress, the default key policy of a KMS key, IMDS defaults, and the
// FullAWSAccess SCP of an organisation. docs/scenarios.md is the format
// reference.
//
// Every problem in a file is reported as one error of the form
//
//	capital-one.yaml:17: accounts[0].instances[0].security_groups[1]: unknown security group "sg-0nope"
//
// (see Error); loading never panics on bad input.
package scenario
