package queries

// FixDisruption says how much cutting an edge of a technique costs its
// owners, from 1 (a setting nobody relies on) to 3 (closing a service to
// its users). Chokepoints uses it only to choose among cuts of the same,
// smallest size: a chain internet → i-0waf → IMDS → role → bucket can be cut
// at any of its four hops, and requiring IMDSv2 breaks nothing, whereas
// closing the WAF to the internet closes the shop.
func FixDisruption(technique string) int {
	if d, ok := fixDisruption[technique]; ok {
		return d
	}
	return defaultFixDisruption
}

const (
	defaultFixDisruption = 2 // removing a permission or a trust: least privilege
	maxFixDisruption     = 3
)

var fixDisruption = map[string]int{
	// Settings that only attackers use.
	"ssrf-imdsv1":              1, // require IMDSv2
	"public-bucket-policy":     1, // turn on Block Public Access
	"lambda-env-credentials":   1, // move the key to Secrets Manager
	"ec2-userdata-credentials": 1, // move the key out of user data
	// Exposure that is usually the service's purpose.
	"internet-ingress":      3,
	"load-balancer-forward": 3,
}
