package extract

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestCatalogueAddsIndicator: an indicator added to the catalogue, as a
// user would, is found without any change to the code.
// catalogueHeader is the header line of a catalogue in TSV.
const catalogueHeader = "id\ttier\tgroup\tname\tunit\tdirection\tmeasures\ttarget\tadds\taliases\n"

func TestCatalogueAddsIndicator(t *testing.T) {
	text := catalogueHeader +
		"gdp\tcore\t经济\t地区生产总值\t亿元\tup\tlevel,growth\tgrowth\tno\t地区生产总值\n" +
		"exports\textended\t开放\t出口总额\t亿元\tup\tlevel,growth\tgrowth\tno\t出口总额|外贸出口\n"
	cat, err := catalogue.ParseCatalogue("my.tsv", strings.NewReader(text))
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

// TestCatalogueCSVExtractsTheSame: the catalogue written as CSV and read
// back finds the same figures in the seeds as the built-in one.
func TestCatalogueCSVExtractsTheSame(t *testing.T) {
	var buf bytes.Buffer
	if err := catalogue.WriteCatalogueCSV(&buf, catalogue.DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	cat, err := catalogue.ParseCatalogueCSV("指标.csv", &buf)
	if err != nil {
		t.Fatal(err)
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
	if err := catalogue.WriteCatalogueCSV(&buf, catalogue.DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	buf.WriteString("digital_economy,扩展,数字经济,数字经济规模,亿元,越高越好,总量、增速,总量,否,数字经济总量\r\n")
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"utf-8": buf.Bytes(), "gbk": gbk} {
		cat, err := catalogue.ParseCatalogueCSV("指标.csv", bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ind := cat.Indicator("digital_economy")
		if ind == nil || ind.Tier != "extended" || ind.Direction != "up" || ind.Disabled || !slices.Equal(ind.Measures, []model.Measure{model.Level, model.Growth}) {
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

// TestCatalogueDisabled: an indicator switched off gives no observations,
// and its names still keep its figures from being taken for another's
// (农村居民人均可支配收入 is not 居民人均可支配收入).
func TestCatalogueDisabled(t *testing.T) {
	var buf bytes.Buffer
	if err := catalogue.WriteCatalogueCSV(&buf, catalogue.DefaultCatalogue()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	enabled := slices.Index(rows[0], "启用")
	if enabled < 0 {
		t.Fatalf("no column 启用 in %q", rows[0])
	}
	for _, row := range rows {
		if row[0] == "rural_income" || row[0] == "retail_sales" {
			row[enabled] = "否"
		}
	}
	var edited bytes.Buffer
	csv.NewWriter(&edited).WriteAll(rows)
	cat, err := catalogue.ParseCatalogueCSV("指标.csv", &edited)
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
