package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

const goldenReviewDump = "../testdata/workbook/review.dump.txt"

// Reports written for these tests: a city's 2024 plan, and its 2025
// report, which states its GDP growth twice with values that disagree,
// gives a county-sized figure in the wrong unit, and names trade beside a
// figure no rule reads.
var reviewTexts = map[string]string{
	"2024.txt": "各位代表：\n一、2023年工作回顾\n全市地区生产总值增长5%，一般公共预算收入达到120亿元。\n" +
		"二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长7%。\n",
	"2025.txt": "各位代表：\n一、2024年工作回顾\n过去一年，全市地区生产总值增长4.9%，规模以上工业增加值增长7.5%。\n" +
		"一般公共预算收入达到1300000亿元，增长5%。\n对东盟进出口增长12%。\n全年地区生产总值增长6.1%。\n二、2025年工作安排\n今年地区生产总值增长6%左右。\n",
}

// reviewInputs reads the reports, as the command does: each, then the
// checks across years.
func reviewInputs(t *testing.T) []Input {
	t.Helper()
	var inputs []Input
	var reports []*model.Report
	for _, name := range []string{"2024.txt", "2025.txt"} {
		rep, err := extract.Extract(name, []byte(reviewTexts[name]), extract.Options{Region: "新乡市"})
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Path: name, Report: rep})
		reports = append(reports, rep)
	}
	evaluate.CheckAcross(reports, nil)
	return inputs
}

// TestReviewSheet: the 待核对 sheet lists the items most serious first,
// each linking to its figure's cell, which is marked with a dashed border;
// its 更正 column offers 删除 and 确认 and takes any value; the workbook
// is Excel-clean in the model and streamed.
func TestReviewSheet(t *testing.T) {
	inputs := reviewInputs(t)
	data := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf})
	checkGolden(t, goldenReviewDump, dumpWorkbook(t, data))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(reviewSheet)
	var reasons []string
	for _, r := range rows[2:] {
		reason, _, _ := strings.Cut(r[revReason-1], "：")
		reasons = append(reasons, reason)
	}
	want := []string{"前后数值不一", "超出合理范围", "与相邻年份不符", "可能漏读"}
	if strings.Join(reasons, " ") != strings.Join(want, " ") {
		t.Errorf("reasons %q, want %q", reasons, want)
	}
	for i, r := range rows[2:] {
		if r[revValue-1] == "" {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(revValue, i+reviewFirstRow)
		ok, target, _ := f.GetCellHyperLink(reviewSheet, ref)
		sheet, cell, _ := strings.Cut(target, "!")
		if !ok || sheet != "'新乡市'" {
			t.Errorf("row %d: link %v %q", i+reviewFirstRow, ok, target)
			continue
		}
		id, _ := f.GetCellStyle("新乡市", cell)
		st, _ := f.GetStyle(id)
		if len(st.Border) == 0 || st.Border[0].Style != 8 || st.Border[0].Color != flagColour {
			t.Errorf("%s, the cell of row %d, is not marked: %+v", cell, i+reviewFirstRow, st.Border)
		}
	}
	ooxmlCheck(t, "review.xlsx", data)
	ooxmlCheck(t, "review-streamed.xlsx", writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, limits: limits{stream: true}}))
}

// TestCorrectionsSheet: corrections applied show on the region sheet with
// a double border and their note, go on the 更正 sheet as ReadCorrections
// reads them back, and on 来源 with the file's SHA-256.
func TestCorrectionsSheet(t *testing.T) {
	inputs := reviewInputs(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "更正.csv")
	os.WriteFile(path, []byte("地区,指标,口径,年份,实际/目标,更正,说明\n"+
		"新乡市,一般公共预算收入,总量,2024,实际,130亿元,万元之误\n"+
		"新乡市,地区生产总值,增速,2024,实际,确认,\n"+
		"新乡市,规模以上工业增加值,增速,2024,实际,7.5%以上,\n"+
		"新乡市,固定资产投资,增速,2024,实际,下降2%,补录\n"), 0o644)
	cf, err := ReadCorrections(path, nil)
	if err != nil || len(cf.Errors) > 0 {
		t.Fatal(err, cf.Errors)
	}
	var reports []*model.Report
	for _, in := range inputs {
		reports = append(reports, in.Report)
	}
	res := evaluate.ApplyCorrections(reports, cf.Rows)
	evaluate.CheckAcross(reports, nil)
	if res.Corrected != 2 || res.Confirmed != 1 || res.Added != 1 || len(res.Errors) > 0 {
		t.Fatalf("%+v", res)
	}
	data := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Corrections: &AppliedCorrections{File: cf, Result: res}})
	ooxmlCheck(t, "corrected.xlsx", data)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// 待核对: the conflict confirmed, the implausible and inconsistent
	// figure corrected; the unread sentence is left.
	rows, _ := f.GetRows(reviewSheet)
	if len(rows) != 3 || !strings.HasPrefix(rows[2][revReason-1], "可能漏读") {
		t.Errorf("待核对 %q", rows)
	}
	// 更正 reads back as the same corrections.
	back := filepath.Join(dir, "corrected.xlsx")
	os.WriteFile(back, data, 0o644)
	again, err := ReadCorrections(back, nil)
	if err != nil || len(again.Errors) > 0 || len(again.Rows) != len(cf.Rows) {
		t.Fatalf("read back: %v %v %d rows", err, again.Errors, len(again.Rows))
	}
	for i, r := range again.Rows {
		w := cf.Rows[i]
		if r.Key() != w.Key() || r.Action != w.Action || FormatNumber(r.Value) != FormatNumber(w.Value) || r.Qualifier != w.Qualifier || r.Note != w.Note {
			t.Errorf("row %d read back as %+v, want %+v", i, r, w)
		}
	}
	sources, _ := f.GetRows(sourceSheet)
	last := sources[len(sources)-1]
	if last[srcStatus-1] != "更正文件" || last[srcSHA256-1] != cf.SHA256 || !strings.Contains(last[srcWarnings-1], "更正 2、补录 1、删除 0、确认 1") {
		t.Errorf("来源 %q", last)
	}
}

