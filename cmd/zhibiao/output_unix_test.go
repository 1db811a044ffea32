//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputChecks: an output that is one of the run's inputs or files,
// that is no regular file, or that cannot be replaced, is refused before
// any input is read, with a message that names it and says why; the
// file is left as it was.
func TestOutputChecks(t *testing.T) {
	dir := t.TempDir()
	report := copySeeds(t, dir, 1)[0]
	manifest := filepath.Join(dir, "清单.csv")
	os.WriteFile(manifest, []byte("path,region,year\n"), 0o644)
	layout := filepath.Join(dir, "版式.json")
	_, layoutText, _ := runCLI("layout")
	os.WriteFile(layout, []byte(layoutText), 0o644)
	fifo := filepath.Join(dir, "fifo.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "stdout.xlsx")
	os.Symlink("/proc/self/fd/1", link)

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"the input itself", []string{"export", "-o", report, report}, "is also an input"},
		{"a file inside an input folder", []string{"export", "-o", report, dir}, "is also an input"},
		{"the manifest", []string{"export", "-o", manifest, "--manifest", manifest, report}, "is also an input"},
		{"the layout", []string{"export", "-o", layout, "--layout", layout, report}, "is also an input"},
		{"fill into a report", []string{"fill", "--template", "../../templates/examples/月报模板.xlsx", "-o", report, report}, "is also an input"},
		{"a pipe", []string{"export", "-o", fifo, report}, "not a regular file but a pipe"},
		{"a device", []string{"export", "-o", os.DevNull, report}, "not a regular file but a device"},
		{"a link to standard output", []string{"export", "-o", link, report}, "not a regular file"},
		{"an empty name", []string{"export", "-o", "", report}, "-o must name a file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := mustRead(t, report)
			code, _, stderr := runCLI(append([]string{c.args[0], "--lang", "en"}, c.args[1:]...)...)
			if code == exitOK || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, %q; want %q", code, stderr, c.want)
			}
			if strings.Contains(stderr, "reports read") {
				t.Error("inputs were read before the output was checked")
			}
			unchangedFile(t, report, before)
		})
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Errorf("%s was replaced by a regular file", os.DevNull)
	}
	if os.Geteuid() != 0 { // root writes over read-only files
		ro := filepath.Join(dir, "ro.xlsx")
		os.WriteFile(ro, []byte("x"), 0o444)
		code, _, stderr := runCLI("export", "--lang", "en", "-o", ro, report)
		if code != exitInput || !strings.Contains(stderr, ro+": cannot be replaced: it is read-only or owned by another user") {
			t.Errorf("read-only output: exit %d, %q", code, stderr)
		}
	}
}
