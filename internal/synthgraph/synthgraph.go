package synthgraph

import (
	"fmt"
	"math/rand/v2"

	"github.com/pathfinder-sec/pathfinder/graph"
)

// Config sizes a synthetic organisation.
type Config struct {
	Nodes   int // exactly this many nodes: the internet and accounts of 1,000
	Edges   int // exactly this many edges
	Targets int // buckets tagged data-classification=pii, one per account at most
	Seed    uint64
}

// Large is the organisation of the performance targets: 1M nodes, 5M edges.
func Large() Config {
	return Config{Nodes: 1_000_000, Edges: 5_000_000, Targets: 100, Seed: 1}
}

// The node mix of one account: 1,000 nodes (instances count twice, with
// their metadata endpoints). Roles 0-99 are workload roles of instance
// profiles, 100-149 service roles that people and workloads assume; role
// 140 is the organisation's access role and 149 an administrator.
const (
	accountSize   = 1000
	lbs           = 2
	instances     = 200
	publicHosts   = 20 // instances 0-19 have public IPs
	functions     = 50
	roles         = 150
	workload      = 100
	orgRole       = 140
	adminRole     = 149
	users         = 50
	buckets       = 250
	keys          = 20
	secrets       = 78
	minAccounts   = 4
	imdsv1Share   = 0.4 // share of instances whose IMDS answers without a token
	piiTag        = "data-classification"
	piiValue      = "pii"
	defaultRegion = "us-east-1"
)

// Generate builds the synthetic organisation of cfg.
func Generate(cfg Config) (*graph.Graph, error) {
	accounts := (cfg.Nodes - 1) / accountSize
	if accounts < minAccounts {
		return nil, fmt.Errorf("synthgraph: %d nodes make %d accounts of %d, want at least %d", cfg.Nodes, accounts, accountSize, minAccounts)
	}
	if cfg.Targets > accounts {
		return nil, fmt.Errorf("synthgraph: %d targets for %d accounts: at most one per account", cfg.Targets, accounts)
	}
	gen := &generator{
		b: graph.NewBuilder(), rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		details: map[string]int32{}, extraSecrets: (cfg.Nodes - 1) % accountSize,
	}
	if err := gen.addNodes(accounts, cfg.Targets); err != nil {
		return nil, err
	}
	if err := gen.addStructure(); err != nil {
		return nil, err
	}
	if err := gen.fillReads(cfg.Edges); err != nil {
		return nil, err
	}
	return gen.b.Freeze(), nil
}

// generator holds the builder and where each account's nodes are.
type generator struct {
	b            *graph.Builder
	rng          *rand.Rand
	ids          []string
	accounts     []account
	extraSecrets int
	details      map[string]int32
	edges        int
}

// account is the provisional index of the first node of each kind.
type account struct {
	id                                                            string
	lb, instance, imds, function, role, user, bucket, key, secret int32
	secrets                                                       int
}

func (g *generator) add(n graph.Node) (int32, error) {
	i, err := g.b.AddNode(n)
	if err != nil {
		return 0, fmt.Errorf("synthgraph: %w", err)
	}
	g.ids = append(g.ids, n.ID)
	return i, nil
}
