package extract

import (
	"strings"
	"testing"
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
	rep := &Report{}
	ReadText(rep, "一年来,全市地区生产总值增长5%,外贸出口增长12.5%。", Options{Region: "新乡市", Year: 2025, Catalogue: cat})
	got := observationKeys(rep)
	want := []string{"gdp growth 2024 actual 5 - % exact ", "exports growth 2024 actual 12.5 - % exact "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
