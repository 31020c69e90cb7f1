package yamlerr

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// OneDocument parses a file that must hold exactly one YAML document and
// returns its root node. An empty file, a syntax error and a second
// document are errors at their line; kind names the file in messages ("a
// scenario file holds one YAML document").
func OneDocument(file, kind string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: file, Msg: "the file is empty"}
		}
		return nil, Syntax(file, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, Syntax(file, err)
		}
		return nil, &Error{File: file, Line: next.Line, Msg: "a " + kind + " holds one YAML document; found a second one"}
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: file, Msg: "the file is empty"}
	}
	return doc.Content[0], nil
}
