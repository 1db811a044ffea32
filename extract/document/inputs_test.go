package document

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// docTree makes files (and their folders) under dir.
func docTree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	docTree(t, dir,
		"reports/b.txt",
		"reports/a.md",
		"reports/A.HTML",
		"reports/c.htm",
		"reports/d.docx",
		"reports/e.pdf",
		"reports/f.doc",
		"reports/~$d.docx",
		"reports/out.xlsx",
		"reports/old.xls",
		"reports/notes.csv",
		"reports/README",
		"reports/.hidden.txt",
		"reports/.git/x.txt",
		"reports/2024/z.txt",
		"reports/2024/新乡市.txt",
		"reports/2024/deep/y.pdf",
		"reports/2023/x.txt",
		"reports/_old/w.txt",
		"single/odd.xyz",
		".top/t.txt",
	)
	if err := os.Symlink(filepath.Join(dir, "reports"), filepath.Join(dir, "reports", "2024", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "single", "odd.xyz"), filepath.Join(dir, "reports", "2023", "link.txt")); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"folder", []string{j("reports")}, []string{
			j("reports/2023/link.txt"), j("reports/2023/x.txt"),
			j("reports/2024/deep/y.pdf"), j("reports/2024/z.txt"), j("reports/2024/新乡市.txt"),
			j("reports/A.HTML"), j("reports/_old/w.txt"), j("reports/a.md"), j("reports/b.txt"),
			j("reports/c.htm"), j("reports/d.docx"), j("reports/e.pdf"), j("reports/f.doc"),
		}},
		{"files as they are, in the given order", []string{j("single/odd.xyz"), j("reports/out.xlsx"), j("reports/.hidden.txt")},
			[]string{j("single/odd.xyz"), j("reports/out.xlsx"), j("reports/.hidden.txt")}},
		{"no duplicates", []string{j("reports/b.txt"), j("reports/2024"), j("reports/./b.txt"), j("reports/2024/") + "/", j("reports/2024/../2024/z.txt")},
			[]string{j("reports/b.txt"), j("reports/2024/deep/y.pdf"), j("reports/2024/z.txt"), j("reports/2024/新乡市.txt")}},
		{"a hidden folder named on the command line", []string{j(".top")}, []string{j(".top/t.txt")}},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Inputs(tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestInputsRelative checks that relative paths stay relative and clean.
func TestInputsRelative(t *testing.T) {
	dir := t.TempDir()
	docTree(t, dir, "r/a.txt", "r/s/b.txt")
	t.Chdir(dir)
	got, err := Inputs([]string{"./r/", "r/s/b.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join("r", "a.txt"), filepath.Join("r", "s", "b.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestInputsErrors checks that a path that cannot be read is reported and
// does not stop the others.
func TestInputsErrors(t *testing.T) {
	dir := t.TempDir()
	docTree(t, dir, "r/a.txt", "r/locked/b.txt", "r/z.txt")
	missing := filepath.Join(dir, "missing.txt")
	locked := filepath.Join(dir, "r", "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	_, lockedErr := os.ReadDir(locked)

	got, err := Inputs([]string{missing, filepath.Join(dir, "r")})
	want := []string{filepath.Join(dir, "r", "a.txt"), filepath.Join(dir, "r", "z.txt")}
	if lockedErr == nil { // root reads every folder
		want = slices.Insert(want, 1, filepath.Join(dir, "r", "locked", "b.txt"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("error %v, want one naming %s as missing", err, missing)
	}
	if lockedErr != nil && !strings.Contains(err.Error(), locked) {
		t.Errorf("error %v does not name the folder that cannot be read", err)
	}
}

func TestManifest(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("文件,地区,年份\n新乡.txt,新乡市,2025\n")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.FromSlash("/data/reports")
	abs, err := filepath.Abs(filepath.FromSlash("/elsewhere/x.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		csv  string
		want map[string]ManifestEntry
		err  string
	}{
		{"header and rows", "path,region,year\n" +
			"2025/新乡.txt,新乡市,2025\n" +
			"\n" +
			"# a comment\n" +
			"./2024/../2024/牧野.docx , 牧野区 , 2024年\n" +
			"only-year.pdf,,2023\n" +
			"only-region.html,四川省,\n" +
			abs + ",全国,2025\n",
			map[string]ManifestEntry{
				filepath.Join(dir, "2025", "新乡.txt"):   {"新乡市", 2025, 2},
				filepath.Join(dir, "2024", "牧野.docx"):  {"牧野区", 2024, 5},
				filepath.Join(dir, "only-year.pdf"):    {"", 2023, 6},
				filepath.Join(dir, "only-region.html"): {"四川省", 0, 7},
				abs:                                    {"全国", 2025, 8},
			}, ""},
		{"no header", "a.txt,新乡市,2025\nb.txt,牧野区\n", map[string]ManifestEntry{
			filepath.Join(dir, "a.txt"): {"新乡市", 2025, 1},
			filepath.Join(dir, "b.txt"): {"牧野区", 0, 2},
		}, ""},
		{"BOM and CRLF", "\ufeffpath,region,year\r\na.txt,新乡市,2025\r\n", map[string]ManifestEntry{
			filepath.Join(dir, "a.txt"): {"新乡市", 2025, 2},
		}, ""},
		{"header in another order, extra columns", "年份,备注,文件,地区\n2025,初稿,a.txt,新乡市\n", map[string]ManifestEntry{
			filepath.Join(dir, "a.txt"): {"新乡市", 2025, 2},
		}, ""},
		{"GBK from Excel", gbk, map[string]ManifestEntry{
			filepath.Join(dir, "新乡.txt"): {"新乡市", 2025, 2},
		}, ""},
		{"quoted fields", "\"a, b.txt\",\"新乡市\",2025\n", map[string]ManifestEntry{
			filepath.Join(dir, "a, b.txt"): {"新乡市", 2025, 1},
		}, ""},
		{"bad year", "path,region,year\na.txt,新乡市,2025\nb.txt,新乡市,二〇二五\n", nil, "manifest.csv:3: year \"二〇二五\" is not a number"},
		{"year out of range", "a.txt,新乡市,25\n", nil, "manifest.csv:1: year 25 is not between 1949 and 2100"},
		{"no path", "a.txt,新乡市,2025\n,新乡市,2025\n", nil, "manifest.csv:2: no path"},
		{"nothing to override", "a.txt,新乡市,2025\n\nb.txt,,\n", nil, "manifest.csv:3: b.txt: neither a region nor a year"},
		{"only a path", "a.txt\n", nil, "manifest.csv:1: a.txt: neither a region nor a year"},
		{"too many fields", "a.txt,新乡市,2025,x\n", nil, "manifest.csv:1: 4 fields; expected path, region, year"},
		{"twice", "a.txt,新乡市,2025\n./a.txt,新乡市,2024\n", nil, "manifest.csv:2: " + filepath.Join(dir, "a.txt") + " is already on line 1"},
		{"bad quoting", "a.txt,新乡市,2025\n\"b.txt,新乡市,2025\n", nil, "manifest.csv:2: not valid CSV: extraneous or missing \" in quoted-field"},
		{"empty", "", nil, "manifest.csv: empty file"},
		{"only a header", "path,region,year\n", map[string]ManifestEntry{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadManifest("manifest.csv", strings.NewReader(tt.csv), dir)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: got %+v, want %+v", k, got[k], v)
				}
			}
		})
	}
}
