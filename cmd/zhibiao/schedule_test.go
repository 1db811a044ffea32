package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func copySeeds(t *testing.T, dir string, idx ...int) []string {
	t.Helper()
	var out []string
	for _, i := range idx {
		data, err := os.ReadFile(seeds(t)[i])
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.Base(seeds(t)[i]))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func TestDatePattern(t *testing.T) {
	dir := t.TempDir()
	pattern := filepath.Join(dir, "指标汇总-{date}.xlsx")
	if code, _, stderr := runCLI("export", "-o", pattern, "--as-of", "2025-03-01", seeds(t)[0]); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "指标汇总-2025-03-01.xlsx")); err != nil {
		t.Error(err)
	}
	// Without --as-of, {date} is today: the one place the clock is read.
	e := testEnv()
	e.now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.Local) }
	if code, _, stderr := runWith(e, "export", "-o", pattern, seeds(t)[0]); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "指标汇总-2026-04-01.xlsx")); err != nil {
		t.Error(err)
	}
}

// TestUnchanged: a workbook byte-identical to the file already there
// leaves that file untouched, and the summary says so.
func TestUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	args := append([]string{"export", "-o", out}, seeds(t)...)
	if code, _, stderr := runCLI(args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(out, old, old); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(args...)
	if code != exitOK || !strings.Contains(stderr, "unchanged") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("the file was rewritten: %v %v", fi.ModTime(), err)
	}
	// A different input set does change it (--replace: it has fewer
	// reports), and the workbook it replaces is kept as .bak.
	before, _ := os.ReadFile(out)
	if code, _, stderr := runCLI("export", "--replace", "-o", out, seeds(t)[0]); code != exitOK || strings.Contains(stderr, "unchanged") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if fi, _ := os.Stat(out); fi.ModTime().Equal(old) {
		t.Error("a changed workbook was not written")
	}
	if bak, err := os.ReadFile(out + ".bak"); err != nil || !bytes.Equal(bak, before) {
		t.Errorf("the replaced workbook was not kept as .bak: %v", err)
	}
}

// TestChangesOverRuns: two monthly runs over different input sets; the
// second finds the first by the {date} pattern and lists what changed.
func TestChangesOverRuns(t *testing.T) {
	reports := t.TempDir()
	outDir := t.TempDir()
	pattern := filepath.Join(outDir, "指标汇总-{date}.xlsx")
	copySeeds(t, reports, 0, 1, 2)
	if code, _, stderr := runCLI("export", "-o", pattern, "--as-of", "2025-02-01", reports); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	copySeeds(t, reports, 3) // 焦作市's report arrives
	if code, _, stderr := runCLI("export", "-o", pattern, "--as-of", "2025-03-01", reports); code != exitOK {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(outDir, "指标汇总-2025-03-01.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 2 || sheets[1] != "变更" {
		t.Fatalf("sheets %v: want 变更 right after 概览", sheets)
	}
	rows, err := f.GetRows("变更")
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	added := 0
	for _, r := range rows {
		text.WriteString(strings.Join(r, "\t") + "\n")
		if len(r) > 1 && r[0] == "新增" {
			added++
			if r[1] != "焦作市" {
				t.Errorf("added row of %s: %v", r[1], r)
			}
		}
	}
	if !strings.Contains(text.String(), "指标汇总-2025-02-01.xlsx") || added != 29 {
		t.Errorf("%d rows added, want 焦作市's 29:\n%s", added, text.String())
	}
	// An explicit --since wins over the pattern.
	out := filepath.Join(outDir, "explicit.xlsx")
	if code, _, stderr := runCLI("export", "-o", out, "--since", filepath.Join(outDir, "指标汇总-2025-03-01.xlsx"), reports); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if rows, _ := g.GetRows("变更"); !strings.Contains(strings.Join(rows[1], ""), "没有变化") && !strings.Contains(strings.Join(rows[2], ""), "没有变化") {
		t.Errorf("same inputs as --since: want no changes, got %v", rows[:3])
	}
}

// TestDrop: report files dragged onto zhibiao.exe make 指标汇总.xlsx beside
// the first, and on Windows the window waits for Enter.
func TestDrop(t *testing.T) {
	dir := t.TempDir()
	files := copySeeds(t, dir, 0, 1)
	e := testEnv()
	e.stdin, e.pauseAfterDrop = strings.NewReader("\n"), true
	code, _, stderr := runWith(e, files...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "指标汇总.xlsx")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(stderr, "Press Enter") || !strings.Contains(stderr, "2 reports read") {
		t.Errorf("stderr %q", stderr)
	}
}

// TestQuiet: no progress line when stderr is not a terminal; --quiet
// drops the summary too, leaving only what went wrong.
func TestQuiet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.xlsx")
	_, _, stderr := runCLI(append([]string{"export", "-o", out}, seeds(t)...)...)
	if strings.Contains(stderr, "\r") || !strings.Contains(stderr, "4 reports read (0 failed), 3 regions") {
		t.Errorf("stderr %q", stderr)
	}
	_, _, stderr = runCLI(append([]string{"export", "--quiet", "-o", filepath.Join(filepath.Dir(out), "y.xlsx")}, seeds(t)[2])...)
	if stderr != "" {
		t.Errorf("--quiet: stderr %q", stderr)
	}
}

