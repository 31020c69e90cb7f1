// Package synth writes synthetic multi-account snapshots, in the shapes
// the AWS CLI prints, for scale tests of the snapshot loader and of
// everything downstream of it. The output is a deterministic function of
// Options: the same seed gives the same bytes.
package synth
