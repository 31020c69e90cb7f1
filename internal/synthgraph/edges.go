package synthgraph

import (
	"fmt"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// technique is the shared detail of every synthetic edge of one technique.
type technique struct {
	id      string
	cost    float64
	assumes []graph.Assumption
}

var (
	ingress      = technique{id: "internet-ingress", cost: 1}
	forward      = technique{id: "load-balancer-forward", cost: 1}
	ssrf         = technique{id: "ssrf-imdsv1", cost: 2}
	rce          = technique{id: "rce-imds", cost: 5, assumes: []graph.Assumption{graph.AssumeRCE}}
	credentials  = technique{id: "instance-credentials", cost: 0.5}
	assumeRole   = technique{id: "assume-role", cost: 0.5}
	s3Read       = technique{id: "s3-read", cost: 0.5}
	kmsDecrypt   = technique{id: "kms-decrypt", cost: 0.5}
	secretRead   = technique{id: "secretsmanager-read", cost: 0.5}
	envKeys      = technique{id: "lambda-env-credentials", cost: 0.5}
	updateCode   = technique{id: "lambda:UpdateFunctionCode", cost: 1}
	createKey    = technique{id: "iam:CreateAccessKey", cost: 1}
	passRoleToVM = technique{id: "iam:PassRole+ec2:RunInstances", cost: 1.5}
)

// edge adds from → to. The first edge of a technique carries its detail
// (AddEdge checks it like any edge); the others share it.
func (g *generator) edge(t technique, from, to int32) error {
	g.edges++
	if d, ok := g.details[t.id]; ok {
		g.b.AddEdgeLike(from, to, d)
		return nil
	}
	err := g.b.AddEdge(graph.Edge{From: g.ids[from], To: g.ids[to], Technique: t.id, Cost: t.cost, Assumes: t.assumes,
		Explanation: "A synthetic " + t.id + " step.",
		Evidence:    []graph.Evidence{{Kind: "synthetic", Source: "synthgraph", Detail: t.id + " generated for a benchmark"}},
		Remediation: "Cut the synthetic " + t.id + " step."})
	if err != nil {
		return fmt.Errorf("synthgraph: %w", err)
	}
	g.details[t.id] = int32(g.b.DetailCount() - 1)
	return nil
}

// addStructure adds every edge but the bulk of role → bucket reads. Each
// source picks distinct targets (an offset and a stride coprime with the
// range), so that no edge is a duplicate that Freeze would drop.
func (g *generator) addStructure() error {
	for i := range g.accounts {
		for _, add := range []func(int) error{g.network, g.identities, g.data, g.crossAccount} {
			if err := add(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// network: internet → load balancers and public instances, load balancers
// → instances behind them, instances → metadata → workload roles.
func (g *generator) network(i int) error {
	a := &g.accounts[i]
	ad := &adder{g: g}
	internet := int32(0)
	for lb := range int32(lbs) {
		ad.add(ingress, internet, a.lb+lb)
		for j := range int32(publicHosts) {
			ad.add(forward, a.lb+lb, a.instance+publicHosts+lb*publicHosts+j)
		}
	}
	for in := range int32(instances) {
		if in < publicHosts {
			ad.add(ingress, internet, a.instance+in)
		}
		if g.rng.Float64() < imdsv1Share {
			ad.add(ssrf, a.instance+in, a.imds+in)
		}
		ad.add(rce, a.instance+in, a.imds+in)
		ad.add(credentials, a.imds+in, a.role+in%workload)
	}
	return ad.err
}