// TestSchedulingExamples checks the README's crontab line and Task
// Scheduler command (schedule and zhibiao's flags) and the systemd units
// of deploy/ with systemd-analyze.
func TestSchedulingExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := func(lang string) string {
		m := regexp.MustCompile("(?s)```" + lang + "\n(.*?)```").FindSubmatch(readme)
		if m == nil {
			t.Fatalf("README has no %s block", lang)
		}
		return strings.TrimSpace(string(m[1]))
	}
	cron := strings.Fields(block("crontab"))
	ranges := [][2]int{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}
	for i, r := range ranges {
		if v, err := strconv.Atoi(cron[i]); cron[i] != "*" && (err != nil || v < r[0] || v > r[1]) {
			t.Errorf("crontab field %d %q out of %v", i+1, cron[i], r)
		}
	}
	checkExportArgs(t, "crontab", unquote(cron[6:]))

	bat := block("bat")
	tr := regexp.MustCompile(`/TR "(.*)"$`).FindStringSubmatch(bat)
	if tr == nil || !strings.Contains(bat, "/SC MONTHLY") {
		t.Fatalf("Task Scheduler command: %s", bat)
	}
	args := regexp.MustCompile(`\\"([^"]*)\\"|(\S+)`).FindAllStringSubmatch(tr[1], -1)
	var words []string
	for _, a := range args[1:] { // after zhibiao.exe
		words = append(words, a[1]+a[2])
	}
	checkExportArgs(t, "Task Scheduler", words)

	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("systemd-analyze not found (Debian: systemd)")
		}
		t.Skip("systemd-analyze not found: the systemd units are not checked")
	}
	// verify wants ExecStart's program to exist: point it at this test.
	self, _ := os.Executable()
	dir := t.TempDir()
	for _, name := range []string{"zhibiao-export.service", "zhibiao-export.timer"} {
		data, err := os.ReadFile(filepath.Join("../../deploy", name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "/usr/local/bin/zhibiao export") && strings.HasSuffix(name, ".service") {
			t.Errorf("%s does not run zhibiao export", name)
		}
		data = bytes.ReplaceAll(data, []byte("/usr/local/bin/zhibiao"), []byte(self))
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	cmd := exec.Command("systemd-analyze", "verify", filepath.Join(dir, "zhibiao-export.service"), filepath.Join(dir, "zhibiao-export.timer"))
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// unquote drops the shell's single quotes of words.
func unquote(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.Trim(w, "'")
	}
	return out
}

// checkExportArgs parses a scheduled command's arguments as zhibiao's.
func checkExportArgs(t *testing.T, where string, words []string) {
	t.Helper()
	if len(words) < 2 || words[0] != "export" {
		t.Fatalf("%s: not a zhibiao export command: %q", where, words)
	}
	a := &app{}
	a.p = message.NewPrinter(language.English)
	fs, job := a.exportFlags()
	if err := fs.Parse(words[1:]); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	if fs.NArg() == 0 || !strings.Contains(job.pattern, "{date}") || !a.quiet {
		t.Errorf("%s: want --quiet, an -o with {date} and a folder: %q", where, words)
	}
}
