// Package yamlerr reports problems in hand-written YAML files (scenarios,
// CI policies) the way an editor shows them: file, line, the path of the
// field as written, and what is wrong, with a suggestion for a mistyped key.
package yamlerr