// TestCorrectionValues: the values an analyst writes in 更正, with their
// qualifiers and units, and those that are no value.
func TestCorrectionValues(t *testing.T) {
	cat := catalogue.DefaultCatalogue()
	gdp, grain := cat.Indicator("gdp"), cat.Indicator("grain_output")
	for _, c := range []struct {
		text      string
		ind       *catalogue.Indicator
		measure   model.Measure
		value     string
		high      string
		qualifier model.Qualifier
	}{
		{"6.5", gdp, model.Growth, "6.5", "", model.Exact},
		{"6%左右", gdp, model.Growth, "6", "", model.About},
		{"约6％", gdp, model.Growth, "6", "", model.About},
		{"下降3%", gdp, model.Growth, "-3", "", model.Exact},
		{"下降1.8%以上", gdp, model.Growth, "-1.8", "", model.AtMost},
		{"下降3%以内", gdp, model.Growth, "-3", "", model.AtLeast},
		{"-3%", gdp, model.Growth, "-3", "", model.Exact},
		{"7%以上", gdp, model.Growth, "7", "", model.AtLeast},
		{"≤5.5%", gdp, model.Growth, "5.5", "", model.AtMost},
		{"6-6.5%", gdp, model.Growth, "6", "6.5", model.Range},
		{"6%—6.5%", gdp, model.Growth, "6", "6.5", model.Range},
		{"3500亿元", gdp, model.Level, "3500", "", model.Exact},
		{"35000000万元", gdp, model.Level, "3500", "", model.Exact},
		{"1,250.5", gdp, model.Level, "1250.5", "", model.Exact},
		{"93亿斤", grain, model.Level, "465", "", model.Exact},
		{"第4位", gdp, model.Rank, "4", "", model.Exact},
		{"4", gdp, model.Rank, "4", "", model.Exact},
	} {
		row := evaluate.CorrectionRow{Measure: c.measure}
		_, text := correctionAction(c.text)
		if err := parseCorrectionValue(&row, text, c.ind); err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if FormatNumber(row.Value) != c.value || FormatNumber(row.High) != c.high || row.Qualifier != c.qualifier {
			t.Errorf("%q: %s %s %s, want %s %s %s", c.text, FormatNumber(row.Value), FormatNumber(row.High), row.Qualifier, c.value, c.high, c.qualifier)
		}
	}
	// What the 更正 sheet writes reads back as the same value.
	for _, o := range []model.Observation{
		{Measure: model.Growth, Value: num(-1.8), Unit: "%", Qualifier: model.AtMost},
		{Measure: model.Growth, Value: num(-3), Unit: "%", Qualifier: model.AtLeast},
		{Measure: model.Growth, Value: num(6), High: num(6.5), Unit: "%", Qualifier: model.Range},
		{Measure: model.Level, Value: num(3500), Unit: "亿元", Qualifier: model.About},
		{Measure: model.Rank, Value: num(4), Unit: "位", Qualifier: model.Exact},
	} {
		row := evaluate.CorrectionRow{Measure: o.Measure}
		text := model.ValueText(&o)
		if err := parseCorrectionValue(&row, text, gdp); err != nil || *row.Value != *o.Value || row.Qualifier != o.Qualifier || FormatNumber(row.High) != FormatNumber(o.High) {
			t.Errorf("%q read back as %s %s %s (%v)", text, FormatNumber(row.Value), FormatNumber(row.High), row.Qualifier, err)
		}
	}
	for _, bad := range []struct {
		text    string
		measure model.Measure
	}{{"六点五", model.Growth}, {"3500万人", model.Level}, {"6%左右以上", model.Growth}, {"第零位", model.Rank}, {"", model.Growth}, {"1e400", model.Level}} {
		row := evaluate.CorrectionRow{Measure: bad.measure}
		_, text := correctionAction(bad.text)
		if err := parseCorrectionValue(&row, text, gdp); err == nil {
			t.Errorf("%q: no error, read %s %s", bad.text, FormatNumber(row.Value), row.Qualifier)
		}
	}
}

// num points to a number.
func num(v float64) *float64 { return &v }
