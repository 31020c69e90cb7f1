package collect

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// accountDir is one account's snapshot directory being written: it places
// files (region files at the top when one region is collected, else in a
// folder per region), and gathers the gaps for the manifest.
type accountDir struct {
	path    string
	regions []string
	flat    bool

	mu    sync.Mutex
	gaps  []Gap
	files int
}

func newAccountDir(path string, regions []string) *accountDir {
	return &accountDir{path: path, regions: regions, flat: len(regions) == 1}
}

// write saves one snapshot file; region is "" for account-level files.
func (d *accountDir) write(region, file string, v any) error {
	data, err := marshalFile(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", file, err)
	}
	dir := d.path
	if region != "" && !d.flat {
		dir = filepath.Join(d.path, region)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, file), data); err != nil {
		return err
	}
	d.mu.Lock()
	d.files++
	d.mu.Unlock()
	return nil
}

func (d *accountDir) addGap(g Gap) {
	d.mu.Lock()
	d.gaps = append(d.gaps, g)
	d.mu.Unlock()
}

// notCollected returns the gaps so far, sorted and without repeats.
func (d *accountDir) notCollected() []Gap {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gaps = dedupeGaps(d.gaps)
	return append([]Gap{}, d.gaps...)
}

// writeManifest writes manifest.json (docs/snapshot.md), the last file of
// a complete account directory.
func (d *accountDir) writeManifest(account string, collectedAt time.Time) error {
	regions := append([]string{}, d.regions...)
	gaps := d.notCollected()
	notCollected := make([]any, 0, len(gaps))
	for _, g := range gaps {
		notCollected = append(notCollected, newObject().set("region", g.Region).set("service", g.Service).set("reason", g.Reason))
	}
	m := newObject().
		set("account_id", account).
		set("regions", encodeList(regions)).
		set("collected_at", formatTime(collectedAt.Truncate(time.Second))).
		set("not_collected", notCollected)
	return d.write("", "manifest.json", m)
}
