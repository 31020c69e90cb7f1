package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/pathfinder-sec/pathfinder/gate"
)

// The JUnit XML elements CI systems read (Jenkins, GitLab, GitHub test
// reporters): one suite for the policy, one test case per rule, and a
// <failure> on each rule that is violated.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
	SystemOut *junitCDATA   `xml:"system-out"`
}

// junitFailure's text is CDATA, so that the paths keep their line breaks
// for a person reading the XML (the encoder splits a "]]>" in the text).
type junitCDATA struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// WriteJUnit prints a check report as JUnit XML: one test case per policy
// rule, named by the rule's id; a violated rule fails with its violating
// paths, hop by hop, as the failure's text. Paths that an allow or the
// baseline accepts are listed in the case's system-out.
func WriteJUnit(w io.Writer, rep *gate.Report) error {
	suite := junitSuite{
		Name:       "pathfinder check " + printable(rep.Policy.File, false),
		Tests:      len(rep.Rules),
		Failures:   rep.Failed(),
		Properties: []junitProperty{{Name: "date", Value: rep.Date.Format("2006-01-02")}},
	}
	for _, rr := range rep.Rules {
		suite.Cases = append(suite.Cases, junitCaseOf(rep, rr))
	}
	doc := junitSuites{Name: "pathfinder check", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write junit: %w", err)
	}
	return nil
}

func junitCaseOf(rep *gate.Report, rr gate.RuleResult) junitCase {
	c := junitCase{Name: rr.Rule.ID, Classname: "pathfinder.policy"}
	var out strings.Builder
	for _, f := range rr.Suppressed() {
		fmt.Fprintf(&out, "%s %s · %s\n", f.Fingerprint, printable(f.Summary, false), suppressionNote(f))
	}
	if out.Len() > 0 {
		c.SystemOut = &junitCDATA{Text: out.String()}
	}
	violations := rr.Violations()
	if len(violations) == 0 {
		return c
	}
	var text strings.Builder
	text.WriteString("\n" + ruleHeadline(rr.Rule) + "\n")
	for i, f := range violations {
		writeFindingText(&text, rep.Graph, f, i+1)
	}
	count := plural(len(violations), "attack path", "attack paths")
	if rr.More {
		count = "at least " + count
	}
	c.Failure = &junitFailure{
		Message: fmt.Sprintf("%s: %s", count, ruleQuery(rr.Rule)),
		Type:    "attack-path",
		Text:    text.String(),
	}
	return c
}
