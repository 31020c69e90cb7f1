package awsfake

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// accountFiles are the snapshot files that describe a whole account; they
// sit only at the top of its directory. Every other snapshot file is
// region-scoped. The list is docs/snapshot.md's.
var accountFiles = map[string]bool{
	"manifest.json": true, "iam-authorization-details.json": true, "iam-list-access-keys.json": true,
	"s3-buckets.json": true, "s3control-get-public-access-block.json": true,
	"organizations-describe-organization.json": true, "organizations-list-roots.json": true,
	"organizations-list-organizational-units.json": true, "organizations-list-accounts-for-parent.json": true,
	"organizations-list-policies.json": true,
}

var regionFiles = map[string]bool{
	"ec2-describe-vpcs.json": true, "ec2-describe-subnets.json": true, "ec2-describe-route-tables.json": true,
	"ec2-describe-internet-gateways.json": true, "ec2-describe-nat-gateways.json": true,
	"ec2-describe-security-groups.json": true, "ec2-describe-network-acls.json": true,
	"ec2-describe-instances.json": true, "ec2-describe-network-interfaces.json": true,
	"ec2-describe-instance-attribute-userdata.json": true, "elbv2-describe-load-balancers.json": true,
	"elbv2-describe-listeners.json": true, "elbv2-describe-target-groups.json": true,
	"elbv2-describe-target-health.json": true, "lambda-list-functions.json": true,
	"lambda-get-policy.json": true, "kms-keys.json": true, "secretsmanager-list-secrets.json": true,
	"rds-describe-db-instances.json": true, "dynamodb-tables.json": true,
}

var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// account is one account's snapshot directory, read whole.
type account struct {
	id, name string
	dir      string
	global   map[string]map[string]any
	// folders holds the region-scoped files by region folder; "" is the
	// top of the account directory, served in topRegion.
	folders   map[string]map[string]map[string]any
	topRegion string
	manifest  manifest
}

func loadAccount(dir string) (*account, error) {
	a := &account{dir: dir, global: map[string]map[string]any{}, folders: map[string]map[string]map[string]any{"": {}}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			err = a.loadFolder(e.Name())
		default:
			err = a.loadFile("", e.Name())
		}
		if err != nil {
			return nil, err
		}
	}
	if a.manifest, err = readManifest(a.global["manifest.json"]); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	if a.id, err = a.identify(); err != nil {
		return nil, err
	}
	a.name = a.manifest.accountName
	a.topRegion = "us-east-1"
	if len(a.manifest.regions) == 1 {
		a.topRegion = a.manifest.regions[0]
	}
	return a, nil
}

func (a *account) loadFolder(region string) error {
	a.folders[region] = map[string]map[string]any{}
	entries, err := os.ReadDir(filepath.Join(a.dir, region))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			if err := a.loadFile(region, e.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (a *account) loadFile(folder, name string) error {
	path := filepath.Join(a.dir, folder, name)
	if !(accountFiles[name] && folder == "") && !regionFiles[name] {
		return fmt.Errorf("%s: not a snapshot file in this place (see docs/snapshot.md)", path)
	}
	tree, err := readTree(path)
	if err != nil {
		return err
	}
	if accountFiles[name] {
		a.global[name] = tree
	} else {
		a.folders[folder][name] = tree
	}
	return nil
}

// identify finds the account id as the loader does: the manifest's, else
// the directory's name, else the account the IAM ARNs name.
func (a *account) identify() (string, error) {
	if a.manifest.accountID != "" {
		return a.manifest.accountID, nil
	}
	if base := filepath.Base(a.dir); accountID.MatchString(base) {
		return base, nil
	}
	for _, u := range list(a.global["iam-authorization-details.json"]["RoleDetailList"]) {
		if id := arnAccount(text(object(u)["Arn"])); id != "" {
			return id, nil
		}
	}
	return "", fmt.Errorf("%s: cannot tell the account: no manifest.json account_id, the directory is not named by a 12-digit id and no IAM role names one", a.dir)
}

// file is an account-level file, or nil when the snapshot has none.
func (a *account) file(name string) map[string]any { return a.global[name] }

// regionFile is a region-scoped file as served in region: from the region's
// folder, else from the top of the account directory when region is the
// one the top level stands for.
func (a *account) regionFile(region, name string) map[string]any {
	if f := a.folders[region][name]; f != nil {
		return f
	}
	if region == a.topRegion {
		return a.folders[""][name]
	}
	return nil
}

// regions are the regions the snapshot names: the manifest's and the
// region folders, or us-east-1 when it names none.
func (a *account) regions() []string {
	seen := map[string]bool{}
	for _, r := range a.manifest.regions {
		seen[r] = true
	}
	for r := range a.folders {
		seen[r] = r != ""
	}
	if len(a.folders[""]) > 0 {
		seen[a.topRegion] = true
	}
	var out []string
	for r, ok := range seen {
		if ok {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = []string{"us-east-1"}
	}
	sort.Strings(out)
	return out
}

// arnAccount is the account field of an ARN, or "".
func arnAccount(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 && accountID.MatchString(parts[4]) {
		return parts[4]
	}
	return ""
}
