package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// TestDefaultLayoutReproducesWorkbook: the built-in layout, given as the
// default, as a layout file, or inherited by an empty layout file, writes
// the workbook of the golden dumps unchanged.
func TestDefaultLayoutReproducesWorkbook(t *testing.T) {
	inputs := seedInputs(t)
	want := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf})
	checkGolden(t, goldenDump, dumpWorkbook(t, want))
	for name, text := range map[string]string{"built-in as a file": DefaultLayoutJSON(), "empty object": "{}"} {
		l, err := ParseLayout("版式.json", []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Layout: l}); !bytes.Equal(got, want) {
			t.Errorf("%s: the workbook differs from the one of the built-in layout", name)
		}
	}
}

// TestDefaultLayoutCoversCatalogue: the built-in layout lists every
// indicator of the built-in catalogue once, and compares the core ones.
func TestDefaultLayoutCoversCatalogue(t *testing.T) {
	cat := catalogue.DefaultCatalogue()
	p, err := DefaultLayout().resolve(cat)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, s := range p.slots {
		seen[s.item.ind.ID]++
		if s.item.measure != "" {
			t.Errorf("%s: the built-in layout picks measure %s", s.item.ind.ID, s.item.measure)
		}
	}
	var core []string
	for _, ind := range cat.Indicators {
		if seen[ind.ID] != 1 {
			t.Errorf("%s is listed %d times", ind.ID, seen[ind.ID])
		}
		if ind.Tier == "core" {
			core = append(core, ind.ID)
		}
	}
	var columns []string
	for _, c := range p.columns {
		columns = append(columns, c.ind.ID)
		if c.measure != c.ind.Target {
			t.Errorf("%s compared at %s, not its target's measure", c.ind.ID, c.measure)
		}
	}
	if !slices.Equal(columns, core) {
		t.Errorf("compared %v, want the core indicators %v", columns, core)
	}
}

