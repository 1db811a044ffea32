package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

const changesDump = "../testdata/workbook/changes.dump.txt"

// previousName is the name the tests give the previous workbook.
const previousName = "指标汇总-上月.xlsx"

// The next month's inputs: the seeds without one report, and with another
// one revised.
const (
	droppedSeed = "004_930fd535bb2f4bae.txt" // 焦作市
	revisedSeed = "001_ad040a272685ffdb.txt" // 新乡市, the 2025 report
)

// revisions are the edits of the revised seed, as pairs of text and its
// replacement.
var revisions = []string{
	"3569.7億元", "3570.1億元", // GDP 2024 revised: 修改
	"城鎮新增就業7.7萬人", "城鎮新增就業7.7萬人以上", // a target's qualifier: 修改
	"固定資產投資增長8.9%,", "", // a figure gone: 删除
	"規上工業增加值增長6%。", "規上工業增加值增長6%,一般公共預算收入245.3億元、增長3.1%。", // two figures more: 新增
}

// seedsWithout returns the inputs but the one of the named file.
func seedsWithout(inputs []Input, base string) []Input {
	return slices.DeleteFunc(slices.Clone(inputs), func(in Input) bool { return filepath.Base(in.Path) == base })
}

// revisedInputs are the seeds of the next month: droppedSeed left out,
// revisedSeed read again after the revisions.
func revisedInputs(t *testing.T) []Input {
	t.Helper()
	var out []Input
	for _, in := range seedsWithout(seedInputs(t), droppedSeed) {
		if filepath.Base(in.Path) != revisedSeed {
			out = append(out, in)
			continue
		}
		data, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(in.Path)))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for i := 0; i < len(revisions); i += 2 {
			if !strings.Contains(text, revisions[i]) {
				t.Fatalf("%s does not hold %q", in.Path, revisions[i])
			}
			text = strings.Replace(text, revisions[i], revisions[i+1], 1)
		}
		rep, err := extract.Extract(in.Path, []byte(text), extract.Options{})
		out = append(out, Input{Path: in.Path, Report: rep, Err: err})
	}
	return out
}

// savePrevious saves the workbook of the inputs and reads its 明细 back.
func savePrevious(t *testing.T, inputs []Input) (string, []PreviousObservation) {
	t.Helper()
	path := filepath.Join(t.TempDir(), previousName)
	if err := SaveWorkbook(path, inputs, WorkbookOptions{AsOf: demoAsOf}); err != nil {
		t.Fatal(err)
	}
	prev, err := ReadPrevious(path)
	if err != nil {
		t.Fatalf("ReadPrevious: %v", err)
	}
	return path, prev
}

// modelObservations are the observations of the inputs as the 明细 sheet
// should give them back.
func modelObservations(inputs []Input) []PreviousObservation {
	var out []PreviousObservation
	for _, in := range inputs {
		if in.Err != nil || in.Report == nil {
			continue
		}
		r := in.Report
		for _, o := range r.Observations {
			out = append(out, PreviousObservation{
				Region: r.Region.Name, Year: o.Year, Kind: o.Kind, Indicator: o.Indicator, Measure: o.Measure,
				Scope: o.Scope, Value: o.Value, High: o.High, Unit: o.Unit, Qualifier: o.Qualifier,
				Text: o.Text, File: filepath.Base(r.Source.Path), Line: o.Line,
			})
		}
	}
	return out
}

// describe spells out an observation, values exactly, to compare and show.
func describe(o PreviousObservation) string {
	exact := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	return fmt.Sprintf("%s|%d|%s|%s|%s|%s|%s|%s|%s|%s|%q|%s|%d", o.Region, o.Year, o.Kind, o.Indicator, o.Measure,
		o.Scope, exact(o.Value), exact(o.High), o.Unit, o.Qualifier, o.Text, o.File, o.Line)
}

// sameObservations compares two lists of observations, row by row.
func sameObservations(t *testing.T, got, want []PreviousObservation) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d observations, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if g, w := describe(got[i]), describe(want[i]); g != w {
			t.Errorf("row %d:\n got %s\nwant %s", i+2, g, w)
		}
	}
}

