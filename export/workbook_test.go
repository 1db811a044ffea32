package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/workbook")

const goldenDump = "../testdata/workbook/demo.dump.txt"

// demoAsOf fixes the date of the demo workbook.
var demoAsOf = time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)

// seedInputs reads the four seed reports as the command line would, with
// paths relative to the module's root.
func seedInputs(t testing.TB) []Input {
	t.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed reports: %v", err)
	}
	slices.Sort(paths)
	var inputs []Input
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.ToSlash(filepath.Join("testdata", "seeds", filepath.Base(p)))
		rep, err := extract.Extract(name, data, extract.Options{})
		inputs = append(inputs, Input{Path: name, Report: rep, Err: err})
	}
	return inputs
}

func writeBytes(t testing.TB, inputs []Input, opt WorkbookOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, inputs, opt); err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	return buf.Bytes()
}

func TestWorkbookGolden(t *testing.T) {
	data := writeBytes(t, seedInputs(t), WorkbookOptions{AsOf: demoAsOf})
	checkGolden(t, goldenDump, dumpWorkbook(t, data))
}

// TestStreamedLikeModel: streamed, the demo workbook has every cell, style,
// width, rule, note and table of the one built in excelize's model; only
// its text cells are inline strings instead of shared ones.
func TestStreamedLikeModel(t *testing.T) {
	inputs := seedInputs(t)
	model := dumpWorkbook(t, writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf}))
	streamed := dumpWorkbook(t, writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, limits: limits{stream: true}}))
	inline := regexp.MustCompile(`(?m)^(  [A-Z]+[0-9]+) is `)
	streamed = inline.ReplaceAllString(streamed, "$1 s ")
	model = strings.Replace(model, "xl/sharedStrings.xml "+demoAsOf.Format(time.RFC3339)+"\n", "", 1)
	if streamed != model {
		t.Errorf("the streamed workbook differs from the model's:\n%s", firstDifference(model, streamed))
	}
}

// checkGolden compares a dump with its golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("workbook differs from %s (run with -update after checking):\n%s", golden, firstDifference(string(want), got))
	}
}

// firstDifference shows the first line that differs, with its neighbours.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\n got: " + g
		}
	}
	return ""
}

func TestWorkbookDeterministic(t *testing.T) {
	inputs := seedInputs(t)
	for _, opt := range []WorkbookOptions{{AsOf: demoAsOf}, {}} {
		first := writeBytes(t, inputs, opt)
		second := writeBytes(t, inputs, opt)
		if !bytes.Equal(first, second) {
			t.Fatalf("AsOf %v: two writes differ", opt.AsOf)
		}
		want := opt.AsOf
		if want.IsZero() {
			want = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC) // the latest report year
		}
		zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if !zf.Modified.Equal(want) {
				t.Errorf("%s dated %v, want %v", zf.Name, zf.Modified, want)
			}
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			part, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, stale := range []string{"2006-09-16", "xuri", "Go Excelize"} {
				if bytes.Contains(part, []byte(stale)) {
					t.Errorf("%s holds excelize's default %q", zf.Name, stale)
				}
			}
			if zf.Name == "xl/styles.xml" && bytes.Contains(part, []byte("Calibri")) {
				t.Errorf("styles.xml still uses Calibri")
			}
			if zf.Name == "docProps/core.xml" && !bytes.Contains(part, []byte(want.Format("2006-01-02T15:04:05Z"))) {
				t.Errorf("core.xml is not dated %v:\n%s", want, part)
			}
		}
	}
}

func TestSaveWorkbookAtomic(t *testing.T) {
	inputs := seedInputs(t)
	opt := WorkbookOptions{AsOf: demoAsOf}

	t.Run("missing folder", func(t *testing.T) {
		dir := t.TempDir()
		err := SaveWorkbook(filepath.Join(dir, "missing", "指标汇总.xlsx"), inputs, opt)
		if err == nil || !strings.Contains(err.Error(), "does not exist") {
			t.Fatalf("err = %v, want one saying the folder does not exist", err)
		}
		assertFiles(t, dir)
	})
	t.Run("folder as target", func(t *testing.T) {
		dir := t.TempDir()
		err := SaveWorkbook(dir, inputs, opt)
		if err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Fatalf("err = %v, want one saying the path is a folder", err)
		}
	})
	t.Run("replaces", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "指标汇总.xlsx")
		if err := os.WriteFile(path, []byte("last month"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := SaveWorkbook(path, inputs, opt); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, writeBytes(t, inputs, opt)) {
			t.Errorf("saved file is not the workbook")
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
			t.Errorf("mode = %v, %v; want the old file's 0640", fi.Mode(), err)
		}
		assertFiles(t, dir, "指标汇总.xlsx")
	})
	t.Run("failure leaves nothing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "指标汇总.xlsx")
		if err := os.WriteFile(path, []byte("last month"), 0o644); err != nil {
			t.Fatal(err)
		}
		// More years than a sheet has columns for: the workbook cannot be built.
		var obs []model.Observation
		for y := 1; y <= 4100; y++ {
			obs = append(obs, observation("gdp", model.Growth, y, model.Actual, 5, model.Exact, "增长5%"))
		}
		bad := []Input{{Path: "a.txt", Report: report("a.txt", "新乡市", model.Prefecture, "河南省", 2025, obs...)}}
		if err := SaveWorkbook(path, bad, opt); err == nil {
			t.Fatal("SaveWorkbook succeeded with 4100 years on one sheet")
		}
		if got, _ := os.ReadFile(path); string(got) != "last month" {
			t.Errorf("the old file was changed: %q", got)
		}
		assertFiles(t, dir, "指标汇总.xlsx")
	})
}

