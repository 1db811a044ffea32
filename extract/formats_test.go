package extract

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// coreKeys lists a report's core observations without provenance, sorted.
func coreKeys(rep *model.Report) []string {
	cat := DefaultCatalogue()
	var out []string
	for _, k := range observationKeys(rep) {
		if ind := cat.Indicator(strings.Fields(k)[0]); ind != nil && ind.Tier == "core" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestFormatsGiveSameObservations converts each seed report into a web page
// (GBK, with a navigation bar and a script holding decoy figures), a Word
// document and a PDF (printed by LibreOffice), and checks that each gives
// the region, report year and core observations of the plain text.
func TestFormatsGiveSameObservations(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) != 4 {
		t.Fatalf("want 4 seeds, have %d", len(paths))
	}
	needTools(t, "pdftotext", "soffice")
	dir := t.TempDir()
	for _, p := range paths {
		seed := docSeed(t, p)
		want, err := Extract(filepath.Base(p), []byte(seed), Options{})
		if err != nil {
			t.Fatal(err)
		}
		page, err := simplifiedchinese.GBK.NewEncoder().String(htmlFromSeed(seed, "gbk"))
		if err != nil {
			t.Fatalf("%s: GBK: %v", p, err)
		}
		forms := map[string][]byte{
			"html": []byte(page),
			"docx": docMinimalDOCX(t, docxFromSeed(seed, "", "")),
			"pdf":  printPDF(t, dir, filepath.Base(p), seed),
		}
		for _, form := range []string{"html", "docx", "pdf"} {
			name := strings.TrimSuffix(filepath.Base(p), ".txt") + "." + form
			got, err := Extract(name, forms[form], Options{})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if got.Region != want.Region || got.Year != want.Year {
				t.Errorf("%s: region %v year %d, want %v %d", name, got.Region, got.Year, want.Region, want.Year)
			}
			if g, w := coreKeys(got), coreKeys(want); !slices.Equal(g, w) {
				t.Errorf("%s: core observations differ\ngot:  %q\nwant: %q", name, g, w)
			}
		}
	}
}

// printPDF prints a text to PDF with LibreOffice.
func printPDF(t *testing.T, dir, name, text string) []byte {
	t.Helper()
	src := filepath.Join(dir, name)
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		`--infilter=Text (encoded):UTF8,LF,,,`,
		"--convert-to", "pdf", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(strings.TrimSuffix(src, ".txt") + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}
