package snapshot

import (
	"fmt"
	"sort"
	"strings"
)

// scope says where in an account directory a file may sit.
type scope int

const (
	// accountScope files describe the whole account (IAM, S3, the
	// organisation, the manifest) and sit at the top of its directory.
	accountScope scope = iota
	// regionScope files describe one region and sit at the top of the
	// account directory or in a `<region>/` folder.
	regionScope
)

// fileKind is one file name a snapshot may hold and how to decode it.
type fileKind struct {
	name   string
	scope  scope
	decode func(file string, data []byte, a *accountFiles, r *regionFiles) error
}

// fileKinds lists every file a snapshot may hold, in the order they are
// decoded. Anything else in a snapshot directory is an error.
var fileKinds = []fileKind{
	{"manifest.json", accountScope, decodeManifest},
	{"iam-authorization-details.json", accountScope, decodeAuthorizationDetails},
	{"iam-list-access-keys.json", accountScope, decodeAccessKeys},
	{"s3-buckets.json", accountScope, decodeBuckets},
	{"s3control-get-public-access-block.json", accountScope, decodeAccountBPA},
	{"organizations-describe-organization.json", accountScope, decodeOrganization},
	{"organizations-list-roots.json", accountScope, decodeRoots},
	{"organizations-list-organizational-units.json", accountScope, decodeOrgUnits},
	{"organizations-list-accounts-for-parent.json", accountScope, decodeOrgAccounts},
	{"organizations-list-policies.json", accountScope, decodeOrgPolicies},
	{"ec2-describe-vpcs.json", regionScope, decodeVPCs},
	{"ec2-describe-subnets.json", regionScope, decodeSubnets},
	{"ec2-describe-route-tables.json", regionScope, decodeRouteTables},
	{"ec2-describe-internet-gateways.json", regionScope, decodeInternetGateways},
	{"ec2-describe-nat-gateways.json", regionScope, decodeNATGateways},
	{"ec2-describe-security-groups.json", regionScope, decodeSecurityGroups},
	{"ec2-describe-network-acls.json", regionScope, decodeNetworkACLs},
	{"ec2-describe-instances.json", regionScope, decodeInstances},
	{"ec2-describe-network-interfaces.json", regionScope, decodeNetworkInterfaces},
	{"ec2-describe-instance-attribute-userdata.json", regionScope, decodeUserData},
	{"elbv2-describe-load-balancers.json", regionScope, decodeLoadBalancers},
	{"elbv2-describe-listeners.json", regionScope, decodeListeners},
	{"elbv2-describe-target-groups.json", regionScope, decodeTargetGroups},
	{"elbv2-describe-target-health.json", regionScope, decodeTargetHealth},
	{"lambda-list-functions.json", regionScope, decodeFunctions},
	{"lambda-get-policy.json", regionScope, decodeFunctionPolicies},
	{"kms-keys.json", regionScope, decodeKMSKeys},
	{"secretsmanager-list-secrets.json", regionScope, decodeSecrets},
	{"rds-describe-db-instances.json", regionScope, decodeDatabases},
	{"dynamodb-tables.json", regionScope, decodeTables},
}

func kindByName(name string) (fileKind, bool) {
	for _, k := range fileKinds {
		if k.name == name {
			return k, true
		}
	}
	return fileKind{}, false
}

// isSnapshotFile reports whether name is a file a snapshot may hold.
func isSnapshotFile(name string) bool {
	_, ok := kindByName(name)
	return ok
}

func unknownFileError(name string) error {
	names := make([]string, 0, len(fileKinds))
	for _, k := range fileKinds {
		names = append(names, k.name)
	}
	sort.Strings(names)
	return fmt.Errorf("unknown file %q: a snapshot holds only %s (see docs/snapshot.md)", name, strings.Join(names, ", "))
}

// accountFiles is everything decoded from one account directory.
type accountFiles struct {
	dir        string // as named in errors, relative to the loaded directory
	dirName    string // the directory's base name
	manifest   *manifestFile
	authz      *authzFile
	accessKeys *accessKeysFile
	buckets    *bucketsFile
	accountBPA *accountBPAFile
	org        orgFiles
	regions    []*regionFiles // the top level ("") first, then folders by name
}

// regionFiles is everything decoded from the region-scoped files of the
// account's top level or of one region folder.
type regionFiles struct {
	folder         string // "" for the account's top level
	vpcs           *vpcsFile
	subnets        *subnetsFile
	routeTables    *routeTablesFile
	gateways       *internetGatewaysFile
	natGateways    *natGatewaysFile
	securityGroups *securityGroupsFile
	networkACLs    *networkACLsFile
	instances      *instancesFile
	interfaces     *networkInterfacesFile
	userData       map[string]userDataEntry
	loadBalancers  *loadBalancersFile
	listeners      *listenersFile
	targetGroups   *targetGroupsFile
	targetHealth   map[string]targetHealthFile
	functions      *functionsFile
	functionPolicy map[string]functionPolicyFile
	kmsKeys        *kmsKeysFile
	secrets        *secretsFile
	databases      *databasesFile
	tables         *tablesFile
}
