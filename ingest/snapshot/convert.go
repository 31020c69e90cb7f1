package snapshot

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// converter turns one account's decoded files into Estate objects.
type converter struct {
	files   *accountFiles
	account string // the account the directory holds
	est     *ingest.Estate
}

func (c *converter) warn(format string, args ...any) {
	c.est.Warnings = append(c.est.Warnings, fmt.Sprintf(format, args...))
}

// convertAccount converts an account directory: the account-wide files,
// then each region set, then the joins between files and the checks of
// references between objects.
func convertAccount(a *accountFiles) (*accountResult, error) {
	account, known, err := accountOf(a)
	if err != nil {
		return nil, err
	}
	c := &converter{files: a, account: account, est: &ingest.Estate{}}
	if account != "" {
		c.est.Accounts = []ingest.Account{{ID: account, Name: a.manifestName()}}
	}
	c.convertIAM()
	c.convertAccessKeys()
	c.convertBuckets()
	c.convertAccountBPA()
	orgNames := c.convertOrganization()
	for _, r := range a.regions {
		c.convertRegion(r)
	}
	c.joinRegionFiles()
	c.warnNotCollected()
	c.checkReferences()
	return &accountResult{dir: a.dir, account: account, accountKnown: known, estate: c.est, orgNames: orgNames}, nil
}

// convertRegion converts the region-scoped files of one set.
func (c *converter) convertRegion(r *regionFiles) {
	rc := &regionConverter{converter: c, files: r, region: c.setRegion(r)}
	rc.convertNetwork()
	rc.convertSecurityGroups()
	rc.convertNetworkACLs()
	rc.convertInstances()
	rc.convertLoadBalancers()
	rc.convertTargetGroups()
	rc.convertFunctions()
	rc.convertKMSKeys()
	rc.convertSecrets()
	rc.convertDatabases()
	rc.convertTables()
}

// regionConverter converts one region set; region is the set's region
// when the folder, the manifest or the objects tell it, else empty.
type regionConverter struct {
	*converter
	files  *regionFiles
	region string
}
