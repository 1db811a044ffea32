package export

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"zhibiao/extract/catalogue"

	"github.com/xuri/excelize/v2"
)

const (
	exampleTemplate = "../templates/examples/月报模板.xlsx"
	goldenFill      = "../testdata/workbook/fill.dump.txt"
)

// fillExample fills the example template with the seed reports.
func fillExample(t *testing.T) (template, filled []byte, problems []Problem) {
	t.Helper()
	template, err := os.ReadFile(exampleTemplate)
	if err != nil {
		t.Fatal(err)
	}
	filled, problems, err = Fill(template, seedInputs(t), FillOptions{AsOf: demoAsOf})
	if err != nil {
		t.Fatal(err)
	}
	return template, filled, problems
}

// TestFillExample: the example template filled with the seed reports gives
// the cells of the golden dump, every placeholder filled.
func TestFillExample(t *testing.T) {
	_, filled, problems := fillExample(t)
	for _, p := range problems {
		t.Errorf("%s!%s: %s: %s", p.Sheet, p.Cell, p.Placeholder, p.Message)
	}
	checkGolden(t, goldenFill, dumpWorkbook(t, filled))
	_, again, _ := fillExample(t)
	if !bytes.Equal(filled, again) {
		t.Error("two fills of the same inputs differ")
	}
}