func TestReadPreviousRoundTrip(t *testing.T) {
	inputs := seedInputs(t)
	path, got := savePrevious(t, inputs)
	want := modelObservations(inputs)
	if len(want) < 100 {
		t.Fatalf("only %d observations in the seeds", len(want))
	}
	sameObservations(t, got, want)

	t.Run("columns moved", func(t *testing.T) {
		// A user who inserts a column of their own keeps a readable 明细.
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.InsertCols(detailSheet, "A", 1); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStr(detailSheet, "A1", "备注"); err != nil {
			t.Fatal(err)
		}
		moved := filepath.Join(t.TempDir(), "moved.xlsx")
		if err := f.SaveAs(moved); err != nil {
			t.Fatal(err)
		}
		f.Close()
		got, err := ReadPrevious(moved)
		if err != nil {
			t.Fatal(err)
		}
		sameObservations(t, got, want)
	})

	t.Run("saved by LibreOffice", func(t *testing.T) {
		soffice := libreOffice(t)
		dir := t.TempDir()
		out := filepath.Join(dir, "out")
		sofficeConvert(t, soffice, path, dir, out, "xlsx:Calc MS Excel 2007 XML")
		got, err := ReadPrevious(filepath.Join(out, previousName))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d observations, want %d", len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if !sameValue(g.Value, w.Value) || !sameValue(g.High, w.High) {
				t.Errorf("row %d: value %v–%v, want %v–%v", i+2, deref(g.Value), deref(g.High), deref(w.Value), deref(w.High))
			}
			g.Value, g.High = w.Value, w.High
			if describe(g) != describe(w) {
				t.Errorf("row %d:\n got %s\nwant %s", i+2, describe(g), describe(w))
			}
		}
	})
}

// writeDetailFile writes a workbook whose 明细 sheet holds rows, or
// without a 明细 sheet when rows is nil.
func writeDetailFile(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if rows != nil {
		if err := f.SetSheetName("Sheet1", detailSheet); err != nil {
			t.Fatal(err)
		}
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(f.GetSheetName(0), ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestReadPreviousErrors(t *testing.T) {
	row := func(edit func([]string)) []string {
		r := []string{"新乡市", "2024", "实际", "地区生产总值", "gdp", "总量", "3569.7", "", "亿元", "确数", "", "全年完成地区生产总值3569.7亿元", "a.txt", "22"}
		edit(r)
		return r
	}
	tests := []struct {
		name  string
		write func(path string)
		want  string // in the error, after the path
	}{
		{"text file", func(path string) {
			if err := os.WriteFile(path, []byte("地区\t年份\n新乡市\t2024\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not an Excel workbook (.xlsx)"},
		{"no 明细", func(path string) { writeDetailFile(t, path, nil) },
			"no 明细 sheet; is it a workbook zhibiao wrote?"},
		{"empty 明细", func(path string) { writeDetailFile(t, path, [][]string{}) },
			"sheet 明细 is empty"},
		{"other header", func(path string) { writeDetailFile(t, path, [][]string{{"地区", "年份", "数值"}}) },
			"unexpected header \"地区 年份 数值\": no column 类型, 指标, 指标代码"},
		{"bad value", func(path string) {
			writeDetailFile(t, path, [][]string{detailHeader, row(func(r []string) { r[6] = "三千" })})
		}, "sheet 明细 row 2: 数值 \"三千\" is not a number"},
		{"bad year", func(path string) {
			writeDetailFile(t, path, [][]string{detailHeader, row(func(r []string) { r[1] = "2024.5" })})
		}, "sheet 明细 row 2: 年份 \"2024.5\" is not a whole number"},
		{"bad kind", func(path string) {
			writeDetailFile(t, path, [][]string{detailHeader, {}, row(func(r []string) { r[2] = "预测" })})
		}, "sheet 明细 row 3: 类型 \"预测\" is neither 实际 nor 目标"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "PREVIOUS.xlsx")
			tt.write(path)
			got, err := ReadPrevious(path)
			if err == nil {
				t.Fatalf("ReadPrevious gave %d observations and no error", len(got))
			}
			if !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q after the path", err, tt.want)
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "PREVIOUS.xlsx")
		if _, err := ReadPrevious(path); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), path) {
			t.Errorf("error %v, want one naming %s as missing", err, path)
		}
	})
	t.Run("no observations", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "PREVIOUS.xlsx")
		writeDetailFile(t, path, [][]string{detailHeader})
		got, err := ReadPrevious(path)
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("ReadPrevious = %v (nil: %v), %v; want an empty list", got, got == nil, err)
		}
	})
	t.Run("labels", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "PREVIOUS.xlsx")
		writeDetailFile(t, path, [][]string{detailHeader,
			row(func(r []string) { r[2], r[5], r[9], r[10] = "目标", "增速排名", "以上", "全省" }),
			row(func(r []string) { r[5], r[9], r[10], r[6], r[7] = "新口径", "区间", "", "6.5", "7" }),
		})
		got, err := ReadPrevious(path)
		if err != nil || len(got) != 2 {
			t.Fatalf("ReadPrevious = %v, %v", got, err)
		}
		if o := got[0]; o.Kind != model.Target || o.Measure != model.GrowthRank || o.Qualifier != model.AtLeast || o.Scope != model.Province {
			t.Errorf("codes %s %s %s %s, want target growth_rank at_least province", o.Kind, o.Measure, o.Qualifier, o.Scope)
		}
		if o := got[1]; o.Measure != "新口径" || o.Qualifier != model.Range || deref(o.Value) != 6.5 || deref(o.High) != 7 {
			t.Errorf("row 3: %s", describe(o))
		}
	})
}