// TestLayoutErrors: each mistake in a layout file is reported at its line
// and column.
func TestLayoutErrors(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"syntax", "{\n  \"regions\": {\n    \"title\": \"x\",\n  }\n}\n",
			"版式.json:4:3: not valid JSON: invalid character '}' looking for beginning of object key string"},
		{"unknown field", "{\n  \"regions\": {\n    \"titel\": \"x\"\n  }\n}\n",
			`版式.json:3:5: unknown field "regions.titel"`},
		{"unknown top-level field", "{\"region\": {}}", `版式.json:1:2: unknown field "region"`},
		{"type", "{\n  \"regions\": {\n    \"title\": 5\n  }\n}\n", "版式.json:3:14: regions.title must be text in quotes"},
		{"type in a list", "{\"regions\": {\"groups\": [{\"name\": \"a\", \"rows\": [\"gdp\",\n 3]}]}}",
			"版式.json:2:2: regions.groups[0].rows[1] must be text in quotes"},
		{"type of a list", "{\"compare\": {\"columns\": \"gdp\"}}", "版式.json:1:25: compare.columns must be a list [ … ]"},
		{"bool", "{\"regions\": {\"others\": \"yes\"}}", "版式.json:1:24: regions.others must be true or false"},
		{"truncated", "{\"regions\": {}", "版式.json:1:15: the layout ends too early"},
		{"trailing", "{\"regions\": {}}\n,", "版式.json:2:1: more text after the layout's closing }"},
		{"years", "{\n  \"regions\": {\"years\": \"20x4\"}\n}", `版式.json:2:24: years must be a year (2024) or a range (2023-2025), not "20x4"`},
		{"backwards years", "{\"regions\": {\"years\": \"2025-2023\"}}", "版式.json:1:23: years must be"},
		{"group name", "{\"regions\": {\"groups\": [{\"rows\": [\"gdp\"]}]}}", "版式.json:1:25: a group needs a name"},
		{"compare year", "{\"compare\": {\"year\": 24}}", "版式.json:1:22: year 24 is not between 1949 and 2100"},
		{"sheet name", "{\"compare\": {\"sheet\": \"明细\"}}", `版式.json:1:23: "明细" cannot name the 对比 sheet`},
		{"unknown indicator", "{\n  \"regions\": {\n    \"groups\": [\n      {\"name\": \"核心\", \"rows\": [\"gdp\", \"gdpp\"]}\n    ]\n  }\n}",
			`版式.json:4:38: unknown word "gdpp": not an indicator, measure, scope or unit`},
		{"measure", "{\"compare\": {\"columns\": [\"gdp\",\n    \"城镇调查失业率 增速\"]}}", "版式.json:2:5: unemployment_rate does not take the measure 增速"},
		{"two indicators", "{\"compare\": {\"columns\": [\"gdp retail_sales\"]}}", "版式.json:1:26: two indicators: gdp and retail_sales"},
		{"empty", "  \n", "版式.json: empty layout"},
	} {
		l, err := ParseLayout("版式.json", []byte(c.text))
		if err == nil {
			err = l.Check(nil)
		}
		var fe *model.FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// sheetRows reads a sheet's rows back.
func sheetRows(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column lists the cells of one column from a row on.
func column(rows [][]string, col, from int) []string {
	var out []string
	for i := from - 1; i < len(rows); i++ {
		if col-1 < len(rows[i]) {
			out = append(out, rows[i][col-1])
		} else {
			out = append(out, "")
		}
	}
	return out
}

// TestLayoutYearsAndIndicators: --years and --indicators choose the years
// of the region sheets and the indicators of the region sheets and the 对比
// sheet, in the order given.
func TestLayoutYearsAndIndicators(t *testing.T) {
	inputs := seedInputs(t)
	l := DefaultLayout()
	if err := l.SetYears("2024"); err != nil {
		t.Fatal(err)
	}
	l.SetIndicators([]string{"社会消费品零售总额", "gdp growth", "城镇调查失业率"})
	if err := l.Check(nil); err != nil {
		t.Fatal(err)
	}
	data := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Layout: l})

	rows := sheetRows(t, data, "新乡市")
	if got := rows[1][2:]; !slices.Equal(got, []string{"2024年"}) {
		t.Errorf("years %q, want 2024 alone", got)
	}
	if got, want := column(rows, 2, regionFirstRow), []string{"社会消费品零售总额增速 (%)", "地区生产总值增速 (%)", "城镇调查失业率 (%)"}; !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if got, want := column(rows, 1, regionFirstRow), []string{"消费", "经济总量", "就业"}; !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	compare := sheetRows(t, data, "对比")
	var headers []string
	for _, h := range compare[1][compareLead:] {
		if h != "" {
			headers = append(headers, h)
		}
	}
	if want := []string{"社会消费品零售总额增速 (%)", "地区生产总值增速 (%)", "城镇调查失业率 (%)"}; !slices.Equal(headers, want) {
		t.Errorf("对比 headers %q, want %q", headers, want)
	}
	if compare[0][0] != "2024年主要指标对比" {
		t.Errorf("对比 title %q", compare[0][0])
	}

	// A range: the years within it that have figures.
	l = DefaultLayout()
	if err := l.SetYears("2024-2030"); err != nil {
		t.Fatal(err)
	}
	rows = sheetRows(t, writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Layout: l}), "新乡市")
	if got := slices.DeleteFunc(slices.Clone(rows[1][2:]), func(s string) bool { return s == "" }); !slices.Equal(got, []string{"2024年", "2025年"}) {
		t.Errorf("years %q, want 2024 and 2025", got)
	}
	for _, bad := range []string{"20x4", "2025-2023", "-", "1800"} {
		if err := DefaultLayout().SetYears(bad); err == nil {
			t.Errorf("--years %q accepted", bad)
		}
	}
}

