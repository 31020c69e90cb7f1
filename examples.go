// Package pathfinder embeds the example estate that `pathfinder demo`
// analyses: the Capital One replica of testdata/scenarios, so the demo
// needs neither files on disk nor an AWS account.
package pathfinder

import _ "embed"

// CapitalOneName is the file name the embedded scenario is reported under.
const CapitalOneName = "capital-one.yaml"

// CapitalOne is testdata/scenarios/capital-one.yaml.
//
//go:embed testdata/scenarios/capital-one.yaml
var CapitalOne []byte
