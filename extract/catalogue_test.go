package extract

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The indicators SPEC §3 names; the built-in catalogue must have them all.
var (
	specCore = []string{"gdp", "industry_value_added", "fixed_asset_investment", "retail_sales", "budget_revenue",
		"tax_revenue", "unemployment_rate", "urban_new_jobs", "cpi", "resident_income", "grain_output",
		"energy_intensity", "rd_intensity", "foreign_trade"}
	specExtended = []string{"new_loans", "market_entities", "livelihood_spending", "rural_labor_transfer",
		"new_skilled_workers", "tourist_visits", "tourism_revenue", "tech_contract_value", "urbanization_rate",
		"rural_income", "urban_income"}
)

func TestDefaultCatalogue(t *testing.T) {
	cat := DefaultCatalogue()
	for _, ids := range []struct {
		tier string
		ids  []string
	}{{"core", specCore}, {"extended", specExtended}} {
		for _, id := range ids.ids {
			ind := cat.Indicator(id)
			if ind == nil {
				t.Errorf("catalogue lacks %s", id)
				continue
			}
			if ind.Tier != ids.tier {
				t.Errorf("%s: tier %s, want %s", id, ind.Tier, ids.tier)
			}
		}
	}
	down := map[string]bool{"unemployment_rate": true, "cpi": true, "energy_intensity": true}
	for _, ind := range cat.Indicators {
		if down[ind.ID] != (ind.Direction == "down") {
			t.Errorf("%s: direction %s", ind.ID, ind.Direction)
		}
	}
}

const catalogueHeader = "id\ttier\tgroup\tname\tunit\tdirection\tmeasures\ttarget\tadds\taliases\n"

