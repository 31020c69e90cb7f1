package gate

import (
	"fmt"
	"regexp"
	"strconv"
)

// PolicyError is a problem at one place of a policy file. Path names the
// field the way it is written: rules[1].deny.max_hops.
type PolicyError struct {
	File string
	Line int
	Path string
	Msg  string
}

func (e *PolicyError) Error() string {
	switch {
	case e.Line > 0 && e.Path != "":
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Path, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.Path != "":
		return fmt.Sprintf("%s: %s: %s", e.File, e.Path, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// yamlErrorLine matches the position the YAML library writes into its
// syntax errors.
var yamlErrorLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// zeroBasedProblems are the syntax errors that the YAML library's parser,
// unlike its scanner, reports with a zero-based line number (and none at
// all for the first line); measured with go.yaml.in/yaml/v3 v3.0.6.
var zeroBasedProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
}

// syntaxError turns a YAML library error into a PolicyError with the line
// a person's editor shows.
func syntaxError(file string, err error) *PolicyError {
	m := yamlErrorLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &PolicyError{File: file, Msg: "invalid YAML: " + err.Error()}
	}
	line, _ := strconv.Atoi(m[1])
	if zeroBasedProblems[m[2]] {
		line++
	}
	return &PolicyError{File: file, Line: line, Msg: "invalid YAML: " + m[2]}
}
