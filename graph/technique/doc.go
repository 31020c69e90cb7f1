// Package technique holds pathfinder's attack techniques and Build, which
// turns an ingest.Estate into a frozen attack graph by running them.
//
// Each technique is a plain value in a file of its own: its ID (as
// SNAPSHOT.md §3 fixes them), title, MITRE ATT&CK id, why it works, the
// remediation that cuts it, its cost, and a derive function that emits
// edges with the evidence that makes them true. All lists them in a fixed
// order; there is no registration by init().
//
// Permission decisions come from package iam, through an authorizer that
// assembles each request's policy set (identity, group, boundary, resource,
// SCP and RCP policies) from the estate.
package technique
