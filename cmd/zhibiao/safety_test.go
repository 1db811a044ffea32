package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// monthOfWork writes a workbook of three reports into a folder of its
// own, as last month's run left it, and returns the folder, the reports'
// paths and the workbook's path and bytes.
func monthOfWork(t *testing.T) (dir string, reports []string, out string, data []byte) {
	t.Helper()
	dir = t.TempDir()
	reports = copySeeds(t, dir, 0, 1, 3)
	out = filepath.Join(dir, "指标汇总.xlsx")
	if code, _, stderr := runCLI(append([]string{"export", "-o", out}, reports...)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return dir, reports, out, data
}

// unchangedFile fails the test when path no longer holds data.
func unchangedFile(t *testing.T, path string, data []byte) {
	t.Helper()
	now, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(now, data) {
		t.Errorf("%s was changed (%v)", path, err)
	}
}

// TestNothingReadWritesNothing: a run that reads no report writes no
// workbook and leaves the one there as it was.
func TestNothingReadWritesNothing(t *testing.T) {
	dir, reports, out, data := monthOfWork(t)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte{}, 0o644)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"a mistyped folder", []string{filepath.Join(dir, "报吿")}},
		{"every input fails", []string{bad, filepath.Join(dir, "missing.txt")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(append([]string{"export", "--lang", "en", "-o", out}, c.args...)...)
			if code != exitInput || !strings.Contains(stderr, "no report was read; "+out+" not written") {
				t.Errorf("exit %d, %q", code, stderr)
			}
			unchangedFile(t, out, data)
			if _, err := os.Stat(out + ".bak"); err == nil {
				t.Error("a backup was made of a workbook not replaced")
			}
		})
	}
	_ = reports
}

// TestNoWorkbookShrinks: a run of fewer reports than the workbook there
// was built from — one input fails, or fewer are given, or one file is
// dropped onto the folder — keeps that workbook and writes beside it,
// saying which reports are missing and why; --replace overwrites, keeping
// the old one as .bak.
func TestNoWorkbookShrinks(t *testing.T) {
	dir, reports, out, data := monthOfWork(t)
	code, _, stderr := runCLI("export", "--lang", "en", "-o", out, reports[0], reports[1])
	beside := filepath.Join(dir, "指标汇总(2).xlsx")
	if code != exitOK || !strings.Contains(stderr, "holds 1 reports this run did not read: "+filepath.Base(reports[2])+"（not given）") ||
		!strings.Contains(stderr, "wrote "+beside) {
		t.Errorf("fewer inputs: exit %d, %q", code, stderr)
	}
	unchangedFile(t, out, data)
	if _, err := os.Stat(beside); err != nil {
		t.Errorf("no workbook beside: %v", err)
	}

	// An input that fails: its error is the reason.
	os.WriteFile(reports[1], []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0}, 0o644)
	code, _, stderr = runCLI(append([]string{"export", "--lang", "en", "-o", out}, reports...)...)
	if code != exitInput || !strings.Contains(stderr, filepath.Base(reports[1])+"（") || !strings.Contains(stderr, "指标汇总(3).xlsx") {
		t.Errorf("a failed input: exit %d, %q", code, stderr)
	}
	unchangedFile(t, out, data)

	// A drop of one file onto the folder of the workbook.
	one := copySeeds(t, t.TempDir(), 2)[0]
	dropped := filepath.Join(dir, filepath.Base(one))
	os.WriteFile(dropped, mustRead(t, one), 0o644)
	if code, _, stderr := runCLI(dropped); code != exitOK || !strings.Contains(stderr, "kept it") {
		t.Errorf("a drop: exit %d, %q", code, stderr)
	}
	unchangedFile(t, out, data)

	// --replace overwrites, and keeps the workbook it replaces.
	if code, _, stderr := runCLI("export", "--replace", "-o", out, reports[0]); code != exitOK {
		t.Errorf("--replace: exit %d, %q", code, stderr)
	}
	unchangedFile(t, out+".bak", data)
	if now := mustRead(t, out); bytes.Equal(now, data) {
		t.Error("--replace did not replace")
	}
}

// TestForeignOutputKept: a file of the output's name that
// zhibiao did not write is kept.
func TestForeignOutputKept(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "指标汇总.xlsx")
	mine := []byte("a spreadsheet of the analyst's own")
	os.WriteFile(out, mine, 0o644)
	code, _, stderr := runCLI(append([]string{"export", "--lang", "en", "-o", out}, seeds(t)...)...)
	if code != exitOK || !strings.Contains(stderr, "is no workbook zhibiao wrote; kept it") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	unchangedFile(t, out, mine)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBadFlagValues: flags that cannot be numbers or names are usage
// errors before any input is read.
func TestBadFlagValues(t *testing.T) {
	report := seeds(t)[0]
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--tolerance", "NaN", report}, "--tolerance must be a number"},
		{[]string{"export", "--tolerance", "Inf", report}, "--tolerance must be a number"},
		{[]string{"export", "--region", strings.Repeat("区", 40000), report}, "--region must be the name of a region"},
	} {
		code, _, stderr := runCLI(append([]string{c.args[0], "--lang", "en"}, c.args[1:]...)...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %.200q", c.args[:3], code, stderr)
		}
	}
}

// TestBadTemplates: a template with macros, or protected by a password,
// is refused before any input is read, and says what to do.
func TestBadTemplates(t *testing.T) {
	dir := t.TempDir()
	example := mustRead(t, "../../templates/examples/月报模板.xlsx")
	zr, err := zip.NewReader(bytes.NewReader(example), int64(len(example)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		r, _ := f.Open()
		io.Copy(w, r)
		r.Close()
	}
	w, _ := zw.Create("xl/vbaProject.bin")
	w.Write([]byte("macros"))
	zw.Close()
	xlsm := filepath.Join(dir, "宏.xlsm")
	os.WriteFile(xlsm, buf.Bytes(), 0o644)
	locked := filepath.Join(dir, "加密.xlsx")
	os.WriteFile(locked, append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...), 0o644)
	for _, c := range []struct{ template, want string }{
		{xlsm, "holds macros (.xlsm)"},
		{locked, "protected by a password"},
	} {
		code, _, stderr := runCLI("fill", "--lang", "en", "--template", c.template, "-o", filepath.Join(dir, "out.xlsx"), seeds(t)[0])
		if code != exitInput || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "reports read") {
			t.Errorf("%s: exit %d, %q", filepath.Base(c.template), code, stderr)
		}
	}
}

// TestEmptyCatalogueNamed: the message of an empty catalogue names it.
func TestEmptyCatalogueNamed(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "指标.tsv")
	os.WriteFile(empty, nil, 0o644)
	if code, _, stderr := runCLI("indicators", "--lang", "zh", "--catalogue", empty); code != exitInput || !strings.Contains(stderr, empty+": 空文件") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestControlCharactersEscaped: a file name with control characters is
// written with them escaped, not sent to the terminal.
func TestControlCharactersEscaped(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "a\x1b[31mb.txt")
	os.WriteFile(bad, nil, 0o644)
	_, _, stderr := runCLI("extract", bad)
	if strings.ContainsRune(stderr, '\x1b') || !strings.Contains(stderr, `a\x1b[31mb.txt`) {
		t.Errorf("stderr %q", stderr)
	}
}
