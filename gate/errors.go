package gate

import "github.com/pathfinder-sec/pathfinder/internal/yamlerr"

// PolicyError is a problem at one place of a policy file: file, line, the
// path of the field as written (rules[1].deny.max_hops) and what is wrong.
type PolicyError = yamlerr.Error
