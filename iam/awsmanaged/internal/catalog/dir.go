package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// FileName returns where a record lives in a source directory: its ARN
// path with a .json suffix, so "job-function/ViewOnlyAccess.json".
func FileName(r Record) string { return filepath.FromSlash(r.Path() + ".json") }

// ReadDir reads every record under dir, checks that each file sits where
// its ARN says and that no ARN or name occurs twice, and returns the
// records sorted by ARN.
func ReadDir(dir string) ([]Record, error) {
	var records []Record
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		r, err := readRecordFile(dir, p)
		if err != nil {
			return err
		}
		records = append(records, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read catalogue sources %s: %w", dir, err)
	}
	Sort(records)
	if err := checkUnique(records); err != nil {
		return nil, fmt.Errorf("read catalogue sources %s: %w", dir, err)
	}
	return records, nil
}

func readRecordFile(dir, p string) (Record, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return Record{}, err
	}
	r, err := DecodeRecord(data)
	if err != nil {
		return Record{}, fmt.Errorf("%s: %w", p, err)
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return Record{}, err
	}
	if want := FileName(r); rel != want {
		return Record{}, fmt.Errorf("%s: a record for %s belongs in %s", p, r.ARN, want)
	}
	return r, nil
}

// checkUnique rejects two records for one ARN, and two records for one
// name: IAM names are unique in an account whatever their path, and
// lookups by bare name rely on that.
func checkUnique(sorted []Record) error {
	names := map[string]string{}
	for i, r := range sorted {
		if i > 0 && sorted[i-1].ARN == r.ARN {
			return fmt.Errorf("%s occurs twice", r.ARN)
		}
		key := strings.ToLower(r.Name)
		if other, ok := names[key]; ok {
			return fmt.Errorf("%s and %s have the same name", other, r.ARN)
		}
		names[key] = r.ARN
	}
	return nil
}

// WriteRecord writes r into the source directory dir, replacing any
// earlier version of the same policy.
func WriteRecord(dir string, r Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	data, err := MarshalRecord(r)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, FileName(r))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

// Sort orders records by ARN.
func Sort(records []Record) {
	sort.Slice(records, func(i, j int) bool { return records[i].ARN < records[j].ARN })
}

// nameFromARN returns the last segment of an AWS managed policy ARN.
func nameFromARN(arn string) string { return path.Base(strings.TrimPrefix(arn, ARNPrefix)) }
