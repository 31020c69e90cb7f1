package scenario

import (
	"fmt"
	"github.com/pathfinder-sec/pathfinder/internal/yamlerr"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// Scenario is a loaded scenario file: its name and description, which the
// Estate has no place for, and the Estate itself.
type Scenario struct {
	Name        string
	Description string
	Estate      *ingest.Estate
}

// Load reads a scenario file into an Estate. Errors name the file as path
// was given.
func Load(path string) (*ingest.Estate, error) {
	s, err := Read(path)
	if err != nil {
		return nil, err
	}
	return s.Estate, nil
}

// Read is Load that also returns the scenario's name and description.
func Read(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load scenario: %w", err)
	}
	return Decode(path, data)
}

// Parse decodes a scenario held in memory; name is used in errors.
func Parse(name string, data []byte) (*ingest.Estate, error) {
	s, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	return s.Estate, nil
}

// Decode is Parse that also returns the scenario's name and description.
// The error, if any, is an *Error.
func Decode(name string, data []byte) (*Scenario, error) {
	root, err := parseYAML(name, data)
	if err != nil {
		return nil, err
	}
	d := newDecoder(name)
	s := d.scenario(root)
	for i := 0; i < len(d.later) && d.err == nil; i++ {
		d.later[i]()
	}
	if d.err == nil {
		d.finish()
	}
	if d.err != nil {
		return nil, d.err
	}
	s.Estate = d.ix.estate()
	return s, nil
}

// parseYAML reads the single YAML document of a scenario file.
func parseYAML(name string, data []byte) (*yaml.Node, error) {
	return yamlerr.OneDocument(name, "scenario file", data)
}

// decoder holds what one decode has found so far. Errors are sticky: the
// first one is kept and later reads return zero values, so that the
// readers stay short and the error reported is the first in the file.
type decoder struct {
	file   string
	err    error
	visits int
	// later holds the checks and links that need every object declared.
	later []func()
	ix    *index
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, ix: newIndex()}
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// then runs fn once every object of the file has been declared.
func (d *decoder) then(fn func()) { d.later = append(d.later, fn) }

func (d *decoder) scenario(root *yaml.Node) *Scenario {
	top := value{d: d, line: 1}.at(root, "")
	if top.absent() {
		d.fail(&Error{File: d.file, Line: 1, Msg: "the file is empty"})
		return &Scenario{}
	}
	o := top.object("name", "description", "region", "accounts", "organization")
	s := &Scenario{Name: o.need("name").str(), Description: o.get("description").str()}
	region := o.get("region")
	d.ix.region = regionOr(region, "us-east-1")
	accounts := o.need("accounts")
	accounts.each(d.account)
	if d.err == nil && len(d.ix.accounts) == 0 && !accounts.absent() {
		accounts.failf("a scenario needs at least one account")
	}
	d.organization(o.get("organization"))
	return s
}