// changeRow is one row of the 变更 sheet as read back, raw values.
type changeRow struct {
	sheetRow                                               int
	what, region, year, kind, indicator, measure, old, new string
	text, file, line                                       string
}

func (r changeRow) String() string {
	return strings.Join([]string{r.what, r.region, r.year, r.kind, r.indicator, r.measure, r.old, r.new, r.text, r.file, r.line}, "|")
}

// readChanges reads the 变更 sheet back: its summary line, its notes and
// rows.
func readChanges(t *testing.T, f *excelize.File) (summary string, notes []string, rows []changeRow) {
	t.Helper()
	cells, err := f.GetRows(changeSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) < 2 || cells[0][0] != changeTitle {
		t.Fatalf("%s: title and summary missing: %q", changeSheet, cells)
	}
	summary = cells[1][0]
	header := -1
	for i := 2; i < len(cells); i++ {
		if slices.Equal(cells[i], changeHeader) {
			header = i
			break
		}
		if len(cells[i]) > 0 {
			notes = append(notes, cells[i][0])
		}
	}
	if header < 0 {
		return summary, notes, nil
	}
	for i := header + 1; i < len(cells); i++ {
		c := append(cells[i], make([]string, len(changeHeader))...)
		rows = append(rows, changeRow{i + 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]})
	}
	return summary, notes, rows
}

// expectedChanges works out the rows of the 变更 sheet from the two lists
// of observations, whose keys must be unique (as they are in the seeds),
// in no particular order.
func expectedChanges(t *testing.T, old, cur []PreviousObservation) []changeRow {
	t.Helper()
	cat := catalogue.DefaultCatalogue()
	byKey := func(list []PreviousObservation) map[changeKey]PreviousObservation {
		m := map[changeKey]PreviousObservation{}
		for _, o := range list {
			k := changeKey{o.Region, o.Indicator, o.Measure, o.Year, o.Kind, o.Scope}
			if _, dup := m[k]; dup {
				t.Fatalf("key %v twice: the expectation needs unique keys", k)
			}
			m[k] = o
		}
		return m
	}
	value := func(o *PreviousObservation) string {
		switch {
		case o == nil:
			return ""
		case o.Value == nil && o.Qualifier == model.Qualitative:
			return "定性"
		case o.Value == nil:
			return "—"
		}
		return strconv.FormatFloat(*o.Value, 'f', -1, 64)
	}
	row := func(what string, o, n *PreviousObservation) changeRow {
		s := n
		if s == nil {
			s = o
		}
		return changeRow{
			what: what, region: s.Region, year: strconv.Itoa(s.Year), kind: kindNames[s.Kind],
			indicator: cat.Indicator(s.Indicator).Name, measure: scopeNames[s.Scope] + measureNames[s.Measure],
			old: value(o), new: value(n), text: s.Text, file: s.File, line: strconv.Itoa(s.Line),
		}
	}
	olds, news := byKey(old), byKey(cur)
	var out []changeRow
	for k, n := range news {
		o, ok := olds[k]
		switch {
		case !ok:
			out = append(out, row("新增", nil, &n))
		case !sameValue(o.Value, n.Value) || !sameValue(o.High, n.High) || o.Unit != n.Unit || o.Qualifier != n.Qualifier:
			out = append(out, row("修改", &o, &n))
		}
	}
	for k, o := range olds {
		if _, ok := news[k]; !ok {
			out = append(out, row("删除", &o, nil))
		}
	}
	return out
}

