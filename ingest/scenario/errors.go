package scenario

import "github.com/pathfinder-sec/pathfinder/internal/yamlerr"

// Error is a problem at one place in a scenario file: file, line, the path
// of the field as written (accounts[0].vpcs[0].subnets[1].cidr) and what is
// wrong.
type Error = yamlerr.Error
