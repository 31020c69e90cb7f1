package collect

import (
	"log/slog"
	"time"
)

// Task is one unit of collection: one service of one account, in one
// region ("" for global services).
type Task struct {
	Account string
	Region  string
	Service string
}

// Progress is told what the collection does. Its methods are called from
// several goroutines at once.
type Progress interface {
	// Plan is called once with every task, before any starts.
	Plan(tasks []Task)
	Start(t Task)
	// Done is called when a task ends, with the number of gaps it
	// recorded.
	Done(t Task, gaps int)
	// Close is called once at the end, also when the collection stopped.
	Close()
}

// NoProgress reports nothing.
type NoProgress struct{}

func (NoProgress) Plan([]Task)    {}
func (NoProgress) Start(Task)     {}
func (NoProgress) Done(Task, int) {}
func (NoProgress) Close()         {}

// LogProgress reports each finished task as a log line, for output that
// is not a terminal.
type LogProgress struct {
	Logger *slog.Logger
	start  time.Time
}

// NewLogProgress reports through logger.
func NewLogProgress(logger *slog.Logger) *LogProgress {
	return &LogProgress{Logger: logger}
}

func (p *LogProgress) Plan(tasks []Task) {
	p.start = time.Now()
	p.Logger.Info("collecting", "tasks", len(tasks))
}

func (p *LogProgress) Start(t Task) {
	p.Logger.Debug("start", "account", t.Account, "region", regionLabel(t.Region), "service", t.Service)
}

func (p *LogProgress) Done(t Task, gaps int) {
	p.Logger.Info("collected", "account", t.Account, "region", regionLabel(t.Region), "service", t.Service, "not_collected", gaps)
}

func (p *LogProgress) Close() {
	p.Logger.Info("finished", "elapsed", time.Since(p.start).Round(time.Millisecond))
}

// regionLabel names the region of a task for people: global services have
// none.
func regionLabel(region string) string {
	if region == "" {
		return "global"
	}
	return region
}