// sameRows compares rows as sets.
func sameRows(t *testing.T, got, want []changeRow) {
	t.Helper()
	key := func(rows []changeRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.String())
		}
		slices.Sort(out)
		return out
	}
	g, w := key(got), key(want)
	for _, s := range g {
		if !slices.Contains(w, s) {
			t.Errorf("unexpected row %s", s)
		}
	}
	for _, s := range w {
		if !slices.Contains(g, s) {
			t.Errorf("missing row %s", s)
		}
	}
}

// checkOrder checks that the rows are sorted by region (the workbook's
// order, then the regions that are gone), kind of change, year and
// catalogue order.
func checkOrder(t *testing.T, rows []changeRow, inputs []Input) {
	t.Helper()
	b := newBook(inputs, WorkbookOptions{})
	region := map[string]int{}
	for i, reg := range b.regions {
		region[reg.Name] = i
	}
	what := map[string]int{"新增": 0, "修改": 1, "删除": 2}
	indicator := map[string]int{}
	for i, ind := range b.cat.Indicators {
		indicator[ind.Name] = i
	}
	rank := func(r changeRow) []int {
		reg, ok := region[r.region]
		if !ok {
			reg = len(region)
		}
		year, _ := strconv.Atoi(r.year)
		return []int{reg, what[r.what], year}
	}
	for i := 1; i < len(rows); i++ {
		c := slices.Compare(rank(rows[i-1]), rank(rows[i]))
		if c == 0 {
			// one region, change and year: indicators by catalogue group
			ga, _ := b.position(idOf(rows[i-1].indicator))
			gb, _ := b.position(idOf(rows[i].indicator))
			c = ga - gb
		}
		if c > 0 {
			t.Errorf("row %d (%s) comes after row %d (%s)", rows[i].sheetRow, rows[i], rows[i-1].sheetRow, rows[i-1])
		}
	}
}

// idOf is the id of a catalogue indicator named name.
func idOf(name string) string {
	for _, ind := range catalogue.DefaultCatalogue().Indicators {
		if ind.Name == name {
			return ind.ID
		}
	}
	return name
}

// findRow returns the row of one observation, failing the test without it.
func findRow(t *testing.T, rows []changeRow, region string, year int, kind, indicator, measure string) changeRow {
	t.Helper()
	for _, r := range rows {
		if r.region == region && r.year == strconv.Itoa(year) && r.kind == kind && r.indicator == indicator && r.measure == measure {
			return r
		}
	}
	t.Fatalf("no row for %s %d %s %s %s", region, year, kind, indicator, measure)
	return changeRow{}
}

