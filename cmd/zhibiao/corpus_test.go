package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zhibiao/internal/corpus"
)

// TestGeneratedCorpusRoundTrip: 2,000 generated reports, in every
// encoding and script the generator uses, give back exactly the
// observations they state — every one, and nothing else — with their
// region; and reading them on one goroutine or several gives the same
// output, byte for byte, from extract and from export.
func TestGeneratedCorpusRoundTrip(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 100 // make test runs it so under the race detector
	}
	dir := t.TempDir()
	g, err := corpus.NewGenerator(n, 7)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Write(dir); err != nil {
		t.Fatal(err)
	}

	code, serial, stderr := runCLI("extract", "--format", "tsv", "--quiet", "--jobs", "1", dir)
	if code != exitOK {
		t.Fatalf("extract --jobs 1: exit %d: %s", code, stderr)
	}
	code, parallel, stderr := runCLI("extract", "--format", "tsv", "--quiet", "--jobs", "4", dir)
	if code != exitOK {
		t.Fatalf("extract --jobs 4: exit %d: %s", code, stderr)
	}
	if serial != parallel {
		t.Errorf("extract: the output of --jobs 4 differs from --jobs 1")
	}

	expected, err := os.ReadFile(filepath.Join(dir, corpus.ExpectedFile))
	if err != nil {
		t.Fatal(err)
	}
	want, got := tsvRows(t, string(expected)), tsvRows(t, serial)
	var missing, extra []string
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			missing = append(missing, fmt.Sprintf("%s: want %s, got %q", k, w, g))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, fmt.Sprintf("%s: %s", k, g))
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	precision := float64(len(got)-len(extra)) / float64(max(len(got), 1))
	recall := float64(len(want)-len(missing)) / float64(max(len(want), 1))
	t.Logf("%d reports, %d observations: precision %.4f, recall %.4f", n, len(want), precision, recall)
	for _, m := range missing[:min(len(missing), 10)] {
		t.Errorf("missed or wrong: %s", m)
	}
	for _, m := range extra[:min(len(extra), 10)] {
		t.Errorf("not stated: %s", m)
	}

	out := t.TempDir()
	one, many := filepath.Join(out, "one.xlsx"), filepath.Join(out, "many.xlsx")
	for _, c := range []struct{ jobs, path string }{{"1", one}, {"0", many}} {
		code, _, stderr := runCLI("export", "--quiet", "--jobs", c.jobs, "--as-of", "2025-03-01", "-o", c.path, dir)
		if code != exitOK {
			t.Fatalf("export --jobs %s: exit %d: %s", c.jobs, code, stderr)
		}
	}
	a, errA := os.ReadFile(one)
	b, errB := os.ReadFile(many)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("export: the workbook of --jobs 0 differs from --jobs 1")
	}
}

// tsvRows reads the TSV form of extract into a map from an observation's
// key (file, indicator, year, kind, measure, scope) to what it says
// (region, value, high, unit, qualifier, line), values as numbers.
func tsvRows(t *testing.T, tsv string) map[string]string {
	t.Helper()
	rows := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(tsv))
	sc.Buffer(nil, 1<<20)
	var cols map[string]int
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range f {
				cols[c] = i
			}
			continue
		}
		get := func(c string) string { return f[cols[c]] }
		num := func(c string) string {
			if get(c) == "" {
				return ""
			}
			v, err := strconv.ParseFloat(get(c), 64)
			if err != nil {
				t.Fatalf("%s %q: %v", c, get(c), err)
			}
			return strconv.FormatFloat(v, 'g', 10, 64) // 1.705 and 1.7050000000000001 alike
		}
		key := strings.Join([]string{get("file"), get("indicator"), get("year"), get("kind"), get("measure"), get("scope")}, " ")
		if _, dup := rows[key]; dup {
			t.Errorf("%s twice", key)
		}
		rows[key] = strings.Join([]string{get("region"), num("value"), num("high"), get("unit"), get("qualifier"), "line " + get("line")}, " ")
	}
	return rows
}
