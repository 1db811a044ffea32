//go:build unix

package document

import (
	"os/exec"
	"syscall"
)

// ownGroup makes a command the leader of a process group of its own, so
// that it can be killed with all it starts.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// killGroup kills a started command's process group.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
