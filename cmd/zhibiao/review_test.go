package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Two reports of one city written for these tests: the 2024 report sets
// the year's targets; the 2025 report reviews the year, and states its
// GDP growth twice with values that disagree (the first is kept, and
// flagged), and names trade beside a figure no rule reads.
const (
	plan2024 = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n全市地区生产总值增长5%。\n" +
		"二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长7%。\n"
	review2025 = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n过去一年，全市地区生产总值增长4.9%，规模以上工业增加值增长7.5%。\n" +
		"对东盟进出口增长12%。\n全年地区生产总值增长6.1%，总量再上新台阶。\n二、2025年工作安排\n今年地区生产总值增长6%左右。\n"
)

// reviewReports writes the two reports in a folder and returns it.
func reviewReports(t *testing.T) string {
	dir := t.TempDir()
	in := filepath.Join(dir, "报告")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "2024.txt"), []byte(plan2024), 0o644)
	os.WriteFile(filepath.Join(in, "2025.txt"), []byte(review2025), 0o644)
	return dir
}

// reviewRows reads the rows of a workbook's 待核对 sheet after its
// header, by column name.
func reviewRows(t *testing.T, f *excelize.File) []map[string]string {
	t.Helper()
	rows, err := f.GetRows("待核对")
	if err != nil || len(rows) < 2 {
		t.Fatalf("待核对: %v %q", err, rows)
	}
	var out []map[string]string
	for _, r := range rows[2:] {
		m := map[string]string{}
		for i, h := range rows[1] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// cellOf finds, on a region sheet, the cell in the row of label under the
// year's header of kind (实际 or 目标), and the cell of its status.
func cellOf(t *testing.T, f *excelize.File, sheet, label, year, kind string) (value, status, ref string) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	col := -1
	for c := range rows[1] {
		// the year's header is merged over its block: 实际 目标 完成情况 差距
		if rows[1][c] == year {
			for k := c; k < c+4 && k < len(rows[2]); k++ {
				if rows[2][k] == kind {
					col = k
				}
			}
		}
	}
	for r, row := range rows {
		if len(row) > 1 && slices.Contains(row[:3], label) && col >= 0 && col < len(row) {
			ref, _ = excelize.CoordinatesToCellName(col+1, r+1)
			statusRef, _ := excelize.CoordinatesToCellName(col+3, r+1)
			v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			s, _ := f.GetCellValue(sheet, statusRef)
			return v, s, ref
		}
	}
	t.Fatalf("%s: no row %q with %s %s", sheet, label, year, kind)
	return
}

// borderStyle is the style of a cell's left border.
func borderStyle(t *testing.T, f *excelize.File, sheet, ref string) int {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || len(st.Border) == 0 {
		return 0
	}
	return st.Border[0].Style
}

// TestReviewRoundTrip: the analyst fills 更正 and 确认 in this month's
// 待核对 sheet as in Excel and gives the workbook to the next run: the
// corrected value is on the region sheet, marked and evaluated; the
// confirmed item is gone; the next workbook carries the corrections on
// its 更正 sheet, so that the month after keeps them.
func TestReviewRoundTrip(t *testing.T) {
	dir := reviewReports(t)
	first := filepath.Join(dir, "一月.xlsx")
	code, _, stderr := runCLI("export", "--quiet", "--region", "新乡市", "-o", first, filepath.Join(dir, "报告"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if sheets := f.GetSheetList(); len(sheets) < 3 || sheets[1] != "待核对" {
		t.Errorf("sheets %q: 待核对 is not after 概览", sheets)
	}
	if line, _ := f.GetCellValue("概览", "A3"); !strings.HasPrefix(line, "待核对 2 项") {
		t.Errorf("概览!A3 = %q", line)
	}
	rows := reviewRows(t, f)
	var conflict, unread int = -1, -1
	for i, r := range rows {
		switch {
		case strings.HasPrefix(r["原因"], "前后数值不一") && r["指标"] == "地区生产总值":
			conflict = i
		case strings.HasPrefix(r["原因"], "可能漏读") && r["指标"] == "进出口总额":
			unread = i
		}
	}
	if conflict != 0 || unread < 0 || len(rows) != 2 {
		t.Fatalf("待核对 rows %v: want the conflict first, then the unread sentence", rows)
	}
	if got := rows[conflict]; got["数值"] != "4.9%" || got["年份"] != "2024" || got["实际/目标"] != "实际" || got["文件:行"] != "2025.txt:4" {
		t.Errorf("conflict row %v", got)
	}
	// The row links to the figure's cell, which is marked.
	link, target, _ := f.GetCellHyperLink("待核对", "G3")
	value, status, ref := cellOf(t, f, "新乡市", "地区生产总值增速 (%)", "2024年", "实际")
	if !link || target != "'新乡市'!"+ref {
		t.Errorf("link %v %q, want the cell %s", link, target, ref)
	}
	if value != "4.9" || status != "未完成" || borderStyle(t, f, "新乡市", ref) != 8 {
		t.Errorf("before: %s = %q %q, border %d", ref, value, status, borderStyle(t, f, "新乡市", ref))
	}
	// The analyst's corrections, typed as in Excel.
	f.SetCellStr("待核对", "K3", "6.1%")
	f.SetCellStr("待核对", "L3", "以统计公报为准")
	f.SetCellStr("待核对", "K4", "确认")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	second := filepath.Join(dir, "二月.xlsx")
	code, _, stderr = runCLI("export", "--quiet", "--region", "新乡市", "--corrections", first, "-o", second, filepath.Join(dir, "报告"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := excelize.OpenFile(second)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	value, status, ref = cellOf(t, g, "新乡市", "地区生产总值增速 (%)", "2024年", "实际")
	if value != "6.1" || status != "完成" || borderStyle(t, g, "新乡市", ref) != 6 {
		t.Errorf("after: %s = %q %q, border %d; want 6.1, 完成, the double border", ref, value, status, borderStyle(t, g, "新乡市", ref))
	}
	if note := commentOf(t, g, "新乡市", ref); !strings.Contains(note, "人工更正：以统计公报为准（一月.xlsx:待核对 第 3 行）") {
		t.Errorf("note %q", note)
	}
	if rows := reviewRows(t, g); len(rows) != 0 {
		t.Errorf("待核对 after: %v, want nothing left", rows)
	}
	if sheets := g.GetSheetList(); !slices.Contains(sheets, "更正") {
		t.Errorf("no 更正 sheet: %q", sheets)
	}
	// The month after: the new workbook alone keeps the corrections.
	third := filepath.Join(dir, "三月.xlsx")
	if code, _, stderr = runCLI("export", "--quiet", "--region", "新乡市", "--corrections", second, "-o", third, filepath.Join(dir, "报告")); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	h, err := excelize.OpenFile(third)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if value, status, _ := cellOf(t, h, "新乡市", "地区生产总值增速 (%)", "2024年", "实际"); value != "6.1" || status != "完成" {
		t.Errorf("the month after: %q %q", value, status)
	}
	if rows := reviewRows(t, h); len(rows) != 0 {
		t.Errorf("待核对 the month after: %v", rows)
	}
}

// commentOf returns the note of a cell.
func commentOf(t *testing.T, f *excelize.File, sheet, ref string) string {
	cs, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Cell == ref {
			var b strings.Builder
			for _, p := range c.Paragraph {
				b.WriteString(p.Text)
			}
			return b.String()
		}
	}
	return ""
}

// TestCorrectionsCSV: a corrections CSV saved by Excel on a Chinese
// Windows (GB18030), its columns in another order, corrects, deletes,
// confirms and adds; the JSON carries the correction and the TSV the
// flags.
func TestCorrectionsCSV(t *testing.T) {
	dir := reviewReports(t)
	csv := "实际/目标,年份,地区,指标,口径,更正,说明\r\n" +
		"实际,2024,新乡市,地区生产总值,增速,6.1,公报\r\n" +
		"实际,2024,新乡市,规模以上工业增加值,增速,删除,\r\n" +
		",,新乡市,进出口总额,,确认,对东盟的\r\n" +
		"实际,2024,新乡,固定资产投资,增速,8.2%,补录\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "更正.csv")
	os.WriteFile(path, []byte(gb), 0o644)
	code, out, stderr := runCLI("extract", "--format", "tsv", "--region", "新乡市", "--corrections", path, filepath.Join(dir, "报告"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"2025.txt\t新乡市\tgdp\t2024\tactual\tgrowth\t6.1\t\t%\texact\t\t",
		"2025.txt\t新乡市\tfixed_asset_investment\t2024\tactual\tgrowth\t8.2\t\t%\texact\t\t（人工补录）\t0\t\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "industry_value_added\t2024\tactual") {
		t.Errorf("the deleted figure is still there:\n%s", out)
	}
	code, out, _ = runCLI("extract", "--region", "新乡市", "--corrections", path, filepath.Join(dir, "报告"))
	if code != exitOK || !strings.Contains(out, `"corrected": {`) || !strings.Contains(out, `"file": "更正.csv"`) || strings.Contains(out, `"reason": "unread"`) {
		t.Errorf("JSON: exit %d\n%s", code, out)
	}
	// Without corrections, the TSV says the flag.
	_, out, _ = runCLI("extract", "--format", "tsv", "--region", "新乡市", filepath.Join(dir, "报告"))
	if !strings.Contains(out, "\tgdp\t2024\tactual\tgrowth\t4.9\t\t%\texact\t\t全市地区生产总值增长4.9%\t4\tconflict\n") {
		t.Errorf("TSV without the conflict flag:\n%s", out)
	}
}

// TestBadCorrections: each bad row of a corrections file is file:line:
// message, exit 1; the good rows are still applied, and with --strict
// nothing is written.
func TestBadCorrections(t *testing.T) {
	dir := reviewReports(t)
	csv := "地区,指标,口径,年份,实际/目标,更正\n" +
		"新乡市,地区生产总值,增速,2024,实际,6.1\n" + // line 2: good
		"新新市,地区生产总值,增速,2024,实际,6\n" + // 3: no such region
		"新乡市,数字经济,增速,2024,实际,6\n" + // 4: no such indicator
		"新乡市,规模以上工业增加值,增速,2024,实际,七点五\n" + // 5: not a number
		"新乡市,地区生产总值,增速,2024,实际,6.2\n" + // 6: the same figure as line 2
		"新乡市,社会消费品零售总额,增速,2024,实际,删除\n" // 7: names no figure
	path := filepath.Join(dir, "更正.csv")
	os.WriteFile(path, []byte(csv), 0o644)
	code, out, stderr := runCLI("extract", "--lang", "zh", "--format", "tsv", "--region", "新乡市", "--corrections", path, filepath.Join(dir, "报告"))
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	for _, want := range []string{
		"更正.csv:3: 报告中没有地区 新新市",
		"更正.csv:4: 无法识别 \"数字经济\"",
		"更正.csv:5: \"七点五\" 不是增速数值",
		"更正.csv:6: 与第 2 行是同一个数字",
		"更正.csv:7: 报告中没有要删除的数字：新乡市 retail_sales 增速 2024年 actual",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "\tgdp\t2024\tactual\tgrowth\t6.1\t") {
		t.Errorf("the good row is not applied:\n%s", out)
	}
	out2 := filepath.Join(dir, "x.xlsx")
	if code, _, _ := runCLI("export", "--quiet", "--strict", "--region", "新乡市", "--corrections", path, "-o", out2, filepath.Join(dir, "报告")); code != exitInput {
		t.Errorf("--strict: exit %d", code)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("--strict wrote the workbook")
	}
}
