// Package catalog defines the records of the built-in AWS managed policy
// catalogue and moves them between their three forms: one reviewable JSON
// file per policy under a source directory, the gzip'd JSON array that the
// awsmanaged package embeds, and the AWS outputs they are imported from
// (get-account-authorization-details and get-policy-version).
//
// It is internal so that the generator and the awsmanaged package share
// one definition of the format while library users see only awsmanaged.
package catalog
