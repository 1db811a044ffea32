package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// englishSentence finds a run of three or more English words: a sentence
// of English, as a message left untranslated has. A file name, a flag
// (--as-of) or a command (soffice --headless …) is no such run.
var englishSentence = regexp.MustCompile(`(?:^|[^-\w./])[A-Za-z]{2,}(?: [a-z]{2,}){2,}`)

// TestNoEnglishInChinese runs zhibiao in Chinese on reports that read,
// files that fail in each way a user meets (missing, a legacy .doc, no
// region told, empty) and command lines with mistakes, and fails when an
// English sentence reaches stderr or any cell or note of the workbook.
func TestNoEnglishInChinese(t *testing.T) {
	dir := t.TempDir()
	inputs := copySeeds(t, dir, 0, 1)
	for name, data := range map[string]string{
		"旧文档.doc": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 504),
		"空文件.txt": "",
		"无地区.txt": "今年要继续努力，把各项工作做好。\n",
		"二进制.txt": "\x00\x01\x02\x03\x04\x05\x06\x07" + strings.Repeat("\xff\x00", 200),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	inputs = append(inputs, filepath.Join(dir, "不存在.txt"))
	out := filepath.Join(dir, "汇总.xlsx")
	var stderr strings.Builder
	run := func(args ...string) {
		_, _, e := runCLI(append(args, "--lang=zh")...)
		stderr.WriteString(e)
	}
	run(append([]string{"export", "-o", out}, inputs...)...)
	run("export", "--bogus", inputs[0])
	run("export", "--tolerance", "很多", inputs[0])
	run("export", "--output")
	run("extract", "--format", "xml", inputs[0])
	for _, cmd := range []string{"export", "extract", "fill", "indicators", "layout"} {
		_, help, e := runCLI(cmd, "--help", "--lang=zh")
		stderr.WriteString(help + e)
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if m := englishSentence.FindString(line); m != "" {
			t.Errorf("English on Chinese stderr: %q in %q", strings.TrimSpace(m), line)
		}
	}

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cells++
				if m := englishSentence.FindString(v); m != "" {
					t.Errorf("English in the workbook, %s row %d column %d: %q in %q", sheet, r+1, c+1, strings.TrimSpace(m), v)
				}
			}
		}
		comments, err := f.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, cm := range comments {
			if m := englishSentence.FindString(cm.Text); m != "" {
				t.Errorf("English in the note of %s!%s: %q", sheet, cm.Cell, strings.TrimSpace(m))
			}
		}
	}
	if cells < 100 {
		t.Fatalf("only %d cells: the workbook was not written as this test expects", cells)
	}
}
