//go:build !unix

package document

import "os/exec"

// ownGroup does nothing where processes have no groups.
func ownGroup(*exec.Cmd) {}

// killGroup kills a started command.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		cmd.Process.Kill()
	}
}
