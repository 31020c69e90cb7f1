package collect

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// Bars is a live display for a terminal: one bar per account and region
// (global services count as one region), naming the services in flight.
type Bars struct {
	out io.Writer

	mu       sync.Mutex
	progress *mpb.Progress
	rows     map[rowKey]*barRow
}

type rowKey struct{ account, region string }

type barRow struct {
	bar     *mpb.Bar
	running []string
	gaps    int
}

// NewBars draws on out, which should be a terminal.
func NewBars(out io.Writer) *Bars {
	return &Bars{out: out, rows: map[rowKey]*barRow{}}
}

func (b *Bars) Plan(tasks []Task) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.progress = mpb.New(mpb.WithOutput(b.out), mpb.WithWidth(30))
	totals := map[rowKey]int64{}
	var order []rowKey
	for _, t := range tasks {
		k := rowKey{t.Account, regionLabel(t.Region)}
		if totals[k] == 0 {
			order = append(order, k)
		}
		totals[k]++
	}
	for _, k := range order {
		row := &barRow{}
		row.bar = b.progress.AddBar(totals[k],
			mpb.PrependDecorators(decor.Name(fmt.Sprintf("%s %-14s", k.account, k.region))),
			mpb.AppendDecorators(decor.CountersNoUnit("%d/%d"), decor.Any(func(decor.Statistics) string {
				return b.status(row)
			})))
		b.rows[k] = row
	}
}

// status is the text after a bar: the services running, then the gaps.
func (b *Bars) status(row *barRow) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var parts []string
	if len(row.running) > 0 {
		parts = append(parts, strings.Join(row.running, ","))
	}
	if row.gaps > 0 {
		parts = append(parts, fmt.Sprintf("%d not collected", row.gaps))
	}
	return " " + strings.Join(parts, "  ")
}

func (b *Bars) Start(t Task) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if row := b.rows[rowKey{t.Account, regionLabel(t.Region)}]; row != nil {
		row.running = append(row.running, t.Service)
	}
}

func (b *Bars) Done(t Task, gaps int) {
	b.mu.Lock()
	row := b.rows[rowKey{t.Account, regionLabel(t.Region)}]
	if row != nil {
		row.running = slices.DeleteFunc(row.running, func(s string) bool { return s == t.Service })
		row.gaps += gaps
	}
	b.mu.Unlock()
	if row != nil {
		row.bar.Increment()
	}
}

// Close ends the display; bars of a stopped collection are aborted.
func (b *Bars) Close() {
	b.mu.Lock()
	p := b.progress
	rows := b.rows
	b.mu.Unlock()
	if p == nil {
		return
	}
	for _, row := range rows {
		if !row.bar.Completed() {
			row.bar.Abort(false)
		}
	}
	p.Wait()
}
