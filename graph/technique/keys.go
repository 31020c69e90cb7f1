package technique

import (
	"regexp"
	"slices"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// accessKeyID matches AWS access key ids: AKIA for a user's long-term key,
// ASIA for temporary credentials.
var accessKeyID = regexp.MustCompile(`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`)

// leakedKey is a user's active access key found in configuration text.
type leakedKey struct {
	id   string
	user string // the user's ARN
}

// leakedKeys finds the access key ids in text that belong to an active key
// of a user in the estate. ASIA ids are temporary credentials of a session,
// not of a user, and are reported as unmatched along with unknown AKIA ids.
func (env *Env) leakedKeys(text string) (found []leakedKey, unmatched []string) {
	ids := accessKeyID.FindAllString(text, -1)
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if k, ok := env.activeKey(id); ok {
			found = append(found, leakedKey{id: id, user: k.User})
		} else {
			unmatched = append(unmatched, id)
		}
	}
	return found, unmatched
}

func (env *Env) activeKey(id string) (ingest.AccessKey, bool) {
	for _, k := range env.Estate.AccessKeys {
		if k.ID == id && k.Status != "Inactive" {
			return k, true
		}
	}
	return ingest.AccessKey{}, false
}

// maskKey shows enough of a key id to find it, as AWS's console does.
func maskKey(id string) string {
	if len(id) < 8 {
		return id
	}
	return id[:4] + "…" + id[len(id)-4:]
}
