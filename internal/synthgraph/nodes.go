package synthgraph

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// addNodes adds the internet, then each account's nodes kind by kind, so
// that the nodes of one kind in one account have consecutive indexes.
func (g *generator) addNodes(accounts, targets int) error {
	if _, err := g.add(graph.Node{ID: graph.InternetID, Kind: graph.KindInternet, Name: "internet"}); err != nil {
		return err
	}
	pii := map[int]bool{}
	for i := range targets {
		pii[i*accounts/targets] = true
	}
	for a := range accounts {
		acct := account{id: fmt.Sprintf("%012d", 100000000000+a), secrets: secrets}
		if a == 0 {
			acct.secrets += g.extraSecrets
		}
		if err := g.addAccount(&acct, pii[a]); err != nil {
			return err
		}
		g.accounts = append(g.accounts, acct)
	}
	return nil
}

// kindSpec is one run of nodes: how many, of what kind, and their ids.
type kindSpec struct {
	first *int32
	count int
	kind  graph.Kind
	id    func(i int) (id, name string)
}

func (g *generator) addAccount(a *account, pii bool) error {
	regional := func(service, resource string) func(int) (string, string) {
		return func(i int) (string, string) {
			name := fmt.Sprintf("%s-%s-%d", resource, a.id[8:], i)
			return fmt.Sprintf("arn:aws:%s:%s:%s:%s/%s", service, defaultRegion, a.id, resource, name), name
		}
	}
	global := func(resource string) func(int) (string, string) {
		return func(i int) (string, string) {
			name := fmt.Sprintf("%s-%d", resource, i)
			return fmt.Sprintf("arn:aws:iam::%s:%s/%s", a.id, resource, name), name
		}
	}
	for _, spec := range []kindSpec{
		{&a.lb, lbs, graph.KindLoadBalancer, regional("elasticloadbalancing", "loadbalancer")},
		{&a.instance, instances, graph.KindInstance, regional("ec2", "instance")},
		{&a.imds, instances, graph.KindMetadata, func(i int) (string, string) {
			id, name := regional("ec2", "instance")(i)
			return graph.MetadataID(id), name + " metadata"
		}},
		{&a.function, functions, graph.KindFunction, regional("lambda", "function")},
		{&a.role, roles, graph.KindRole, global("role")},
		{&a.user, users, graph.KindUser, global("user")},
		{&a.bucket, buckets, graph.KindBucket, func(i int) (string, string) {
			name := fmt.Sprintf("bucket-%s-%d", a.id, i)
			return "arn:aws:s3:::" + name, name
		}},
		{&a.key, keys, graph.KindKey, regional("kms", "key")},
		{&a.secret, a.secrets, graph.KindSecret, regional("secretsmanager", "secret")},
	} {
		for i := range spec.count {
			id, name := spec.id(i)
			n := graph.Node{ID: id, Kind: spec.kind, Name: name, Account: a.id}
			n.Admin = spec.kind == graph.KindRole && i == adminRole
			if spec.kind == graph.KindBucket && i == 0 && pii {
				n.Tags = map[string]string{piiTag: piiValue}
			}
			idx, err := g.add(n)
			if err != nil {
				return err
			}
			if i == 0 {
				*spec.first = idx
			}
		}
	}
	return nil
}
