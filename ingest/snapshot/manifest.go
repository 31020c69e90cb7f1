package snapshot

import (
	"errors"
	"fmt"
	"sort"
)

// manifestFile is the snapshot's own description of itself: the account,
// the regions collected, when, and what could not be collected.
type manifestFile struct {
	AccountID    accountID      `json:"account_id"`
	AccountName  string         `json:"account_name"`
	Regions      []regionName   `json:"regions"`
	CollectedAt  timestamp      `json:"collected_at"`
	NotCollected []notCollected `json:"not_collected"`
}

type regionName string

func (r *regionName) validate() error {
	if !isRegion(string(*r)) {
		return fmt.Errorf("%q is not an AWS region name", string(*r))
	}
	return nil
}

// notCollected is a part of the account the collector could not read.
// Region is empty (or "global") for global services such as IAM.
type notCollected struct {
	Region  string `json:"region"`
	Service string `json:"service"`
	Reason  string `json:"reason"`
}

func (n *notCollected) validate() error {
	if n.Service == "" {
		return errors.New("service is missing")
	}
	return nil
}

func decodeManifest(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	m := &manifestFile{}
	if err := decodeObject(file, data, "$", m); err != nil {
		return err
	}
	a.manifest = m
	return nil
}

func (a *accountFiles) manifestName() string {
	if a.manifest == nil {
		return ""
	}
	return a.manifest.AccountName
}

// accountOf decides which account a directory holds: the manifest's
// account_id, else a directory named by a 12-digit id, else the one
// account its objects name. known is false in the last case.
func accountOf(a *accountFiles) (id string, known bool, err error) {
	var fromManifest string
	if a.manifest != nil {
		fromManifest = string(a.manifest.AccountID)
	}
	fromDir := ""
	if accountPattern.MatchString(a.dirName) {
		fromDir = a.dirName
	}
	switch {
	case fromManifest != "" && fromDir != "" && fromManifest != fromDir:
		return "", false, &Error{File: a.dir + "manifest.json", Path: "$.account_id",
			Err: fmt.Errorf("account %s differs from the directory's name %s", fromManifest, fromDir)}
	case fromManifest != "":
		return fromManifest, true, nil
	case fromDir != "":
		return fromDir, true, nil
	}
	seen := a.accountsNamed()
	switch len(seen) {
	case 0:
		return "", false, nil
	case 1:
		return seen[0], false, nil
	}
	return "", false, fmt.Errorf("%scannot tell the account: objects name accounts %v; add manifest.json with account_id", a.dir, seen)
}

// accountsNamed lists the accounts that IAM ARNs and EC2 owner ids name.
func (a *accountFiles) accountsNamed() []string {
	set := map[string]bool{}
	add := func(arn string) {
		if acct := arnAccount(arn); accountPattern.MatchString(acct) {
			set[acct] = true
		}
	}
	if a.authz != nil {
		for _, u := range a.authz.UserDetailList {
			add(u.Arn)
		}
		for _, r := range a.authz.RoleDetailList {
			add(r.Arn)
		}
		for _, g := range a.authz.GroupDetailList {
			add(g.Arn)
		}
	}
	for _, r := range a.regions {
		if r.instances != nil {
			for _, res := range r.instances.Reservations {
				set[string(res.OwnerId)] = res.OwnerId != ""
			}
		}
		if r.vpcs != nil {
			for _, v := range r.vpcs.Vpcs {
				set[string(v.OwnerId)] = v.OwnerId != ""
			}
		}
	}
	var out []string
	for id, ok := range set {
		if ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// warnNotCollected turns the manifest's gaps into warnings, so an answer
// says what it could not see.
func (c *converter) warnNotCollected() {
	if c.files.manifest == nil {
		return
	}
	for _, n := range c.files.manifest.NotCollected {
		where := n.Service
		if n.Region != "" && n.Region != "global" {
			where = fmt.Sprintf("%s in %s", n.Service, n.Region)
		}
		c.warn("account %s: %s was not collected: %s", c.account, where, firstNonEmpty(n.Reason, "no reason given"))
	}
}
