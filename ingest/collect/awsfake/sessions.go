package awsfake

import (
	"fmt"
	"sync"
)

// principal is who signs a request: the user of the starting credentials,
// or a session of an assumed role.
type principal struct {
	account *account
	arn     string
	userID  string
}

// sessions remembers the credentials AssumeRole issued, so that a request
// signed with them is answered from the role's account.
type sessions struct {
	mu    sync.Mutex
	count int
	byKey map[string]principal
}

func newSessions() *sessions { return &sessions{byKey: map[string]principal{}} }

// issue returns new temporary credentials for p.
func (s *sessions) issue(p principal) (accessKey, secretKey, token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count++
	accessKey = fmt.Sprintf("ASIAAWSFAKE%09d", s.count)
	s.byKey[accessKey] = p
	return accessKey, fmt.Sprintf("awsfake-secret-%d", s.count), fmt.Sprintf("awsfake-session-token-%d", s.count)
}

// principal is who holds accessKey: a session the fake issued, else the
// user of the starting credentials in the estate's home account.
func (s *sessions) principal(accessKey string, est *estate) principal {
	s.mu.Lock()
	p, ok := s.byKey[accessKey]
	s.mu.Unlock()
	if ok {
		return p
	}
	return principal{
		account: est.home,
		arn:     "arn:aws:iam::" + est.home.id + ":user/awsfake",
		userID:  "AIDAAWSFAKEUSER000001",
	}
}