func TestChangesSheet(t *testing.T) {
	all := seedInputs(t)
	tests := []struct {
		name     string
		previous []Input // nil: an empty previous list
		current  []Input
	}{
		{"revised", all, revisedInputs(t)},
		{"report added", seedsWithout(all, droppedSeed), all},
		{"unchanged", all, all},
		{"empty previous", nil, all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev := []PreviousObservation{}
			if tt.previous != nil {
				_, prev = savePrevious(t, tt.previous)
			}
			opt := WorkbookOptions{AsOf: demoAsOf, Previous: prev, PreviousName: previousName}
			data := writeBytes(t, tt.current, opt)
			if !bytes.Equal(data, writeBytes(t, tt.current, opt)) {
				t.Error("two writes differ")
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if sheets := f.GetSheetList(); len(sheets) < 4 || sheets[0] != overviewSheet || sheets[1] != changeSheet || sheets[2] != reviewSheet || sheets[3] != compareSheet {
				t.Errorf("sheets %q, want 概览, 变更, 待核对, 对比 first", sheets)
			}
			summary, notes, rows := readChanges(t, f)
			want := expectedChanges(t, prev, modelObservations(tt.current))
			sameRows(t, rows, want)
			checkOrder(t, rows, tt.current)

			counts := map[string]int{}
			for _, r := range want {
				counts[r.what]++
			}
			wantSummary := fmt.Sprintf("与 %s 相比：%d 项新增，%d 项修改，%d 项删除", previousName, counts["新增"], counts["修改"], counts["删除"])
			if summary != wantSummary {
				t.Errorf("summary %q, want %q", summary, wantSummary)
			}
			if line, _ := f.GetCellValue(overviewSheet, "A4"); !strings.HasPrefix(line, wantSummary) {
				t.Errorf("%s!A4 = %q, want the summary %q", overviewSheet, line, wantSummary)
			}
			if none := len(want) == 0; none != slices.Contains(notes, noChanges) {
				t.Errorf("notes %q with %d changes", notes, len(want))
			}
		})
	}
}

