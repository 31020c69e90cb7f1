// Package collect reads a live AWS estate through aws-sdk-go-v2 and writes it
// as an offline snapshot directory: exactly the files, in exactly the shapes,
// that ingest/snapshot loads and that docs/snapshot.md lists, so that
// collecting and then loading gives what running the AWS CLI by hand gives.
//
// Run plans the accounts (the caller's, roles named by ARN, or every account
// of the organisation through one role name), the regions and the services,
// then collects (account, region, service) tasks with bounded concurrency.
// Every call goes through the SDK's paginators and its adaptive retryer.
// A call that AWS refuses (access denied, a region not enabled, an SCP) is
// recorded in the account's manifest.json as not collected, and collection
// goes on. Each file is written under a temporary dot-name and renamed;
// manifest.json is written last, so a directory without one is incomplete.
//
// The SDK's output structures carry the API model's member names, so an
// encoder walks them by reflection and prints what the CLI prints: ISO 8601
// timestamps, absent members left out, IAM policy documents URL-decoded.
//
// Only this package (and its test server, awsfake) links the AWS SDK.
package collect
