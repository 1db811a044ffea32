package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func copySeed(t *testing.T, dir, name string, edit func(string) string) string {
	t.Helper()
	data, err := os.ReadFile(seeds(t)[1]) // 新乡市 2025, Traditional
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if edit != nil {
		text = edit(text)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFolderInput: a folder is walked for reports; the tool's own output,
// hidden files and unsupported files beside them are left alone.
func TestFolderInput(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "2025")
	os.Mkdir(sub, 0o755)
	copySeed(t, sub, "新乡市.txt", nil)
	os.WriteFile(filepath.Join(dir, "指标汇总.xlsx"), []byte("PK"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("地区生产总值增长99%"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.csv"), []byte("a,b"), 0o644)
	code, out, stderr := runCLI("extract", "--format", "tsv", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "新乡市.txt\t新乡市\tgdp\t2024\tactual\tlevel\t3569.7") || strings.Contains(out, "99") {
		t.Errorf("folder not read as expected:\n%s", out)
	}
}

// TestManifest: a manifest sets the region and year of a file whose text
// does not tell them.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "unnamed.txt")
	os.WriteFile(p, []byte("一、工作回顾\n过去一年,全县地区生产总值增长5.5%。\n"), 0o644)
	manifest := filepath.Join(dir, "manifest.csv")
	os.WriteFile(manifest, []byte("\ufeffpath,region,year\nunnamed.txt,浮山县,2019\n"), 0o644)
	code, out, stderr := runCLI("extract", "--format", "tsv", "--manifest", manifest, p)
	if code != exitOK || !strings.Contains(out, "unnamed.txt\t浮山县\tgdp\t2018\tactual\tgrowth\t5.5") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
	// A row that names no input is said, with its line.
	typo := filepath.Join(dir, "typo.csv")
	os.WriteFile(typo, []byte("path,region,year\nunamed.txt,浮山县,2019\n"), 0o644)
	if _, _, stderr := runCLI("extract", "--manifest", typo, p); !strings.Contains(stderr, "typo.csv:2: no input is named "+filepath.Join(dir, "unamed.txt")) {
		t.Errorf("a row that names no input: %q", stderr)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("path,region,year\nunnamed.txt,浮山县,twenty\n"), 0o644)
	code, _, stderr = runCLI("extract", "--manifest", bad, p)
	if code != exitInput || !strings.Contains(stderr, "bad.csv:2:") {
		t.Errorf("bad manifest: exit %d, %q", code, stderr)
	}
}

// TestDuplicateReports: the same region and year twice with the same
// figures is read once; with different figures the later file is not used
// and both files are named.
func TestDuplicateReports(t *testing.T) {
	dir := t.TempDir()
	a := copySeed(t, dir, "a.txt", nil)
	same := copySeed(t, dir, "b.md", nil)
	code, _, stderr := runCLI("extract", a, same)
	if code != exitOK || !strings.Contains(stderr, "b.md: the same 新乡市 2025 report as "+a) {
		t.Errorf("same figures: exit %d, %q", code, stderr)
	}
	other := copySeed(t, dir, "c.txt", func(s string) string { return strings.Replace(s, "3569.7億元", "3570.1億元", 1) })
	code, out, stderr := runCLI("extract", "--format", "tsv", a, other)
	if code != exitInput || !strings.Contains(stderr, "c.txt: another 新乡市 2025 report, with figures different from "+a) {
		t.Errorf("different figures: exit %d, %q", code, stderr)
	}
	if strings.Contains(out, "3570.1") {
		t.Error("the later, differing report won silently")
	}
}

func TestStrict(t *testing.T) {
	// A text that never speaks of itself as a region: its region is read
	// from the names it uses alone, with a warning.
	path := filepath.Join(t.TempDir(), "excerpt.txt")
	text := "2024年工作回顾\n新乡地区生产总值增长5%，新乡规模以上工业增加值增长6%，新乡市固定资产投资增长8%。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("extract", "--lang", "en", "--strict", path)
	if code != exitInput || !strings.Contains(stderr, "region 新乡市 read only from the names") {
		t.Errorf("--strict: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCLI("extract", path); code != exitOK {
		t.Errorf("without --strict a warning is not an error: exit %d", code)
	}
}

// TestBadInputs: each bad input gets a clear message naming it, and the
// good input beside it is still read.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 512)...)
	cases := []struct {
		path, want string
	}{
		{write("empty.txt", nil), "empty file"},
		{write("image.txt", png), "PNG image"},
		{write("report.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")), "docx"},
		{write("report.docx", []byte("not a zip")), "not a zip"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
	}
	args := []string{"extract", "--format", "tsv"}
	for _, c := range cases {
		args = append(args, c.path)
	}
	args = append(args, seeds(t)[2])
	code, out, stderr := runCLI(args...)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	for _, c := range cases {
		if !strings.Contains(stderr, c.path+": ") || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: want a message with %q in\n%s", c.path, c.want, stderr)
		}
	}
	if !strings.Contains(out, "牧野区\tgdp") {
		t.Error("the good input was not read")
	}
	// A file that cannot be read: one without read permission, or, for
	// root, who reads anything, a file whose reading fails.
	unreadable, want := write("locked.txt", []byte("地区生产总值增长5%")), "permission denied"
	os.Chmod(unreadable, 0)
	if os.Geteuid() == 0 {
		unreadable, want = "/proc/self/mem", "input/output error"
	}
	if code, _, stderr := runCLI("extract", unreadable, seeds(t)[2]); code != exitInput || !strings.Contains(stderr, unreadable+": "+want) {
		t.Errorf("unreadable file: exit %d, %q", code, stderr)
	}
}

// TestHugeLine: a 100 MB file that is one line is refused before it is
// read, so it costs neither the time nor the memory of reading it.
func TestHugeLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("地区生产总值增长5%,", 1000))
	for written := 0; written < 100<<20; written += len(line) {
		f.Write(line)
	}
	f.Close()
	code, _, stderr := runCLI("extract", p)
	if code != exitInput || !strings.Contains(stderr, "input too large") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}
