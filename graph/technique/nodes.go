package technique

import (
	"github.com/pathfinder-sec/pathfinder/graph"
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// addNodes adds a node for everything in the estate an attacker can stand
// on or take. Instances whose metadata endpoint is enabled get a second node
// for the endpoint, since reaching the app and reaching its credentials are
// different steps.
func (env *Env) addNodes() error {
	e := env.Estate
	nodes := []graph.Node{{ID: graph.InternetID, Kind: graph.KindInternet, Name: "internet"}}
	for _, in := range e.Instances {
		nodes = append(nodes, instanceNodes(in)...)
	}
	for _, lb := range e.LoadBalancers {
		nodes = append(nodes, graph.Node{ID: lb.ARN, Kind: graph.KindLoadBalancer, Name: lb.Name, Account: lb.Account, Region: lb.Region, VPC: lb.VPC})
	}
	for _, f := range e.Functions {
		nodes = append(nodes, graph.Node{ID: f.ARN, Kind: graph.KindFunction, Name: f.Name, Account: f.Account, Region: f.Region, Tags: f.Tags})
	}
	nodes = append(nodes, identityNodes(e)...)
	nodes = append(nodes, dataNodes(e)...)
	for _, n := range nodes {
		if _, err := env.b.AddNode(n); err != nil {
			return err
		}
	}
	return nil
}

func instanceNodes(in ingest.Instance) []graph.Node {
	n := graph.Node{ID: in.ARN, Kind: graph.KindInstance, Name: in.ID, Account: in.Account,
		Region: in.Region, VPC: in.VPC, Subnet: in.Subnet, Tags: in.Tags}
	if !metadataEnabled(in) {
		return []graph.Node{n}
	}
	md := n
	md.ID, md.Kind, md.Name, md.Tags = graph.MetadataID(in.ARN), graph.KindMetadata, in.ID+" metadata", nil
	return []graph.Node{n, md}
}

// metadataEnabled applies AWS's default: the endpoint is enabled unless
// HttpEndpoint says disabled.
func metadataEnabled(in ingest.Instance) bool { return in.Metadata.Endpoint != "disabled" }

func identityNodes(e *ingest.Estate) []graph.Node {
	var nodes []graph.Node
	for _, u := range e.Users {
		nodes = append(nodes, graph.Node{ID: u.ARN, Kind: graph.KindUser, Name: u.Name, Account: u.Account, Tags: u.Tags})
	}
	for _, g := range e.Groups {
		nodes = append(nodes, graph.Node{ID: g.ARN, Kind: graph.KindGroup, Name: g.Name, Account: g.Account})
	}
	for _, r := range e.Roles {
		nodes = append(nodes, graph.Node{ID: r.ARN, Kind: graph.KindRole, Name: r.Name, Account: r.Account, Tags: r.Tags})
	}
	return nodes
}

func dataNodes(e *ingest.Estate) []graph.Node {
	var nodes []graph.Node
	for _, b := range e.Buckets {
		nodes = append(nodes, graph.Node{ID: b.ARN, Kind: graph.KindBucket, Name: b.Name, Account: b.Account, Region: b.Region, Tags: b.Tags})
	}
	for _, k := range e.KMSKeys {
		nodes = append(nodes, graph.Node{ID: k.ARN, Kind: graph.KindKey, Name: keyName(k), Account: k.Account, Region: k.Region, Tags: k.Tags})
	}
	for _, s := range e.Secrets {
		nodes = append(nodes, graph.Node{ID: s.ARN, Kind: graph.KindSecret, Name: s.Name, Account: s.Account, Region: s.Region, Tags: s.Tags})
	}
	for _, d := range e.Databases {
		nodes = append(nodes, graph.Node{ID: d.ARN, Kind: graph.KindDatabase, Name: d.ID, Account: d.Account, Region: d.Region, VPC: d.VPC, Tags: d.Tags})
	}
	for _, t := range e.Tables {
		nodes = append(nodes, graph.Node{ID: t.ARN, Kind: graph.KindTable, Name: t.Name, Account: t.Account, Region: t.Region, Tags: t.Tags})
	}
	return nodes
}

// keyName prefers a key's first alias, which people recognise, to its id.
func keyName(k ingest.KMSKey) string {
	if len(k.Aliases) > 0 {
		return k.Aliases[0]
	}
	return k.ID
}
