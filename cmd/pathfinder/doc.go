// Command pathfinder finds attack paths in AWS estates.
//
// It loads an estate (a scenario YAML file, an offline snapshot directory of
// AWS CLI JSON, or several of them), builds the attack graph, and answers
// path queries as text, JSON, DOT or SVG. Run `pathfinder help` for the
// sub-commands. Answers go to stdout, diagnostics to stderr; exit status 0
// means success, 2 bad input or usage.
package main
