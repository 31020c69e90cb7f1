package scenario

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// network is a valid account with one VPC that bad inputs build on; its
// lines are 1-14, so a case's own lines start at 15.
const network = `name: t
accounts:
  - id: 111122223333
    vpcs:
      - id: vpc-0a
        cidr: 10.0.0.0/16
        internet_gateway: igw-0a
        subnets:
          - {id: subnet-0a, cidr: 10.0.1.0/24}
        security_groups:
          - id: sg-0a
        route_tables:
          - id: rtb-0a
            subnets: subnet-0a
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"unknown top-level field", "name: t\nnmae: x\naccounts: []\n",
			`t.yaml:2: unknown field "nmae" (did you mean "name"?)`},
		{"missing name", "accounts:\n  - id: 111122223333\n",
			`t.yaml:1: missing required field "name"`},
		{"accounts not a list", "name: t\naccounts: production\n",
			`t.yaml:2: accounts: expected a list, got "production"`},
		{"no accounts", "name: t\naccounts: []\n",
			`t.yaml:2: accounts: a scenario needs at least one account`},
		{"short account id", "name: t\naccounts:\n  - id: 11122223333\n",
			`t.yaml:3: accounts[0].id: invalid account id "11122223333": an account id is 12 digits (quote it to keep leading zeros)`},
		{"wrong type for a list of values", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0a\n        security_groups: {sg-0a: yes}\n",
			`t.yaml:18: accounts[0].instances[0].security_groups: expected a list, got a mapping`},
		{"unknown field with suggestion", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0a\n        secuirty_groups: [sg-0a]\n",
			`t.yaml:18: accounts[0].instances[0]: unknown field "secuirty_groups" (did you mean "security_groups"?)`},
		{"unknown security group", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0a\n        security_groups:\n          - sg-0a\n          - sg-0nope\n",
			`t.yaml:20: accounts[0].instances[0].security_groups[1]: unknown security group "sg-0nope"`},
		{"unknown subnet", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0nope\n",
			`t.yaml:17: accounts[0].instances[0].subnet: unknown subnet "subnet-0nope"`},
		{"missing instance subnet", network + "    instances:\n      - id: i-0a\n",
			`t.yaml:16: accounts[0].instances[0]: missing required field "subnet"`},
		{"unknown instance profile", network + "    instances:\n      - {id: i-0a, subnet: subnet-0a, instance_profile: web}\n",
			`t.yaml:16: accounts[0].instances[0].instance_profile: unknown instance profile "web": no role of account 111122223333 lists it in instance_profiles`},
		{"tokens not optional or required", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0a\n        metadata: {tokens: v2}\n",
			`t.yaml:18: accounts[0].instances[0].metadata.tokens: "v2" is not one of optional, required`},
		{"hop limit out of range", network + "    instances:\n      - id: i-0a\n        subnet: subnet-0a\n        metadata:\n          hop_limit: 0\n",
			`t.yaml:19: accounts[0].instances[0].metadata.hop_limit: hop limit 0 is out of range 1-64`},
		{"private IP outside the subnet", network + "    instances:\n      - {id: i-0a, subnet: subnet-0a, private_ip: 10.0.2.5}\n",
			`t.yaml:16: accounts[0].instances[0].private_ip: private IP 10.0.2.5 is outside subnet-0a (10.0.1.0/24)`},
		{"duplicate instance id", network + "    instances:\n      - {id: i-0a, subnet: subnet-0a}\n      - {id: i-0a, subnet: subnet-0a}\n",
			`t.yaml:17: accounts[0].instances[1].id: duplicate instance id "i-0a" (first defined on line 16)`},
		{"bad CIDR", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - {id: vpc-0a, cidr: 10.0.0.0/33}\n",
			`t.yaml:5: accounts[0].vpcs[0].cidr: invalid CIDR "10.0.0.0/33"`},
		{"CIDR with host bits", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - {id: vpc-0a, cidr: 10.0.0.1/16}\n",
			`t.yaml:5: accounts[0].vpcs[0].cidr: invalid CIDR "10.0.0.1/16": host bits are set (did you mean 10.0.0.0/16?)`},
		{"subnet outside its VPC", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        subnets:\n          - {id: subnet-0a, cidr: 10.1.0.0/24}\n",
			`t.yaml:8: accounts[0].vpcs[0].subnets[0].cidr: 10.1.0.0/24 is outside the CIDRs of vpc-0a (10.0.0.0/16)`},
		{"bad id prefix", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - {id: vnet-0a, cidr: 10.0.0.0/16}\n",
			`t.yaml:5: accounts[0].vpcs[0].id: invalid id "vnet-0a": expected vpc- followed by letters, digits and hyphens`},
		{"duplicate field", network + "    vpcs:\n",
			`t.yaml:15: accounts[0]: duplicate field "vpcs" (first on line 4)`},
		{"subnet with an unknown route table", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        subnets:\n          - {id: subnet-0a, cidr: 10.0.1.0/24, route_table: rtb-0nope}\n",
			`t.yaml:8: accounts[0].vpcs[0].subnets[0].route_table: unknown route table "rtb-0nope"`},
		{"subnet associated twice", network + "          - id: rtb-0b\n            subnets: [subnet-0a]\n",
			`t.yaml:16: accounts[0].vpcs[0].route_tables[1].subnets[0]: subnet subnet-0a is already associated with route table rtb-0a (line 14)`},
		{"route to an unknown gateway", network + "            routes: {0.0.0.0/0: igw-0nope}\n",
			`t.yaml:15: accounts[0].vpcs[0].route_tables[0].routes["0.0.0.0/0"]: unknown internet gateway "igw-0nope"`},
		{"route to a bad target", network + "            routes: {0.0.0.0/0: gateway}\n",
			`t.yaml:15: accounts[0].vpcs[0].route_tables[0].routes["0.0.0.0/0"]: invalid route target "gateway": expected local or an id starting with igw-, nat-, pcx-, tgw-, vgw-, eigw-, eni-, vpce-, i-, lgw-, cagw-`},
		{"port out of range", network + "            routes: {}\n        network_acls:\n          - id: acl-0a\n            ingress:\n              - {rule: 100, action: allow, protocol: tcp, port: 70000, cidr: 0.0.0.0/0}\n",
			`t.yaml:19: accounts[0].vpcs[0].network_acls[0].ingress[0].port: port 70000 is out of range 0-65535`},
		{"port range backwards", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        security_groups:\n          - id: sg-0a\n            ingress: [{protocol: tcp, ports: 443-80, from: 0.0.0.0/0}]\n",
			`t.yaml:9: accounts[0].vpcs[0].security_groups[0].ingress[0].ports: invalid port range "443-80": 443 is greater than 80`},
		{"port for all protocols", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        security_groups:\n          - id: sg-0a\n            egress: [{protocol: all, port: 443, to: 0.0.0.0/0}]\n",
			`t.yaml:9: accounts[0].vpcs[0].security_groups[0].egress[0].port: protocol -1 has no ports`},
		{"egress rule with from", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        security_groups:\n          - id: sg-0a\n            egress:\n              - protocol: all\n                from: 0.0.0.0/0\n",
			`t.yaml:11: accounts[0].vpcs[0].security_groups[0].egress[0]: unknown field "from"`},
		{"port not a number", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - id: vpc-0a\n        cidr: 10.0.0.0/16\n        security_groups:\n          - id: sg-0a\n            ingress: [{protocol: tcp, port: https, from: 0.0.0.0/0}]\n",
			`t.yaml:9: accounts[0].vpcs[0].security_groups[0].ingress[0].port: expected an integer, got "https"`},
		{"duplicate ACL rule number", network + "        network_acls:\n          - id: acl-0a\n            egress:\n              - {rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0}\n              - {rule: 100, action: deny, protocol: all, cidr: 0.0.0.0/0}\n",
			`t.yaml:19: accounts[0].vpcs[0].network_acls[0].egress[1].rule: duplicate rule number 100 (first used on line 18)`},
		{"policy document iam.Parse rejects", "name: t\naccounts:\n  - id: 111122223333\n    users:\n      - name: bob\n        policies:\n          p1:\n            Version: \"2012-10-17\"\n            Statement: [{Effect: Permit, Action: \"*\", Resource: \"*\"}]\n",
			`t.yaml:8: accounts[0].users[0].policies.p1: invalid policy: policy document: Statement[0]: Effect "Permit" is not Allow or Deny`},
		{"policy as a bad JSON string", "name: t\naccounts:\n  - id: 111122223333\n    buckets:\n      - name: b1b\n        policy: '{\"Statement\": 3}'\n",
			`t.yaml:6: accounts[0].buckets[0].policy: invalid policy: policy document: Statement[0]: not an object: json: cannot unmarshal number into Go value of type map[string]json.RawMessage`},
		{"user in an unknown group", "name: t\naccounts:\n  - id: 111122223333\n    users:\n      - name: bob\n        groups: [admins]\n",
			`t.yaml:6: accounts[0].users[0].groups[0]: unknown group "admins"`},
		{"function with an unknown role", "name: t\naccounts:\n  - id: 111122223333\n    functions:\n      - {name: f, role: lambda-role}\n",
			`t.yaml:5: accounts[0].functions[0].role: unknown role "lambda-role"`},
		{"role with no trust policy", "name: t\naccounts:\n  - id: 111122223333\n    roles:\n      - name: r\n",
			`t.yaml:5: accounts[0].roles[0]: missing required field "trust_policy" (or its short form "trusted_by")`},
		{"role with both trust forms", "name: t\naccounts:\n  - id: 111122223333\n    roles:\n      - name: r\n        trusted_by: ec2.amazonaws.com\n        trust_policy: {Statement: []}\n",
			`t.yaml:7: accounts[0].roles[0].trust_policy: "trusted_by" and "trust_policy" cannot both be set`},
		{"trusting an unknown user", "name: t\naccounts:\n  - id: 111122223333\n    roles:\n      - {name: r, trusted_by: [user/alice]}\n",
			`t.yaml:5: accounts[0].roles[0].trusted_by[0]: unknown user "alice"`},
		{"bucket with an unknown key alias", "name: t\naccounts:\n  - id: 111122223333\n    buckets:\n      - name: data\n        encryption: {kms_key: alias/nope}\n",
			`t.yaml:6: accounts[0].buckets[0].encryption.kms_key: unknown KMS key alias "alias/nope"`},
		{"AES256 with a key", "name: t\naccounts:\n  - id: 111122223333\n    buckets:\n      - name: data\n        encryption: {algorithm: AES256, kms_key: alias/k}\n",
			`t.yaml:6: accounts[0].buckets[0].encryption.kms_key: a KMS key needs algorithm aws:kms or aws:kms:dsse, not AES256`},
		{"bad key id", "name: t\naccounts:\n  - id: 111122223333\n    kms_keys:\n      - id: my-key\n",
			`t.yaml:5: accounts[0].kms_keys[0].id: invalid key id "my-key": use a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits`},
		{"listener to an unknown instance", network + "    load_balancers:\n      - name: web\n        subnets: subnet-0a\n        listeners:\n          - {port: 80, targets: [i-0gone]}\n",
			`t.yaml:19: accounts[0].load_balancers[0].listeners[0].targets[0]: unknown instance "i-0gone"`},
		{"listener protocol for the type", network + "    load_balancers:\n      - name: web\n        subnets: subnet-0a\n        listeners:\n          - {port: 80, protocol: TCP}\n",
			`t.yaml:19: accounts[0].load_balancers[0].listeners[0].protocol: protocol "TCP" is not one of HTTP, HTTPS for a application load balancer`},
		{"too many access keys", "name: t\naccounts:\n  - id: 111122223333\n    users:\n      - name: bob\n        access_keys: [AKIAAAAAAAAAAAAAAAA1, AKIAAAAAAAAAAAAAAAA2, AKIAAAAAAAAAAAAAAAA3]\n",
			`t.yaml:6: accounts[0].users[0].access_keys: a user has at most 2 access keys, got 3`},
		{"two default versions", "name: t\naccounts:\n  - id: 111122223333\n    policies:\n      - name: p\n        default_version: v1\n        versions:\n          - {document: {Statement: {Effect: Allow, Action: '*', Resource: '*'}}}\n          - {default: true, document: {Statement: {Effect: Allow, Action: '*', Resource: '*'}}}\n",
			`t.yaml:6: accounts[0].policies[0].default_version: default version is both v1 and v2`},
		{"org policy with an unknown target", "name: t\naccounts:\n  - id: 111122223333\norganization:\n  id: o-aaaaaaaaaa\n  management_account: 111122223333\n  accounts: [111122223333]\n  policies:\n    - {name: p, type: scp, targets: [ou-aaaa-bbbbbbbb], document: {Statement: {Effect: Deny, Action: '*', Resource: '*'}}}\n",
			`t.yaml:9: organization.policies[0].targets[0]: unknown policy target "ou-aaaa-bbbbbbbb": expected the root, an OU or an account of the organization`},
		{"trusted_by empty", "name: t\naccounts:\n  - id: 111122223333\n    roles:\n      - {name: r, trusted_by: []}\n",
			`t.yaml:5: accounts[0].roles[0].trusted_by: trusted_by lists no principal`},
		{"load balancer without subnets", network + "    load_balancers:\n      - {name: web, subnets: []}\n",
			`t.yaml:16: accounts[0].load_balancers[0].subnets: a load balancer needs at least one subnet`},
		{"VPC with only IPv6", "name: t\naccounts:\n  - id: 111122223333\n    vpcs:\n      - {id: vpc-0a, cidr: \"2001:db8::/56\"}\n",
			`t.yaml:5: accounts[0].vpcs[0].cidr: a VPC needs an IPv4 CIDR`},
		{"rule * that allows", network + "        network_acls:\n          - id: acl-0a\n            ingress: [{rule: \"*\", action: allow, protocol: all, cidr: 0.0.0.0/0}]\n",
			`t.yaml:17: accounts[0].vpcs[0].network_acls[0].ingress[0].action: rule * always denies`},
		{"same id in two accounts", network + "  - id: 444455556666\n    vpcs:\n      - {id: vpc-0a, cidr: 10.0.0.0/16}\n",
			`t.yaml:17: accounts[1].vpcs[0].id: duplicate VPC id "vpc-0a" (first defined on line 5)`},
		{"long values are shortened", "name: t\naccounts: " + strings.Repeat("x", 80) + "\n",
			`t.yaml:2: accounts: expected a list, got "` + strings.Repeat("x", 60) + `…"`},
		{"YAML syntax error", "name: t\naccounts:\n  - id: [111122223333\n",
			`t.yaml:3: invalid YAML: did not find expected ',' or ']'`},
		{"YAML scanner error", "name: t\naccounts: a: b\n",
			`t.yaml:2: invalid YAML: mapping values are not allowed in this context`},
		{"two YAML documents", "name: t\naccounts: []\n---\nname: u\n",
			`t.yaml:3: a scenario file holds one YAML document; found a second one`},
		{"empty file", "", `t.yaml: the file is empty`},
		{"not a mapping", "- a\n- b\n", `t.yaml:1: expected a mapping, got a list`},
		{"alias bomb in a policy", aliasBomb,
			`t.yaml:14: accounts[0].buckets[0].policy: policy document: larger than 1048576 bytes`},
		{"self-referencing alias", "name: t\naccounts: &a\n  - *a\n",
			`t.yaml:2: accounts[0]: expected a mapping, got a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tt.yaml))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			var scenarioErr *Error
			assert.True(t, errors.As(err, &scenarioErr), "the error is an *Error")
		})
	}
}

// aliasBomb expands to 10^7 strings if followed naively.
var aliasBomb = `name: t
x-a: &a ["` + strings.Repeat("x", 100) + `"]
x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
x-g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
accounts:
  - id: 111122223333
    buckets:
      - name: bomb
        policy:
          Statement: {Effect: Allow, Action: *g, Resource: "*"}
`
