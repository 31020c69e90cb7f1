// Package iam implements the AWS IAM policy language: parsing policy documents
// (where every element may be a single value or a list), IAM wildcard matching,
// condition operators, and the documented AWS policy evaluation logic.
//
// The package knows nothing about graphs or AWS APIs: it decides one request
// against the policies that take part in it. When a condition depends on a
// context key whose value is unknown at analysis time, the decision is
// Conditional and carries that condition instead of guessing.
package iam
