package synth

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Options sizes a synthetic estate. Roles, Instances and Buckets are
// totals, spread evenly over the accounts.
type Options struct {
	Accounts  int
	Roles     int
	Instances int
	Buckets   int
	Seed      uint64
}

// Regions the synthetic accounts use: instances alternate between them,
// each in its own region folder.
var regions = []string{"us-east-1", "eu-west-1"}

// Write writes one account directory per account under dir, named by the
// account id, each with a manifest. dir is created if needed.
func Write(dir string, opt Options) error {
	if opt.Accounts < 1 {
		return errors.New("synth: Accounts must be at least 1")
	}
	if opt.Roles < 0 || opt.Instances < 0 || opt.Buckets < 0 {
		return errors.New("synth: Roles, Instances and Buckets cannot be negative")
	}
	for i := 0; i < opt.Accounts; i++ {
		a := newAccount(i, opt)
		if err := a.write(filepath.Join(dir, a.id)); err != nil {
			return fmt.Errorf("synth: account %s: %w", a.id, err)
		}
	}
	return nil
}

// account is one synthetic account being written.
type account struct {
	index     int
	id        string
	opt       Options
	rng       *rand.Rand
	roles     int
	instances int
	buckets   int
}

func accountID(i int) string { return fmt.Sprintf("%012d", 100000000000+i) }

func newAccount(i int, opt Options) *account {
	share := func(total int) int {
		n := total / opt.Accounts
		if i < total%opt.Accounts {
			n++
		}
		return n
	}
	return &account{
		index: i, id: accountID(i), opt: opt,
		rng:   rand.New(rand.NewPCG(opt.Seed, uint64(i))),
		roles: share(opt.Roles), instances: share(opt.Instances), buckets: share(opt.Buckets),
	}
}

func (a *account) write(dir string) error {
	files := map[string]any{
		"manifest.json": map[string]any{
			"account_id": a.id, "account_name": fmt.Sprintf("synthetic-%d", a.index), "regions": regions,
			"collected_at": "2024-05-14T16:02:11+00:00", "not_collected": []any{},
		},
		"iam-authorization-details.json":         a.authorizationDetails(),
		"iam-list-access-keys.json":              a.accessKeys(),
		"s3-buckets.json":                        a.bucketList(),
		"s3control-get-public-access-block.json": map[string]any{"PublicAccessBlockConfiguration": bpa(a.index%3 != 0)},
	}
	for r, region := range regions {
		n := a.instances / len(regions)
		if r < a.instances%len(regions) {
			n++
		}
		net := a.network(region, r)
		for name, content := range net.files(a, n) {
			files[filepath.Join(region, name)] = content
		}
	}
	for _, name := range sortedNames(files) {
		if err := writeJSON(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON writes v indented as the CLI does, to a temporary name first
// so that a reader never sees half a file.
func writeJSON(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "    ")
	if err := enc.Encode(v); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
