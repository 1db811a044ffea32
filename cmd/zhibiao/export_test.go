package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportWritesWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "指标汇总.xlsx")
	code, _, stderr := runCLI(append([]string{"export", "-o", out, "--as-of", "2025-03-01"}, seeds(t)...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("%s is not a zip", out)
	}
	// The same inputs give the same bytes.
	out2 := filepath.Join(t.TempDir(), "again.xlsx")
	if code, _, stderr := runCLI(append([]string{"export", "-o", out2, "--as-of", "2025-03-01"}, seeds(t)...)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data2, _ := os.ReadFile(out2)
	if !bytes.Equal(data, data2) {
		t.Error("two exports of the same inputs differ")
	}
}

// TestExportBadOutput: an output that cannot be written is an error before
// any input is read, and nothing is left behind.
func TestExportBadOutput(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, out, want string
	}{
		{"missing folder", filepath.Join(dir, "no", "such", "out.xlsx"), "does not exist"},
		{"a folder", dir, "is a folder"},
	} {
		code, _, stderr := runCLI(append([]string{"export", "-o", c.out}, seeds(t)...)...)
		if code != exitInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, stderr, exitInput, c.want)
		}
		if strings.Contains(stderr, "guessed") {
			t.Errorf("%s: inputs were read before the output was checked", c.name)
		}
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		code, _, stderr := runCLI(append([]string{"export", "-o", filepath.Join(ro, "out.xlsx")}, seeds(t)...)...)
		if code != exitInput || !strings.Contains(stderr, "cannot write") {
			t.Errorf("read-only folder: exit %d, stderr %q", code, stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".zhibiao") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestExportFailedInput: a bad input is reported, the others make the
// workbook, and the exit status is 1; with --strict nothing is written.
func TestExportFailedInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	out := filepath.Join(dir, "out.xlsx")
	code, _, stderr := runCLI(append([]string{"export", "-o", out, empty}, seeds(t)...)...)
	if code != exitInput || !strings.Contains(stderr, empty+": ") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("workbook not written for the good inputs: %v", err)
	}
	strictOut := filepath.Join(dir, "strict.xlsx")
	code, _, _ = runCLI(append([]string{"export", "--strict", "-o", strictOut, empty}, seeds(t)...)...)
	if _, err := os.Stat(strictOut); code != exitInput || err == nil {
		t.Errorf("--strict: exit %d, file written: %v", code, err == nil)
	}
}