// TestLayoutFile: a layout file regroups and reorders the rows, leaves out
// the others, picks measures, and sets the titles and the 对比 sheet's
// name and year.
func TestLayoutFile(t *testing.T) {
	text := `{
  "regions": {
    "title": "{地区}经济运行情况",
    "groups": [
      {"name": "总量与速度", "rows": ["地区生产总值增速", "gdp level", "地区生产总值全省排名"]},
      {"name": "民生", "rows": ["城镇新增就业", "居民消费价格涨幅"]}
    ],
    "others": false
  },
  "compare": {"sheet": "各地对比", "title": "{年份}年各地对比", "year": 2025, "columns": ["城镇新增就业", "gdp growth"], "others": false}
}`
	l, err := ParseLayout("版式.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	data := writeBytes(t, seedInputs(t), WorkbookOptions{AsOf: demoAsOf, Layout: l})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	f.Close()
	if want := []string{"概览", "待核对", "各地对比", "新乡市", "牧野区", "焦作市", "明细", "来源"}; !slices.Equal(sheets, want) {
		t.Errorf("sheets %q, want %q", sheets, want)
	}
	rows := sheetRows(t, data, "新乡市")
	if !strings.HasPrefix(rows[0][0], "新乡市经济运行情况") {
		t.Errorf("title %q", rows[0][0])
	}
	want := []string{"地区生产总值增速 (%)", "地区生产总值 (亿元)", "地区生产总值全省排名 (位)", "城镇新增就业 (万人)", "居民消费价格涨幅 (%)"}
	if got := column(rows, 2, regionFirstRow); !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if got := column(rows, 1, regionFirstRow); !slices.Equal(got, []string{"总量与速度", "总量与速度", "总量与速度", "民生", "民生"}) {
		t.Errorf("groups %q", got)
	}
	compare := sheetRows(t, data, "各地对比")
	if compare[0][0] != "2025年各地对比" || compare[1][compareLead] != "城镇新增就业 (万人)" || compare[1][compareLead+4] != "地区生产总值增速 (%)" { // 城镇新增就业 is a level: no rank column
		t.Errorf("对比 sheet: %q %q", compare[0], compare[1])
	}
}

// TestLayoutOthers: an indicator a user adds to the catalogue shows after
// the listed indicators of its group, and one switched off is not shown.
func TestLayoutOthers(t *testing.T) {
	var buf bytes.Buffer
	if err := catalogue.WriteCatalogueCSV(&buf, catalogue.DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	// Edited as a user does in a spreadsheet: retail_sales made extended,
	// gdp switched off, a row added.
	table, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tier, enabled := slices.Index(table[0], "层级"), slices.Index(table[0], "启用")
	if tier < 0 || enabled < 0 {
		t.Fatalf("no column 层级 or 启用 in %q", table[0])
	}
	edited := 0
	for _, row := range table[1:] {
		switch row[0] {
		case "retail_sales":
			row[tier] = "扩展"
			edited++
		case "gdp":
			row[enabled] = "否"
			edited++
		}
	}
	if edited != 2 {
		t.Fatalf("edited %d rows, want gdp and retail_sales", edited)
	}
	table = append(table, []string{"digital_economy", "扩展", "工业", "数字经济规模", "亿元", "越高越好", "总量、增速", "总量", "否", "", "是"})
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.WriteAll(table)
	text := out.String()
	cat, err := catalogue.ParseCatalogueCSV("指标.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for _, in := range seedInputs(t) {
		data, err := readSeed(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := extract.Extract(in.Path, data, extract.Options{Catalogue: cat})
		inputs = append(inputs, Input{Path: in.Path, Report: rep, Err: err})
	}
	data := writeBytes(t, inputs, WorkbookOptions{AsOf: demoAsOf, Catalogue: cat})
	rows := column(sheetRows(t, data, "新乡市"), 2, regionFirstRow)
	for _, r := range rows {
		if strings.HasPrefix(r, "地区生产总值") {
			t.Errorf("gdp is switched off, yet its row %q is shown", r)
		}
	}
	i := slices.Index(rows, "数字经济规模 (亿元)")
	if i < 1 || !strings.HasPrefix(rows[i-1], "规模以上工业增加值") {
		t.Errorf("数字经济规模 not after the rows of 工业: %q", rows)
	}
	compare := sheetRows(t, data, "对比")[1]
	if slices.Contains(compare, "社会消费品零售总额增速 (%)") != true {
		t.Errorf("retail_sales is listed as a column of the built-in layout, core or not: %q", compare)
	}
	if slices.ContainsFunc(compare, func(s string) bool { return strings.HasPrefix(s, "地区生产总值") }) {
		t.Errorf("gdp is switched off, yet compared: %q", compare)
	}
}

// readSeed reads a seed report by the path seedInputs gives it.
func readSeed(path string) ([]byte, error) { return os.ReadFile("../" + path) }
