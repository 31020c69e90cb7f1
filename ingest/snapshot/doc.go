// Package snapshot loads an offline AWS snapshot: a directory of JSON files,
// each exactly what AWS CLI v2 prints for one call (all pages merged), into
// an ingest.Estate. The files, their shapes and the commands that produce
// them are described in docs/snapshot.md; design/SNAPSHOT.md §1 is the
// contract.
//
// One directory holds one account. Region-scoped files may sit at the top of
// the account directory or in `<region>/` folders. A directory whose
// sub-directories are account snapshots loads as one merged Estate.
//
// Bad input is never skipped: a malformed file, a value of the wrong type, an
// unknown file name or an unknown top-level key is an *Error naming the file
// and the JSON path of the offending value. Fields AWS adds over time inside
// objects are accepted.
package snapshot
