package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// Load reads a snapshot directory into an Estate. dir is either one
// account's snapshot or a directory whose sub-directories are account
// snapshots (each with a manifest.json naming its account, or named by the
// 12-digit account id), which are merged. Every slice of the Estate is
// sorted. Bad input is an error wrapping an *Error.
func Load(dir string) (*ingest.Estate, error) {
	est, err := load(dir)
	if err != nil {
		return nil, fmt.Errorf("load snapshot %s: %w", dir, err)
	}
	return est, nil
}

func load(dir string) (*ingest.Estate, error) {
	entries, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	if isAccountDir(entries) {
		part, err := loadAccount(dir, filepath.Base(filepath.Clean(dir)), "")
		if err != nil {
			return nil, err
		}
		return mergeAccounts([]*accountResult{part})
	}
	subdirs, err := accountSubdirs(entries)
	if err != nil {
		return nil, err
	}
	parts, err := loadAccounts(dir, subdirs)
	if err != nil {
		return nil, err
	}
	return mergeAccounts(parts)
}

// visibleEntries are a directory's entries without dotfiles.
type visibleEntries []os.DirEntry

func readDir(dir string) (visibleEntries, error) {
	all, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out visibleEntries
	for _, e := range all {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e)
		}
	}
	return out, nil
}

// isAccountDir tells an account snapshot from a parent of several: an
// account directory holds snapshot files or region folders.
func isAccountDir(entries visibleEntries) bool {
	for _, e := range entries {
		if (!e.IsDir() && isSnapshotFile(e.Name())) || (e.IsDir() && isRegion(e.Name())) {
			return true
		}
	}
	return false
}

func accountSubdirs(entries visibleEntries) ([]string, error) {
	var dirs []string
	for _, e := range entries {
		if !e.IsDir() {
			return nil, &Error{File: e.Name(), Err: unknownFileError(e.Name())}
		}
		dirs = append(dirs, e.Name())
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("no snapshot files and no account directories")
	}
	sort.Strings(dirs)
	return dirs, nil
}

// loadAccounts loads account directories in parallel, one per CPU, and
// returns them in directory order.
func loadAccounts(parent string, subdirs []string) ([]*accountResult, error) {
	parts := make([]*accountResult, len(subdirs))
	errs := make([]error, len(subdirs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(subdirs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				parts[i], errs[i] = loadSubaccount(parent, subdirs[i])
			}
		}()
	}
	for i := range subdirs {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return parts, nil
}

func loadSubaccount(parent, name string) (*accountResult, error) {
	dir := filepath.Join(parent, name)
	entries, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	if !isAccountDir(entries) {
		return nil, fmt.Errorf("directory %s holds no snapshot files: each sub-directory of a multi-account snapshot is one account's snapshot", name)
	}
	part, err := loadAccount(dir, name, name+"/")
	if err != nil {
		return nil, err
	}
	if !part.accountKnown {
		return nil, fmt.Errorf("directory %s: cannot tell its account: add manifest.json with account_id or name the directory by the 12-digit account id", name)
	}
	return part, nil
}