// TestChangesRevised checks by hand the rows of the revised month.
func TestChangesRevised(t *testing.T) {
	all := seedInputs(t)
	_, prev := savePrevious(t, all)
	current := revisedInputs(t)
	data := writeBytes(t, current, WorkbookOptions{AsOf: demoAsOf, Previous: prev, PreviousName: previousName})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	summary, _, rows := readChanges(t, f)

	dropped := 0
	for _, in := range all {
		if filepath.Base(in.Path) == droppedSeed {
			dropped = len(in.Report.Observations)
		}
	}
	if want := fmt.Sprintf("与 %s 相比：2 项新增，2 项修改，%d 项删除", previousName, dropped+1); summary != want {
		t.Errorf("summary %q, want %q", summary, want)
	}

	shown := func(col, row int) string {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		v, err := f.GetCellValue(changeSheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	notes := map[string]string{}
	comments, err := f.GetComments(changeSheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range comments {
		for _, run := range c.Paragraph {
			notes[c.Cell] += run.Text
		}
	}
	note := func(col, row int) string {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		return notes[ref]
	}

	gdp := findRow(t, rows, "新乡市", 2024, "实际", "地区生产总值", "总量")
	if gdp.what != "修改" || gdp.old != "3569.7" || gdp.new != "3570.1" || gdp.file != revisedSeed || gdp.line != "22" {
		t.Errorf("GDP 2024: %s, want 修改 3569.7 → 3570.1 亿元 from %s line 22", gdp, revisedSeed)
	}
	if o, n := shown(changeOldCol, gdp.sheetRow), shown(changeNewCol, gdp.sheetRow); o != "3,569.7亿元" || n != "3,570.1亿元" {
		t.Errorf("GDP 2024 shown as %q → %q", o, n)
	}
	if n := note(changeNewCol, gdp.sheetRow); !strings.HasPrefix(n, "本次原文：") || !strings.Contains(n, "3570.1") || !strings.Contains(n, revisedSeed+" 第 22 行") {
		t.Errorf("GDP 2024 new value's note %q", n)
	}
	if n := note(changeOldCol, gdp.sheetRow); !strings.HasPrefix(n, "上次原文：") || !strings.Contains(n, "3569.7") {
		t.Errorf("GDP 2024 old value's note %q", n)
	}

	jobs := findRow(t, rows, "新乡市", 2025, "目标", "城镇新增就业", "总量")
	if jobs.what != "修改" || jobs.old != "7.7" || jobs.new != "7.7" {
		t.Errorf("jobs target 2025: %s, want 修改 of the qualifier", jobs)
	}
	if o, n := shown(changeOldCol, jobs.sheetRow), shown(changeNewCol, jobs.sheetRow); o != "7.7万人" || n != "7.7万人以上" {
		t.Errorf("jobs target 2025 shown as %q → %q, want 7.7万人 → 7.7万人以上", o, n)
	}

	if r := findRow(t, rows, "新乡市", 2024, "实际", "固定资产投资", "增速"); r.what != "删除" || r.old != "8.9" || r.new != "" {
		t.Errorf("investment growth 2024: %s, want 删除 of 8.9", r)
	}
	if r := findRow(t, rows, "新乡市", 2024, "实际", "一般公共预算收入", "总量"); r.what != "新增" || r.old != "" || r.new != "245.3" {
		t.Errorf("budget revenue 2024: %s, want 新增 245.3", r)
	}
	if r := findRow(t, rows, "新乡市", 2024, "实际", "一般公共预算收入", "增速"); r.what != "新增" || r.new != "3.1" {
		t.Errorf("budget revenue growth 2024: %s, want 新增 3.1", r)
	}

	// Every figure of the dropped report is removed, after the regions that
	// are still there.
	gone := 0
	for i, r := range rows {
		if r.region != "焦作市" {
			if gone > 0 {
				t.Errorf("row %d (%s) after the rows of 焦作市", r.sheetRow, r)
			}
			continue
		}
		gone++
		if r.what != "删除" || r.file != droppedSeed || r.new != "" {
			t.Errorf("row %d: %s, want 删除 from %s", r.sheetRow, r, droppedSeed)
		}
		if i > 0 && rows[i-1].region == "焦作市" && rows[i-1].year > r.year {
			t.Errorf("row %d: year %s after %s", r.sheetRow, r.year, rows[i-1].year)
		}
	}
	if gone != dropped {
		t.Errorf("%d rows of 焦作市, want its %d observations", gone, dropped)
	}
	if d := findRow(t, rows, "焦作市", 2024, "目标", "地区生产总值", "增速"); d.old != "6.5" || shown(changeOldCol, d.sheetRow) != "6.5%" {
		t.Errorf("焦作市 GDP target: %s shown %q", d, shown(changeOldCol, d.sheetRow))
	}
}

func TestChangesGolden(t *testing.T) {
	_, prev := savePrevious(t, seedInputs(t))
	data := writeBytes(t, revisedInputs(t), WorkbookOptions{AsOf: demoAsOf, Previous: prev, PreviousName: previousName})
	checkGolden(t, changesDump, dumpWorkbook(t, data))
}

// TestChangesReadBack reads the 变更 sheet with LibreOffice and openpyxl.
func TestChangesReadBack(t *testing.T) {
	_, prev := savePrevious(t, seedInputs(t))
	path := filepath.Join(t.TempDir(), "changes.xlsx")
	err := SaveWorkbook(path, revisedInputs(t), WorkbookOptions{AsOf: demoAsOf, Previous: prev, PreviousName: previousName})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, _, rows := readChanges(t, f)
	f.Close()
	if len(rows) == 0 {
		t.Fatal("no changes")
	}
	header := rows[0].sheetRow - 1
	last := rows[len(rows)-1].sheetRow

	t.Run("openpyxl", func(t *testing.T) {
		s := openpyxlSheets(t, path)[changeSheet]
		checkView(t, s, changeSheet, fmt.Sprintf("B%d", header+1), fmt.Sprintf("$%d:$%d", header, header))
		lastCol, _ := excelize.ColumnNumberToName(len(changeHeader))
		if want := fmt.Sprintf("A%d:%s%d", header, lastCol, last); s.Tables[changeTable] != want {
			t.Errorf("tables %q, want %s on %s", s.Tables, changeTable, want)
		}
	})
	t.Run("LibreOffice", func(t *testing.T) {
		soffice := libreOffice(t)
		dir := t.TempDir()
		out := filepath.Join(dir, "csv")
		sofficeConvert(t, soffice, path, dir, out, csvFilter(false))
		csv := csvSheet(t, out, path, changeSheet)
		for _, r := range rows {
			if r.sheetRow > len(csv) {
				t.Fatalf("LibreOffice sees %d rows, want %d", len(csv), last)
			}
			got := append(csv[r.sheetRow-1], make([]string, len(changeHeader))...)[:len(changeHeader)]
			want := strings.Split(r.String(), "|")
			for c := range want {
				if got[c] != want[c] && !(isNumber(got[c]) && sameNumber(got[c], ptr(want[c]))) {
					t.Errorf("row %d column %s: LibreOffice reads %q, want %q", r.sheetRow, changeHeader[c], got[c], want[c])
				}
			}
		}
	})
}

// ptr parses a number for sameNumber; nil when s is not one.
func ptr(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}
