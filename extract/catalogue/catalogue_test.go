package catalogue

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/model"
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
}

// TestPlausibleColumn: the catalogue's plausible ranges read in English
// and in Chinese, and refuse what they cannot read.
func TestPlausibleColumn(t *testing.T) {
	ps, err := parsePlausible("growth -15~20; level county 0.5~20000；总量 地级 ~50000; rate 1..")
	if err != nil || len(ps) != 4 {
		t.Fatalf("%+v %v", ps, err)
	}
	ind := Indicator{Plausible: ps}
	if p, ok := ind.PlausibleRange(model.Level, model.Prefecture); !ok || p.Min != nil || *p.Max != 50000 {
		t.Errorf("prefecture level: %+v", p)
	}
	if _, ok := ind.PlausibleRange(model.Level, model.Province); ok {
		t.Error("a province has no level range")
	}
	if p, _ := ind.PlausibleRange(model.Rate, model.County); p.Holds(0.5) || !p.Holds(80) {
		t.Errorf("rate: %+v", p)
	}
	if got := plausibleText(ps, true); got != "增速 -15~20；总量 县级 0.5~20000；总量 地级 ~50000；比率 1~" {
		t.Errorf("in Chinese: %q", got)
	}
	for _, bad := range []string{"growth", "speed 1~2", "growth 5~1", "level town 1~2", "growth a~b", "growth 1-2"} {
		if _, err := parsePlausible(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
