package awsfake

import (
	"fmt"
	"regexp"
	"strings"
)

// manifest is what the fake reads of a snapshot's manifest.json.
type manifest struct {
	accountID, accountName string
	regions                []string
	gaps                   []gap
}

// gap is a not_collected entry: a part of the account that the original
// collection could not read. The fake answers it with the same error, so
// that collecting from the fake records the same gap.
type gap struct {
	region, service string
	code, message   string
	// operation is the one operation the reason names ("... not
	// authorized to perform: lambda:ListFunctions") as service:Operation
	// in the fake's names; "" for every one.
	operation string
}

// A reason is the error's code and message as "Code: message"; the CLI's
// "An error occurred (Code) when calling ..." form is read too.
var (
	reasonCode   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9.]*): (.*)$`)
	cliErrorCode = regexp.MustCompile(`\(([A-Za-z][A-Za-z0-9.]*)\)`)
	performs     = regexp.MustCompile(`perform: ([a-z0-9-]+:[A-Za-z0-9]+)`)
	calling      = regexp.MustCompile(`when calling the ([A-Za-z0-9]+) operation`)
)

func readManifest(tree map[string]any) (manifest, error) {
	var m manifest
	if tree == nil {
		return m, nil
	}
	m.accountID = text(tree["account_id"])
	if m.accountID != "" && !accountID.MatchString(m.accountID) {
		return m, fmt.Errorf("account_id %q is not a 12-digit account id", m.accountID)
	}
	m.accountName = text(tree["account_name"])
	for _, r := range list(tree["regions"]) {
		m.regions = append(m.regions, text(r))
	}
	for _, e := range list(tree["not_collected"]) {
		entry := object(e)
		m.gaps = append(m.gaps, parseGap(text(entry["region"]), text(entry["service"]), text(entry["reason"])))
	}
	return m, nil
}

func parseGap(region, service, reason string) gap {
	g := gap{region: region, service: service, code: "AccessDenied", message: reason}
	if region == "global" {
		g.region = ""
	}
	if m := reasonCode.FindStringSubmatch(reason); m != nil {
		g.code, g.message = m[1], m[2]
	} else if m := cliErrorCode.FindStringSubmatch(reason); m != nil {
		g.code = m[1]
		if _, msg, ok := strings.Cut(reason, ": "); ok {
			g.message = msg
		}
	}
	if m := performs.FindStringSubmatch(reason); m != nil {
		g.operation = m[1]
		if op, ok := iamActions[m[1]]; ok {
			g.operation = op
		}
	} else if m := calling.FindStringSubmatch(reason); m != nil {
		g.operation = g.services()[0] + ":" + m[1]
	}
	return g
}

// iamActions maps the IAM actions a reason may name to the operations they
// allow, where the names differ.
var iamActions = map[string]string{
	"s3:ListAllMyBuckets":            "s3:ListBuckets",
	"s3:GetBucketPublicAccessBlock":  "s3:GetPublicAccessBlock",
	"s3:GetEncryptionConfiguration":  "s3:GetBucketEncryption",
	"s3:GetAccountPublicAccessBlock": "s3control:GetPublicAccessBlock",
}

// services are the fake's services a snapshot service name stands for:
// scripts/snapshot.sh records S3 Control's failures under s3.
func (g gap) services() []string {
	switch g.service {
	case "elbv2":
		return []string{"elasticloadbalancing"}
	case "s3":
		return []string{"s3", "s3control"}
	}
	return []string{g.service}
}
