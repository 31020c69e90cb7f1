//go:build unix

package snapshot

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used (user and system), the
// honest measure on a machine whose cores other work shares.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
