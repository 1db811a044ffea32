package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests check English messages; TestChinese checks the Chinese. Run
// with ZHIBIAO_ARGS (arguments separated by the unit separator, U+001F), the test binary is
// zhibiao itself, for tests that need a process of their own.
func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	if args := os.Getenv("ZHIBIAO_ARGS"); args != "" {
		os.Exit(run(strings.Split(args, "\x1f"), system()))
	}
	os.Exit(m.Run())
}

func runCLI(args ...string) (int, string, string) {
	return runWith(testEnv(), args...)
}

// testEnv is the environment of a test run: no input, no waiting, the
// process's environment variables and clock.
func testEnv() env {
	return env{stdin: strings.NewReader(""), getenv: os.Getenv, now: time.Now}
}

// runWith runs zhibiao in an environment, with buffers for its output.
func runWith(e env, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	e.stdout, e.stderr = &out, &errb
	code := run(args, e)
	return code, out.String(), errb.String()
}

func seeds(t *testing.T) []string {
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(paths) != 4 {
		t.Fatalf("want 4 seeds, have %d", len(paths))
	}
	return paths
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"extract"}, exitUsage, "extract needs at least one PATH"},
		{[]string{"extract", "--format", "xml", "a.txt"}, exitUsage, `--format must be json or tsv, not "xml"`},
		{[]string{"extract", "--no-such-flag", "a.txt"}, exitUsage, "unknown flag"},
		{[]string{"indicators", "extra"}, exitUsage, "indicators takes no arguments"},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.err)
		}
	}
}

func TestExtractTSV(t *testing.T) {
	code, out, stderr := runCLI(append([]string{"extract", "--format", "tsv"}, seeds(t)...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "file\tregion\tindicator\tyear\tkind\tmeasure\tvalue\thigh\tunit\tqualifier\tscope\ttext\tline\tflags" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) < 100 {
		t.Errorf("%d lines, want the seeds' observations", len(lines))
	}
	for _, l := range lines[1:] {
		if n := strings.Count(l, "\t"); n != 13 {
			t.Errorf("%d tabs in %q", n, l)
		}
	}
	if !strings.Contains(out, "001_ad040a272685ffdb.txt\t新乡市\tgdp\t2024\tactual\tlevel\t3569.7\t\t亿元\texact\t\t全年完成地區生產總值3569.7億元\t22") {
		t.Error("missing 新乡市's 2024 GDP, as written in the Traditional source, with its line")
	}
}

// TestExtractBadInput: an unreadable input is reported with its path, the
// others are still read, and the exit status is 1.
func TestExtractBadInput(t *testing.T) {
	args := append([]string{"extract"}, "no/such/file.txt")
	args = append(args, seeds(t)...)
	code, out, stderr := runCLI(args...)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if !strings.Contains(stderr, "no/such/file.txt") {
		t.Errorf("stderr %q does not name the file", stderr)
	}
	var m struct {
		Reports     []json.RawMessage
		Evaluations []struct{ Indicator, Status string }
		Errors      []string
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Reports) != 4 || len(m.Errors) != 1 || len(m.Evaluations) == 0 {
		t.Errorf("%d reports, %d errors, %d evaluations", len(m.Reports), len(m.Errors), len(m.Evaluations))
	}
}

func TestExtractOverrides(t *testing.T) {
	code, out, stderr := runCLI("extract", "--format", "tsv", "--region", "卫辉市", "--year", "2024", seeds(t)[0])
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "\t卫辉市\tgdp\t2023\tactual\tlevel\t3347.6\t") {
		t.Errorf("overrides not applied:\n%s", out)
	}
}

func TestIndicatorsAndVersion(t *testing.T) {
	code, out, _ := runCLI("indicators")
	if code != exitOK || !strings.Contains(out, "gdp\tcore\t") || !strings.Contains(out, "urban_income\textended\t") {
		t.Errorf("indicators: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI("version")
	if code != exitOK || !strings.HasPrefix(out, "zhibiao ") {
		t.Errorf("version: exit %d %q", code, out)
	}
}

// TestHelp: --help prints the usage with its examples and flags, and is
// not an error.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"export", "extract", "indicators", "fill"} {
		code, out, stderr := runCLI(cmd, "--help")
		if code != exitOK || stderr != "" || !strings.Contains(out, "Usage:") || !strings.Contains(out, "--lang") {
			t.Errorf("%s --help: exit %d, stderr %q\n%s", cmd, code, stderr, out)
		}
	}
}