func TestParseCatalogueErrors(t *testing.T) {
	good := "gdp\tcore\t经济\t地区生产总值\t亿元\tup\tlevel,growth\tgrowth\tno\t地区生产总值|生产总值\n"
	for _, c := range []struct {
		name, text, want string
	}{
		{"fields", catalogueHeader + "gdp\tcore\n", "指标.tsv:2: want 10 tab-separated fields, have 2"},
		{"unit", catalogueHeader + strings.Replace(good, "亿元", "亿斤", 1), "指标.tsv:2: gdp: unknown unit \"亿斤\""},
		{"direction", catalogueHeader + strings.Replace(good, "\tup\t", "\tupward\t", 1), "指标.tsv:2: gdp: direction \"upward\" is neither up nor down"},
		{"measure", catalogueHeader + strings.Replace(good, "level,growth", "level,speed", 1), "指标.tsv:2: gdp: unknown measure \"speed\""},
		{"target", catalogueHeader + strings.Replace(good, "\tgrowth\tno", "\trate\tno", 1), "指标.tsv:2: gdp: target measure \"rate\" is not one of its measures"},
		{"adds", catalogueHeader + strings.Replace(good, "\tno\t", "\tmaybe\t", 1), "指标.tsv:2: adds must be yes or no, not \"maybe\""},
		{"duplicate id", catalogueHeader + good + "# a comment\n" + good, "指标.tsv:4: indicator \"gdp\" listed twice"},
		{"alias twice", catalogueHeader + good + strings.NewReplacer("gdp", "gdp2", "地区生产总值|", "").Replace(good), "alias \"生产总值\" claimed by both gdp and gdp2"},
	} {
		_, err := ParseCatalogue("指标.tsv", strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestCatalogueAddsIndicator: an indicator added to the catalogue, as a
// user would, is found without any change to the code.
func TestCatalogueAddsIndicator(t *testing.T) {
	text := catalogueHeader +
		"gdp\tcore\t经济\t地区生产总值\t亿元\tup\tlevel,growth\tgrowth\tno\t地区生产总值\n" +
		"exports\textended\t开放\t出口总额\t亿元\tup\tlevel,growth\tgrowth\tno\t出口总额|外贸出口\n"
	cat, err := ParseCatalogue("my.tsv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	rep := &model.Report{}
	ReadText(rep, "一年来,全市地区生产总值增长5%,外贸出口增长12.5%。", Options{Region: "新乡市", Year: 2025, Catalogue: cat})
	got := observationKeys(rep)
	want := []string{"gdp growth 2024 actual 5 - % exact ", "exports growth 2024 actual 12.5 - % exact "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCatalogueCSVRoundTrip: the CSV `zhibiao indicators --format csv`
// writes reads back as the same catalogue, and extracts the same figures.
func TestCatalogueCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalogueCSV(&buf, DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\ufeffid,层级,分组,名称,单位,方向,口径,无数字目标口径,累加,别名,启用,名义增速,合理范围\r\n")) {
		t.Errorf("header: %q", data[:min(len(data), 120)])
	}
	cat, err := ParseCatalogueCSV("指标.csv", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultCatalogue()
	if len(cat.Indicators) != len(def.Indicators) {
		t.Fatalf("%d indicators, want %d", len(cat.Indicators), len(def.Indicators))
	}
	for i, got := range cat.Indicators {
		want := def.Indicators[i]
		want.Aliases = slices.Clone(want.Aliases)
		for j, a := range want.Aliases {
			want.Aliases[j] = chineseAlias(a) // written with the measure in Chinese
		}
		got.Line, want.Line = 0, 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("indicator %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	for _, seed := range []string{"000_cd39c75d5ad0c911.txt", "001_ad040a272685ffdb.txt"} {
		text, err := os.ReadFile("../testdata/seeds/" + seed)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := Extract(seed, text, Options{})
		b, _ := Extract(seed, text, Options{Catalogue: cat})
		if !slices.Equal(observationKeys(a), observationKeys(b)) {
			t.Errorf("%s: the CSV catalogue finds other figures", seed)
		}
	}
}

// TestCatalogueCSVAddsIndicator: a row added to the CSV in a spreadsheet
// (Chinese values, the last cells left empty, saved as GBK) adds an
// indicator that is then extracted from a seed report.
func TestCatalogueCSVAddsIndicator(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalogueCSV(&buf, DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	buf.WriteString("digital_economy,扩展,数字经济,数字经济规模,亿元,越高越好,总量、增速,总量,否,数字经济总量\r\n")
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"utf-8": buf.Bytes(), "gbk": gbk} {
		cat, err := ParseCatalogueCSV("指标.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ind := cat.Indicator("digital_economy")
		if ind == nil || ind.Tier != "extended" || ind.Direction != "up" || ind.Disabled || !slices.Equal(ind.Measures, []string{model.Level, model.Growth}) {
			t.Fatalf("%s: digital_economy read as %+v", name, ind)
		}
		text, err := os.ReadFile("../testdata/seeds/000_cd39c75d5ad0c911.txt")
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Extract("000.txt", text, Options{Catalogue: cat})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, o := range rep.Observations {
			if o.Indicator == "digital_economy" {
				found = true
				if got := observationKeys(&model.Report{Observations: []model.Observation{o}})[0]; got != "digital_economy level 2023 actual 1000 - 亿元 at_least " || o.Line != 35 {
					t.Errorf("%s: %s line %d", name, got, o.Line)
				}
			}
		}
		if !found {
			t.Errorf("%s: the new indicator is not extracted (its name, 数字经济规模, is one of its aliases)", name)
		}
	}
}

// TestCatalogueFileErrors: every mistake in an edited CSV is reported at
// its line.
func TestCatalogueFileErrors(t *testing.T) {
	header := "id,层级,分组,名称,单位,方向,口径,无数字目标口径,累加,别名,启用\n"
	gdp := "gdp,核心,经济总量,地区生产总值,亿元,越高越好,总量、增速,增速,否,地区生产总值|生产总值,是\n"
	jobs := "jobs,核心,就业,城镇新增就业,万人,up,level,level,yes,城镇新增就业|新增就业!,是\n"
	for _, c := range []struct {
		name, text, want string
	}{
		{"unit", header + gdp + strings.Replace(jobs, "万人", "万个", 1),
			`指标.csv:3: jobs: unknown unit "万个" (the units are % 万人 万人次 万吨 万户 亿元 亿美元 位 元)`},
		{"direction", header + strings.Replace(gdp, "越高越好", "上升", 1), `指标.csv:2: gdp: direction "上升" is neither up nor down`},
		{"duplicate id", header + gdp + jobs + strings.Replace(gdp, "地区生产总值|生产总值", "GDP", 1),
			`指标.csv:4: indicator "gdp" listed twice (first on line 2)`},
		{"alias twice in a row", header + strings.Replace(gdp, "|生产总值", "|生产总值|生产总值", 1), `指标.csv:2: gdp: alias "生产总值" listed twice`},
		{"alias of two indicators", header + gdp + "\n" + strings.Replace(jobs, "新增就业!", "生产总值", 1),
			`指标.csv:4: alias "生产总值" claimed by both gdp and jobs (gdp is on line 2)`},
		{"measure", header + strings.Replace(gdp, "总量、增速", "总量、速度", 1), `指标.csv:2: gdp: unknown measure "速度"`},
		{"target", header + strings.Replace(gdp, ",增速,否", ",比率,否", 1), `指标.csv:2: gdp: target measure "rate" is not one of its measures`},
		{"enabled", header + strings.Replace(gdp, ",是\n", ",也许\n", 1), `指标.csv:2: gdp: enabled must be yes or no, not "也许"`},
		{"id", header + strings.Replace(gdp, "gdp,", "g d p,", 1), `指标.csv:2: id "g d p": use letters, digits and _ only, starting with a letter`},
		{"fields", header + gdp + "x,核心,工业,a,亿元,up,level,level,no,a,yes,extra\n", "指标.csv:3: want 11 comma-separated fields, have 12"},
		{"column", strings.Replace(header, "口径", "计量", 1) + gdp, `指标.csv:1: unknown column "计量" (the columns are id,层级,分组,名称,单位,方向,口径,无数字目标口径,累加,别名,启用,名义增速,合理范围)`},
		{"missing column", strings.Replace(header, ",单位", "", 1) + gdp, "指标.csv:1: no column 单位 (unit)"},
		{"quote", header + gdp + "jobs,\"核心,就业\n", "指标.csv:3: not valid CSV"},
		{"no rows", header + ",,,,\n", "指标.csv: no indicators: the catalogue has no rows"},
	} {
		_, err := ParseCatalogueCSV("指标.csv", strings.NewReader(c.text))
		var fe *model.FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// TestCatalogueDisabled: an indicator switched off gives no observations,
// and its names still keep its figures from being taken for another's
// (农村居民人均可支配收入 is not 居民人均可支配收入).
func TestCatalogueDisabled(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCatalogueCSV(&buf, DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if row[0] == "rural_income" || row[0] == "retail_sales" {
			row[colEnabled] = "否"
		}
	}
	var edited bytes.Buffer
	csv.NewWriter(&edited).WriteAll(rows)
	cat, err := ParseCatalogueCSV("指标.csv", &edited)
	if err != nil {
		t.Fatal(err)
	}
	if !cat.Indicator("rural_income").Disabled || cat.Indicator("gdp").Disabled {
		t.Fatal("rural_income is not switched off")
	}
	rep := &model.Report{}
	ReadText(rep, "一年来,全市地区生产总值增长5%,社会消费品零售总额增长6.8%,农村居民人均可支配收入增长7.1%。",
		Options{Region: "新乡市", Year: 2025, Catalogue: cat})
	got := observationKeys(rep)
	want := []string{"gdp growth 2024 actual 5 - % exact "}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCatalogueTSVEnabled: the built-in catalogue has the enabled column,
// and a TSV file with it reads it.
func TestCatalogueTSVEnabled(t *testing.T) {
	text := strings.Replace(catalogueHeader, "\n", "\tenabled\n", 1) +
		"gdp\tcore\t经济\t地区生产总值\t亿元\tup\tlevel,growth\tgrowth\tno\t地区生产总值\tyes\n" +
		"cpi\tcore\t价格\t居民消费价格涨幅\t%\tdown\tgrowth\tgrowth\tno\tCPI\tno\n"
	cat, err := ParseCatalogue("my.tsv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if cat.Indicator("gdp").Disabled || !cat.Indicator("cpi").Disabled {
		t.Errorf("enabled column misread: %+v", cat.Indicators)
	}
	for _, ind := range DefaultCatalogue().Indicators {
		if ind.Disabled {
			t.Errorf("%s is switched off in the built-in catalogue", ind.ID)
		}
	}
}
