package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// accountResult is one account directory converted to an Estate.
type accountResult struct {
	dir          string
	account      string
	accountKnown bool // named by the manifest or the directory
	estate       *ingest.Estate
	orgNames     map[string]string // account id → name, from the organisation files
}

// loadAccount reads and converts one account directory. prefix is the
// directory's path relative to the loaded directory, for error messages.
func loadAccount(dir, name, prefix string) (*accountResult, error) {
	files, err := readAccountFiles(dir, name, prefix)
	if err != nil {
		return nil, err
	}
	return convertAccount(files)
}

func readAccountFiles(dir, name, prefix string) (*accountFiles, error) {
	a := &accountFiles{dir: prefix, dirName: name}
	top := &regionFiles{}
	a.regions = append(a.regions, top)
	entries, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	var folders []string
	for _, e := range entries {
		switch {
		case e.IsDir() && isRegion(e.Name()):
			folders = append(folders, e.Name())
		case e.IsDir():
			return nil, &Error{File: prefix + e.Name(), Err: fmt.Errorf("unknown directory: an account snapshot holds only snapshot files and region folders (us-east-1/, ...)")}
		}
	}
	if err := readFiles(dir, prefix, a, top); err != nil {
		return nil, err
	}
	sort.Strings(folders)
	for _, f := range folders {
		r := &regionFiles{folder: f}
		if err := readFiles(filepath.Join(dir, f), prefix+f+"/", a, r); err != nil {
			return nil, err
		}
		a.regions = append(a.regions, r)
	}
	return a, nil
}

// readFiles decodes the snapshot files of one directory level; in a region
// folder (r.folder set) only region-scoped files may appear.
func readFiles(dir, prefix string, a *accountFiles, r *regionFiles) error {
	entries, err := readDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		rel := prefix + e.Name()
		if e.IsDir() {
			if r.folder != "" {
				return &Error{File: rel, Err: fmt.Errorf("unknown directory inside region folder %s", r.folder)}
			}
			continue
		}
		kind, ok := kindByName(e.Name())
		if !ok {
			return &Error{File: rel, Err: unknownFileError(e.Name())}
		}
		if kind.scope == accountScope && r.folder != "" {
			return &Error{File: rel, Err: fmt.Errorf("%s describes the whole account: put it at the top of the account directory, not in region folder %s", e.Name(), r.folder)}
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		if err := kind.decode(rel, data, a, r); err != nil {
			return err
		}
	}
	return nil
}