// TestFillKeepsTemplate: filling changes the placeholder cells and nothing
// else: the sheets, every cell's style, every formula, every other value,
// the merged ranges, the pictures, the column widths and row heights are
// the template's.
func TestFillKeepsTemplate(t *testing.T) {
	template, filled, _ := fillExample(t)
	tf, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	ff, err := excelize.OpenReader(bytes.NewReader(filled))
	if err != nil {
		t.Fatal(err)
	}
	defer ff.Close()
	sheets := tf.GetSheetList()
	if got := ff.GetSheetList(); !slices.Equal(got, sheets) {
		t.Fatalf("sheets %q, want %q", got, sheets)
	}
	placeholders, formulas, pictures := 0, 0, 0
	for _, sheet := range sheets {
		all, err := tf.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		rows, cols := len(all), 0
		for _, r := range all {
			cols = max(cols, len(r))
		}
		for r := 1; r <= rows+1; r++ {
			th, _ := tf.GetRowHeight(sheet, r)
			fh, _ := ff.GetRowHeight(sheet, r)
			if th != fh {
				t.Errorf("%s row %d: height %v, want %v", sheet, r, fh, th)
			}
			for c := 1; c <= cols+1; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				if r == 1 {
					col, _ := excelize.ColumnNumberToName(c)
					tw, _ := tf.GetColWidth(sheet, col)
					fw, _ := ff.GetColWidth(sheet, col)
					if tw != fw {
						t.Errorf("%s column %s: width %v, want %v", sheet, col, fw, tw)
					}
				}
				ts, _ := tf.GetCellStyle(sheet, ref)
				fs, _ := ff.GetCellStyle(sheet, ref)
				if ts != fs {
					t.Errorf("%s!%s: style %d, want the template's %d", sheet, ref, fs, ts)
				}
				tfo, _ := tf.GetCellFormula(sheet, ref)
				ffo, _ := ff.GetCellFormula(sheet, ref)
				if tfo != ffo {
					t.Errorf("%s!%s: formula %q, want %q", sheet, ref, ffo, tfo)
				}
				if tfo != "" {
					formulas++
				}
				tv, _ := tf.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				fv, _ := ff.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				switch spans, escapes, _ := findPlaceholders(tv); {
				case len(spans) > 0:
					placeholders += len(spans)
					if strings.Contains(fv, "{{") {
						t.Errorf("%s!%s: %q is still there", sheet, ref, fv)
					}
				case len(escapes) > 0:
					if want := strings.ReplaceAll(tv, `\{{`, "{{"); fv != want {
						t.Errorf("%s!%s: %q, want %q", sheet, ref, fv, want)
					}
				case tfo == "" && tv != fv:
					t.Errorf("%s!%s: %q, want the template's %q", sheet, ref, fv, tv)
				}
				tp, _ := tf.GetPictures(sheet, ref)
				fp, _ := ff.GetPictures(sheet, ref)
				if len(tp) != len(fp) {
					t.Errorf("%s!%s: %d pictures, want %d", sheet, ref, len(fp), len(tp))
				}
				for i := range min(len(tp), len(fp)) {
					pictures++
					if !bytes.Equal(tp[i].File, fp[i].File) || tp[i].Extension != fp[i].Extension {
						t.Errorf("%s!%s: picture %d differs", sheet, ref, i)
					}
				}
			}
		}
		tm, _ := tf.GetMergeCells(sheet)
		fm, _ := ff.GetMergeCells(sheet)
		merged := func(ms []excelize.MergeCell) []string {
			var out []string
			for _, m := range ms {
				out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(merged(tm), merged(fm)) {
			t.Errorf("%s: merged %q, want %q", sheet, merged(fm), merged(tm))
		}
	}
	if placeholders < 30 || formulas < 6 || pictures != 1 {
		t.Errorf("the example has %d placeholders, %d formulas, %d pictures: not the template meant", placeholders, formulas, pictures)
	}
}

// TestFillValues: a placeholder alone in its cell becomes a number (or a
// text) in the cell's own style; inside text it becomes text.
func TestFillValues(t *testing.T) {
	_, filled, _ := fillExample(t)
	f, err := excelize.OpenReader(bytes.NewReader(filled))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct {
		ref, typ, raw string
	}{
		{"C5", "n", "6"}, {"D5", "n", "4.9"}, {"E5", "s", "未完成"}, {"F5", "n", "-1.1"},
		{"D7", "n", "8.9"}, {"E7", "s", "完成"}, {"C9", "n", "7.8"}, {"D9", "n", "8.3"},
		{"D20", "n", "7"}, {"C19", "s", "6%以上"},
		{"A12", "s", "2024年，新乡市完成地区生产总值3569.7亿元，增长4.9%，预期目标为6%，低于目标1.1个百分点；城镇新增就业8.3万人，完成全年目标。"},
	} {
		raw, _ := f.GetCellValue("月报", c.ref, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType("月报", c.ref)
		isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
		if raw != c.raw || isNumber != (c.typ == "n") {
			t.Errorf("%s: %q (type %v), want %q (%s)", c.ref, raw, typ, c.raw, c.typ)
		}
	}
	calc, err := f.GetCalcProps()
	if err != nil || calc.FullCalcOnLoad == nil || !*calc.FullCalcOnLoad {
		t.Errorf("formulas are not recalculated on opening: %+v %v", calc, err)
	}
}

// TestFillProblems: a placeholder that names nothing is left in its cell
// as written and reported with its sheet and cell; the others are filled.
func TestFillProblems(t *testing.T) {
	f := excelize.NewFile()
	cells := map[string]string{
		"A1":  "{{新乡市 地区生产总值增速 2024 实际}}",
		"B3":  "{{新乡市 地区生产总值增速 2030 实际}}",
		"B4":  "增长{{新乡市 gdp growth 2024 actual}}，目标{{新乡市 gdp growth 2099 target}}",
		"B5":  "{{新乡市 gdpp growth 2024 actual}}",
		"B6":  "{{长沙市 gdp growth 2024 actual}}",
		"B7":  "{{新乡市 gdp growth actual}}",
		"B8":  "{{新乡市 gdp growth 2024}}",
		"B9":  "{{gdp 新乡市 growth 2024 actual}}",
		"B10": "开头{{新乡市 gdp growth 2024 actual",
		"B11": "｛｛新乡 地区生产总值增速 2024 实际｝｝",
		"B12": "{{新乡市 地区生产总值增速 2024 完成情况}}",
		"B13": "{{牧野区 地区生产总值增速 2024 差距}}",
	}
	for ref, v := range cells {
		if err := f.SetCellStr("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	filled, problems, err := Fill(buf.Bytes(), seedInputs(t), FillOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%s!%s: %s: %s", p.Sheet, p.Cell, p.Placeholder, p.Message))
	}
	slices.Sort(got)
	want := []string{
		"Sheet1!B10: {{新乡市 gdp growth 2024 actual: no closing }} for this {{",
		"Sheet1!B13: {{牧野区 地区生产总值增速 2024 差距}}: no such figure",
		"Sheet1!B3: {{新乡市 地区生产总值增速 2030 实际}}: no such figure",
		"Sheet1!B4: {{新乡市 gdp growth 2099 target}}: no such figure",
		"Sheet1!B5: {{新乡市 gdpp growth 2024 actual}}: unknown word \"gdpp\": not an indicator, measure, scope or unit",
		"Sheet1!B6: {{长沙市 gdp growth 2024 actual}}: no such region in the reports: 长沙市",
		"Sheet1!B7: {{新乡市 gdp growth actual}}: no year: write the year of the figure, such as 2024",
		"Sheet1!B8: {{新乡市 gdp growth 2024}}: say 实际 or 目标 (actual or target)",
		"Sheet1!B9: {{gdp 新乡市 growth 2024 actual}}: a placeholder starts with the region, then the indicator: gdp is an indicator",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, err := excelize.OpenReader(bytes.NewReader(filled))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	for ref, want := range map[string]string{
		"A1":  "4.9",
		"B3":  cells["B3"],
		"B4":  "增长4.9%，目标{{新乡市 gdp growth 2099 target}}",
		"B5":  cells["B5"],
		"B6":  cells["B6"],
		"B10": cells["B10"],
		"B11": "4.9",
		"B12": "未完成",
	} {
		if got, _ := out.GetCellValue("Sheet1", ref); got != want {
			t.Errorf("%s: %q, want %q", ref, got, want)
		}
	}
}

// TestPlaceholderGrammar: the forms a placeholder may take, and what each
// names.
func TestPlaceholderGrammar(t *testing.T) {
	n := newNamer(catalogue.DefaultCatalogue())
	for _, c := range []struct {
		text, want string
	}{
		{"新乡市 地区生产总值 增速 2024 实际", "新乡市 gdp growth - - 2024 actual value"},
		{"新乡市 gdp growth 2024 target", "新乡市 gdp growth - - 2024 target value"},
		{"新乡市 GDP Growth 2024年 Target", "新乡市 gdp growth - - 2024 target value"},
		{"新乡市 地区生产总值增速 2024 完成情况", "新乡市 gdp growth - - 2024 - status"},
		{"新乡市 地区生产总值增速 2024 差距", "新乡市 gdp growth - - 2024 - gap"},
		{"新乡市 地区生产总值增速 2024 实际 原文", "新乡市 gdp growth - - 2024 actual source"},
		{"新乡市　2024 实际 地区生产总值增速 出处", "新乡市 gdp growth - - 2024 actual file"},
		{"新乡市 地区生产总值 2024 实际", "新乡市 gdp level - - 2024 actual value"},
		{"新乡市 经济增长 2025 目标 文字", "新乡市 gdp growth - - 2025 target text"},
		{"新乡市 城镇调查失业率 2024 目标", "新乡市 unemployment_rate rate - - 2024 target value"},
		{"新乡市 居民消费价格涨幅 2024 目标 单位", "新乡市 cpi growth - - 2024 target unit"},
		{"新乡市 地区生产总值全省排名 2023 实际", "新乡市 gdp rank province - 2023 actual value"},
		{"新乡市 gdp growth rank 全省 2023 actual", "新乡市 gdp growth_rank province - 2023 actual value"},
		{"新乡市 社会消费品零售总额 增速全市排名 2023 实际", "新乡市 retail_sales growth_rank city - 2023 actual value"},
		{"新乡市 税收收入占比 2023 实际", "新乡市 tax_revenue rate - - 2023 actual value"},
		{"新乡市 进出口总额 亿美元 2024 实际", "新乡市 foreign_trade level - 亿美元 2024 actual value"},
		{"新乡市", "error: no indicator named"},
		{"新乡市 地区生产总值 增速 比率 2024 实际", "error: two measures: 增速 and 比率"},
		{"新乡市 地区生产总值 2024 2025 实际", "error: two years: 2024 and 2025"},
		{"新乡市 地区生产总值 2024 实际 目标", "error: both 实际 and 目标 (actual and target)"},
		{"新乡市 城镇调查失业率 全省 2024 实际", "error: unemployment_rate does not take the measure 排名"},
		{"新乡市 地区生产总值 增速 全省 2024 实际", "error: 全省 is a scope of ranks, not of 增速"},
		{"新乡市 地区生产总值 社会消费品零售总额 2024 实际", "error: two indicators: gdp and retail_sales"},
		{"", "error: empty placeholder"},
	} {
		p, err := n.parsePlaceholder(c.text)
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else {
			dash := func(s string) string {
				if s == "" {
					return "-"
				}
				return s
			}
			got = strings.Join([]string{p.region, p.item.ind.ID, string(p.item.measure), dash(string(p.item.scope)), dash(p.item.unit),
				fmt.Sprint(p.year), dash(string(p.kind)), p.field}, " ")
		}
		if got != c.want {
			t.Errorf("{{%s}}: %s, want %s", c.text, got, c.want)
		}
	}
}

// TestFindPlaceholders: placeholders inside text, full-width braces, an
// escaped brace, and one left open.
func TestFindPlaceholders(t *testing.T) {
	s := `增长{{a b}}，｛｛c｝｝与 \{{d}} 及 {{e`
	spans, escapes, unclosed := findPlaceholders(s)
	var inner []string
	for _, sp := range spans {
		inner = append(inner, sp.inner)
	}
	if !slices.Equal(inner, []string{"a b", "c"}) || len(escapes) != 1 || s[escapes[0]] != '\\' || unclosed != strings.LastIndex(s, "{{") {
		t.Errorf("spans %q, escapes %v, unclosed %d", inner, escapes, unclosed)
	}
}

// TestFillReadBack: LibreOffice opens the filled example and works its
// formulas out over the filled figures.
func TestFillReadBack(t *testing.T) {
	soffice := libreOffice(t)
	_, filled, _ := fillExample(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "月报.xlsx")
	if err := os.WriteFile(path, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	sofficeConvert(t, soffice, path, dir, out, csvFilter(false))
	rows := csvSheet(t, out, path, "月报")
	at := func(ref string) string {
		c, r, _ := excelize.CellNameToCoordinates(ref)
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return rows[r-1][c-1]
		}
		return ""
	}
	// B21 averages the two cities, not a city with its own district.
	for ref, want := range map[string]float64{"D5": 4.9, "G5": -1.1, "G7": 0.9, "G9": 0.5, "E10": 2, "B21": (6 + 6.5) / 2} {
		v, err := strconv.ParseFloat(at(ref), 64)
		if err != nil || math.Abs(v-want) > 1e-9 {
			t.Errorf("%s: %q, want %v", ref, at(ref), want)
		}
	}
}

// TestPlaceText: a place is said as the reader of each form of file looks
// for it.
func TestPlaceText(t *testing.T) {
	for _, c := range []struct {
		file       string
		page, line int
		want, ref  string
	}{
		{"报告.txt", 0, 12, "第 12 行", "报告.txt:12"},
		{"报告.DOCX", 0, 3, "第 3 段", "报告.DOCX 第 3 段"},
		{"page.html", 0, 7, "第 7 段", "page.html 第 7 段"},
		{"报告.pdf", 2, 7, "第 2 页第 7 行", "报告.pdf 第 2 页第 7 行"},
	} {
		if got := placeText(c.file, c.page, c.line); got != c.want {
			t.Errorf("placeText(%s, %d, %d) = %q, want %q", c.file, c.page, c.line, got, c.want)
		}
		if got := sourceRef(c.file, c.page, c.line); got != c.ref {
			t.Errorf("sourceRef(%s, %d, %d) = %q, want %q", c.file, c.page, c.line, got, c.ref)
		}
	}
	if got := sourceRef("报告.txt", 0, 0); got != "报告.txt" {
		t.Errorf("no line: %q", got)
	}
}
