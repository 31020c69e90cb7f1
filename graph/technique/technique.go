package technique

import "github.com/pathfinder-sec/pathfinder/graph"

// Technique is one attack technique: a documented way to get from one node
// to another, and the function that finds every instance of it in an estate.
type Technique struct {
	// ID is the technique id of SNAPSHOT.md §3 (internet-ingress, ...).
	ID string
	// Title is a short human name.
	Title string
	// Attack is the MITRE ATT&CK technique id (T1190, T1552.005, ...).
	Attack string
	// Why explains why the step works, for reports.
	Why string
	// Remediation is the general fix; edges carry a specific one.
	Remediation string
	// Cost is the effort/likelihood weight of one hop: an anonymous HTTP
	// request is cheap, code execution on a host dear.
	Cost float64
	// Assumes lists capabilities the step needs beyond its source node;
	// queries exclude such edges unless asked to assume them.
	Assumes []graph.Assumption
	// Permissions are the exact IAM actions the step needs, all of them
	// (empty for network steps).
	Permissions []string
	// Yields says what the attacker holds after the step.
	Yields string
	// Steps are the exploitation steps as commands (aws CLI), for reports
	// and red teams.
	Steps []string
	// Catalogue lists the public catalogue entries the technique matches
	// (pathfinding.cloud ids such as "iam-001", Rhino Security Labs' list).
	Catalogue []string
	// References are URLs of the documentation and research behind it.
	References []string
	// Derive emits this technique's edges; it gets its own technique so
	// that edges cite it without the value referring to itself.
	Derive func(env *Env, t *Technique) error
}

// Costs shared by several techniques, so relative weights stay coherent.
const (
	costNetwork     = 1.0 // one anonymous request over the network
	costCredential  = 0.5 // using credentials one already holds
	costExploit     = 2.0 // exploiting an application flaw (SSRF)
	costRCE         = 5.0 // code execution on a host
	costConditional = 1.0 // added when an IAM condition must also hold
)

// Technique IDs that techniques cite for one another (an SSE-KMS read is
// s3-read + kms-decrypt). They are the contract of SNAPSHOT.md §3.
const (
	idS3Read             = "s3-read"
	idKMSDecrypt         = "kms-decrypt"
	idPublicBucketPolicy = "public-bucket-policy"
)
