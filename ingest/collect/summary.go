package collect

import (
	"fmt"
	"io"
	"strings"
)

// Summary says what a collection wrote.
type Summary struct {
	Out      string
	Accounts []AccountSummary
}

// AccountSummary is one account's directory and what it lacks.
type AccountSummary struct {
	ID           string
	Dir          string
	Regions      []string
	Files        int
	NotCollected []Gap
}

func summarise(out string, accounts []*account) *Summary {
	s := &Summary{Out: out}
	for _, a := range accounts {
		a.dir.mu.Lock()
		files := a.dir.files
		a.dir.mu.Unlock()
		s.Accounts = append(s.Accounts, AccountSummary{
			ID: a.id, Dir: a.dir.path, Regions: a.regions, Files: files, NotCollected: a.dir.notCollected(),
		})
	}
	return s
}

// Gaps counts the parts not collected, over all accounts.
func (s *Summary) Gaps() int {
	n := 0
	for _, a := range s.Accounts {
		n += len(a.NotCollected)
	}
	return n
}

// WriteText prints the summary for people: one line per account, then
// every part that was not collected.
func (s *Summary) WriteText(w io.Writer) {
	for _, a := range s.Accounts {
		regions := strings.Join(a.Regions, ", ")
		if regions == "" {
			regions = "none"
		}
		fmt.Fprintf(w, "account %s: %d files in %s (regions: %s)\n", a.ID, a.Files, a.Dir, regions)
	}
	if s.Gaps() == 0 {
		fmt.Fprintln(w, "everything was collected")
		return
	}
	parts := "parts were"
	if s.Gaps() == 1 {
		parts = "part was"
	}
	fmt.Fprintf(w, "%d %s not collected (listed in manifest.json's not_collected):\n", s.Gaps(), parts)
	for _, a := range s.Accounts {
		for _, g := range a.NotCollected {
			fmt.Fprintf(w, "  account %s: %s\n", a.ID, g)
		}
	}
}
