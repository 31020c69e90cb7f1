//go:build unix

package technique

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, user and system: the
// honest measure on a machine whose two cores other work shares.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