// assertFiles checks that dir holds exactly the named files.
func assertFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// report makes a report of the given region and observations.
func report(path, region string, level model.RegionLevel, parent string, year int, obs ...model.Observation) *model.Report {
	return &model.Report{
		Source:       model.Source{Path: path, Format: "txt", Encoding: "utf-8", Script: "simplified"},
		Region:       model.Region{Name: region, Level: level, Parent: parent},
		Year:         year,
		Observations: obs,
	}
}

// observation makes one observation with the indicator's canonical unit.
func observation(ind string, measure model.Measure, year int, kind model.Kind, v float64, qualifier model.Qualifier, text string) model.Observation {
	o := model.Observation{Indicator: ind, Measure: measure, Year: year, Kind: kind, Qualifier: qualifier, Text: text, Line: 1}
	o.Unit = measureUnit(catalogue.DefaultCatalogue().Indicator(ind), measure)
	if qualifier != model.Qualitative {
		o.Value = &v
	}
	return o
}

func TestFormulaSafety(t *testing.T) {
	hostile := []string{"=1+2", "@SUM(A1)", "+1+1", "-2+3", "=HYPERLINK(\"http://example.com\",\"x\")"}
	var obs []model.Observation
	for i, s := range hostile {
		obs = append(obs, observation("gdp", model.Growth, 2024+i, model.Actual, 5, model.Exact, s))
	}
	obs = append(obs, observation("resident_income", model.Growth, 2025, model.Target, 0, model.Qualitative, "=1+2"))
	rep := report("=cmd.txt", "=A1", model.Prefecture, "@B2", 2025, obs...)
	rep.Title = "=TODAY()"
	rep.Warnings = []model.Warning{{Line: 3, Message: "=1/0"}}
	inputs := []Input{{Path: "=cmd.txt", Report: rep}, {Path: "+bad.txt", Err: errors.New("=ERROR()")}}

	f, err := excelize.OpenReader(bytes.NewReader(writeBytes(t, inputs, WorkbookOptions{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, ref)
				if err != nil || formula != "" {
					t.Errorf("%s!%s holds formula %q (%v)", sheet, ref, formula, err)
				}
				if v == "" || !strings.ContainsAny(v[:1], "=+-@") {
					continue
				}
				// Text is a shared string, or an inline one in the
				// streamed 明细 sheets; never a formula.
				typ, _ := f.GetCellType(sheet, ref)
				if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString && !isNumber(v) {
					t.Errorf("%s!%s %q is of type %v, want a string", sheet, ref, v, typ)
				}
				seen[v] = true
			}
		}
	}
	for _, s := range append(hostile, "=cmd.txt", "=A1", "@B2", "=TODAY()", "+bad.txt", "=ERROR()") {
		if !seen[s] {
			t.Errorf("text %q not found as a string cell", s)
		}
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// TestNothingRead checks that a workbook is written, with its fixed sheets,
// when no input could be read or a report has no figures.
func TestNothingRead(t *testing.T) {
	tests := []struct {
		name   string
		inputs []Input
		sheets []string
	}{
		{"no inputs", nil, []string{overviewSheet, reviewSheet, compareSheet, detailSheet, sourceSheet}},
		{"all failed", []Input{{Path: "a.pdf", Err: errors.New("a.pdf: pdftotext not found")}},
			[]string{overviewSheet, reviewSheet, compareSheet, detailSheet, sourceSheet}},
		{"no figures", []Input{{Path: "a.txt", Report: report("a.txt", "", "", "", 0)}},
			[]string{overviewSheet, reviewSheet, compareSheet, unnamedRegion, detailSheet, sourceSheet}},
	}
	for _, tt := range tests {
		f, err := excelize.OpenReader(bytes.NewReader(writeBytes(t, tt.inputs, WorkbookOptions{})))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := f.GetSheetList(); !slices.Equal(got, tt.sheets) {
			t.Errorf("%s: sheets %q, want %q", tt.name, got, tt.sheets)
		}
		if p, err := f.GetDocProps(); err != nil || p.Created != "1980-01-01T00:00:00Z" {
			t.Errorf("%s: created %q, %v; want the fixed date for no data", tt.name, p.Created, err)
		}
		f.Close()
	}
}
