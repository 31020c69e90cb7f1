package awsfake

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// estate is every account the fake serves.
type estate struct {
	accounts map[string]*account
	// home is the account of the credentials the clients start with (any
	// key the fake did not issue): the organisation's management account
	// when the snapshot holds it, else the lowest account id.
	home *account
}

// loadEstate reads dir as one account's snapshot when it holds snapshot
// files, else as a parent of account snapshot directories.
func loadEstate(dir string) (*estate, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read snapshot %s: %w", dir, err)
	}
	e := &estate{accounts: map[string]*account{}}
	if holdsSnapshotFiles(entries) {
		a, err := loadAccount(dir)
		if err != nil {
			return nil, fmt.Errorf("read snapshot %s: %w", dir, err)
		}
		e.accounts[a.id], e.home = a, a
		return e, nil
	}
	for _, entry := range entries {
		if !entry.IsDir() || strings.HasPrefix(entry.Name(), ".") {
			continue
		}
		a, err := loadAccount(filepath.Join(dir, entry.Name()))
		if err != nil {
			return nil, fmt.Errorf("read snapshot %s: %w", dir, err)
		}
		if other := e.accounts[a.id]; other != nil {
			return nil, fmt.Errorf("read snapshot %s: account %s is in both %s and %s", dir, a.id, other.dir, a.dir)
		}
		e.accounts[a.id] = a
	}
	if len(e.accounts) == 0 {
		return nil, fmt.Errorf("read snapshot %s: no snapshot files and no account directories", dir)
	}
	e.home = e.management()
	return e, nil
}

func holdsSnapshotFiles(entries []os.DirEntry) bool {
	for _, entry := range entries {
		if !entry.IsDir() && (accountFiles[entry.Name()] || regionFiles[entry.Name()]) {
			return true
		}
	}
	return false
}

// management is the account whose organisation names it as the management
// account, else the lowest account id.
func (e *estate) management() *account {
	ids := sortedKeys(e.accounts)
	for _, id := range ids {
		org := object(e.accounts[id].file("organizations-describe-organization.json")["Organization"])
		if text(org["MasterAccountId"]) == id {
			return e.accounts[id]
		}
	}
	return e.accounts[ids[0]]
}
