package technique

import "github.com/pathfinder-sec/pathfinder/ingest"

// peerStep is a step on another user of the attacker's account that yields
// that user's credentials; it returns nil when the step does not work.
type peerStep func(p string, u *ingest.User) (*escalation, error)

// derivePeers runs a peer step from every principal that may call action
// against every other user of its account. An edge to every user is right:
// each user is a position of its own, whatever it is allowed.
func (env *Env) derivePeers(t *Technique, action string, step peerStep) error {
	users := usersByAccount(env.Estate)
	for _, p := range env.escalators(action) {
		scope, err := env.authz.scopeOf(p, action)
		if err != nil {
			return err
		}
		for _, u := range users[accountOf(p)] {
			if u.ARN == p || !scope.mayName(u.ARN) {
				continue
			}
			e, err := step(p, u)
			if err != nil {
				return err
			}
			if e == nil {
				continue
			}
			if err := env.emitEscalation(t, e); err != nil {
				return err
			}
		}
	}
	return nil
}
