//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptCleansUp: a run stopped while pdftotext reads a PDF (by a
// service manager's SIGTERM) kills pdftotext and removes its temporary
// copy of the PDF, and ends with the status of the signal.
func TestInterruptCleansUp(t *testing.T) {
	dir := t.TempDir()
	bin, tmp := filepath.Join(dir, "bin"), filepath.Join(dir, "tmp")
	os.Mkdir(bin, 0o755)
	os.Mkdir(tmp, 0o755)
	mark := filepath.Join(dir, "pdftotext.pid")
	// A pdftotext that says its process id and never ends.
	script := "#!/bin/sh\necho $$ > " + mark + ".part && mv " + mark + ".part " + mark + "\nexec sleep 60\n"
	if err := os.WriteFile(filepath.Join(bin, "pdftotext"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n%%EOF\n"), 0o644)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ZHIBIAO_ARGS=extract\x1f"+pdf, "PATH="+bin+":"+os.Getenv("PATH"), "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var pid int
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(mark); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			break
		}
	}
	if pid == 0 {
		cmd.Process.Kill()
		t.Fatal("pdftotext did not start")
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 143 {
		t.Errorf("stopped run: %v, want exit status 143", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left behind in the temporary folder: %v", left)
	}
	for deadline := time.Now().Add(5 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("pdftotext (%d) outlived the run", pid)
		}
	}
}

// alive reports whether a process runs (a zombie does not).
func alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return syscall.Kill(pid, 0) == nil && !errors.Is(err, os.ErrNotExist)
	}
	f := strings.Fields(string(stat))
	return len(f) > 2 && f[2] != "Z"
}
