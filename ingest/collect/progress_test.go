package collect

import (
	"bytes"
	"log/slog"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBarsShowServicesInFlightAndGaps(t *testing.T) {
	var out bytes.Buffer
	b := NewBars(&out)
	iam := Task{Account: "111122223333", Service: "iam"}
	ec2 := Task{Account: "111122223333", Region: "us-east-1", Service: "ec2"}
	kms := Task{Account: "111122223333", Region: "us-east-1", Service: "kms"}
	b.Plan([]Task{iam, ec2, kms})
	regional := b.rows[rowKey{"111122223333", "us-east-1"}]
	b.Start(ec2)
	b.Start(kms)
	assert.Equal(t, " ec2,kms", b.status(regional))
	b.Done(ec2, 0)
	b.Done(kms, 2)
	assert.Equal(t, " 2 not collected", b.status(regional))
	b.Start(iam)
	b.Done(iam, 0)
	b.Close()
}

func TestProgressIsSafeFromManyGoroutines(t *testing.T) {
	var tasks []Task
	for _, r := range []string{"", "us-east-1", "eu-west-1"} {
		for _, s := range ServiceNames() {
			tasks = append(tasks, Task{Account: "111122223333", Region: r, Service: s})
		}
	}
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	for _, p := range []Progress{NewBars(&bytes.Buffer{}), NewLogProgress(logger), NoProgress{}} {
		p.Plan(tasks)
		var wg sync.WaitGroup
		for _, task := range tasks {
			wg.Go(func() {
				p.Start(task)
				p.Done(task, 1)
			})
		}
		wg.Wait()
		p.Close()
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, len(tasks), bytes.Count(logs.Bytes(), []byte("msg=collected")))
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
