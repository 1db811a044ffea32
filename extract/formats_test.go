package extract

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/document"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// coreKeys lists a report's core observations without provenance, sorted.
func coreKeys(rep *model.Report) []string {
	cat := catalogue.DefaultCatalogue()
	var out []string
	for _, k := range observationKeys(rep) {
		if ind := cat.Indicator(strings.Fields(k)[0]); ind != nil && ind.Tier == "core" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestFormatsGiveSameObservations converts each seed report into a web page
// (GBK, with a navigation bar and a script holding decoy figures), a Word
// document and a PDF (printed by LibreOffice), and checks that each gives
// the region, report year and core observations of the plain text.
func TestFormatsGiveSameObservations(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) != 4 {
		t.Fatalf("want 4 seeds, have %d", len(paths))
	}
	testdoc.NeedTools(t, "pdftotext", "soffice")
	dir := t.TempDir()
	for _, p := range paths {
		seed := testdoc.Seed(t, p)
		want, err := Extract(filepath.Base(p), []byte(seed), Options{})
		if err != nil {
			t.Fatal(err)
		}
		page, err := simplifiedchinese.GBK.NewEncoder().String(testdoc.HTMLFromSeed(seed, "gbk"))
		if err != nil {
			t.Fatalf("%s: GBK: %v", p, err)
		}
		forms := map[string][]byte{
			"html": []byte(page),
			"docx": testdoc.MinimalDOCX(t, testdoc.DOCXFromSeed(seed, "", "")),
			"pdf":  testdoc.PrintPDF(t, dir, filepath.Base(p), seed),
		}
		for _, form := range []string{"html", "docx", "pdf"} {
			name := strings.TrimSuffix(filepath.Base(p), ".txt") + "." + form
			got, err := Extract(name, forms[form], Options{})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if got.Region != want.Region || got.Year != want.Year {
				t.Errorf("%s: region %v year %d, want %v %d", name, got.Region, got.Year, want.Region, want.Year)
			}
			if g, w := coreKeys(got), coreKeys(want); !slices.Equal(g, w) {
				t.Errorf("%s: core observations differ\ngot:  %q\nwant: %q", name, g, w)
			}
		}
	}
}

// TestHTMLSeed serves a seed report as a GBK page and checks that its
// text holds every line of the report and none of the page's decoys, and
// gives the same core observations as the report as plain text.
func TestHTMLSeed(t *testing.T) {
	seed := testdoc.Seed(t, docSeedPath)
	page, err := simplifiedchinese.GBK.NewEncoder().String(testdoc.HTMLFromSeed(seed, "gb2312"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.ReadDocument("report.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "html" || doc.Encoding != "gb18030" || doc.Invalid != 0 {
		t.Errorf("format %q encoding %q invalid %d; want html, gb18030, 0", doc.Format, doc.Encoding, doc.Invalid)
	}
	for _, l := range testdoc.Lines(seed) {
		if !strings.Contains(testdoc.Render(doc.Blocks), l) {
			t.Errorf("text lacks the line %q", l)
		}
	}
	for _, decoy := range []string{"99%", "88%", "77%", "首页", "分享到", "主办", "margin"} {
		if strings.Contains(testdoc.Render(doc.Blocks), decoy) {
			t.Errorf("text holds %q, which the page does not show as its content", decoy)
		}
	}
	if !strings.HasPrefix(testdoc.Render(doc.Blocks), "# 新乡市人民政府门户网站\n\n# 凝心聚力促发展 砥砺奋进新征程\n") {
		t.Errorf("text does not start with the title and then the heading:\n%.200s", testdoc.Render(doc.Blocks))
	}
	docSameCore(t, "html", docCore(t, doc.Blocks), docCore(t, document.TextBlocks(seed)))
}

// TestDOCXSeed builds a Word document from a seed report, with a table of
// main indicators, and checks that its text holds every line of the report
// and the table's rows as lines, and gives the same core observations as
// the report as plain text.
func TestDOCXSeed(t *testing.T) {
	seed := testdoc.Seed(t, docSeedPath)
	// The table repeats figures of the section it stands in, as a table
	// of main indicators does.
	table := testdoc.DOCXTable(
		[]string{"指标", "2023年", "增长"},
		[]string{"一般公共预算收入", "241.5亿元", "增长6.4%"},
	)
	data := testdoc.MinimalDOCX(t, testdoc.DOCXFromSeed(seed, "一般公共预算收入241.5亿元", table))
	doc, err := document.ReadDocument("report.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "docx" || doc.Encoding != "" || doc.Invalid != 0 {
		t.Errorf("format %q encoding %q invalid %d; want docx, none, 0", doc.Format, doc.Encoding, doc.Invalid)
	}
	lines := strings.Split(testdoc.Render(doc.Blocks), "\n")
	for _, l := range testdoc.Lines(seed) {
		if !strings.Contains(testdoc.Render(doc.Blocks), l) {
			t.Errorf("text lacks the line %q", l)
		}
	}
	for _, row := range []string{"指标，2023年，增长", "一般公共预算收入，241.5亿元，增长6.4%"} {
		found := false
		for _, l := range lines {
			found = found || l == row
		}
		if !found {
			t.Errorf("text lacks the table row %q as a line", row)
		}
	}
	for _, want := range []string{"# 凝心聚力促发展 砥砺奋进新征程\n", "## 2023年全市重点工作\n", "- 全年完成地区生产总值3347.6亿元,居全省第4位\n"} {
		if !strings.Contains(testdoc.Render(doc.Blocks), want) {
			t.Errorf("text lacks %q", want)
		}
	}
	docSameCore(t, "docx", docCore(t, doc.Blocks), docCore(t, document.TextBlocks(seed)))
}

// TestDOCXTableRowIsAClause checks that a row of a table of main
// indicators reads as the clause it stands for.
func TestDOCXTableRowIsAClause(t *testing.T) {
	body := testdoc.DOCXParagraph("1", "2024年工作回顾") + testdoc.DOCXTable(
		[]string{"指标", "2024年", "增长"},
		[]string{"地区生产总值", "3569.7亿元", "增长4.9%"},
		[]string{"规模以上工业增加值", "", "增长6%"},
	)
	doc, err := document.ReadDocument("t.docx", testdoc.MinimalDOCX(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "# 2024年工作回顾\n\n指标，2024年，增长\n\n地区生产总值，3569.7亿元，增长4.9%\n\n规模以上工业增加值，增长6%\n"
	if testdoc.Render(doc.Blocks) != want {
		t.Fatalf("text %q, want %q", testdoc.Render(doc.Blocks), want)
	}
	rep := &model.Report{}
	ReadBlocks(rep, doc.Blocks, Options{Region: "新乡市", Year: 2025})
	got := map[string]float64{}
	for _, o := range rep.Observations {
		if o.Value != nil && o.Year == 2024 && o.Kind == model.Actual {
			got[o.Indicator+" "+string(o.Measure)] = *o.Value
		}
	}
	for k, v := range map[string]float64{"gdp level": 3569.7, "gdp growth": 4.9, "industry_value_added growth": 6} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (observations %v)", k, got[k], v, got)
		}
	}
	// A Word document's places are its paragraphs: the heading, the
	// header row, then the row of 地区生产总值.
	for _, o := range rep.Observations {
		if o.Indicator == "gdp" && (o.Line != 3 || o.Page != 0) {
			t.Errorf("gdp %s: page %d paragraph %d, want paragraph 3", o.Measure, o.Page, o.Line)
		}
	}
}

// TestPDFSeed prints a seed report to PDF with LibreOffice and checks that
// the text pdftotext gives holds the report's core observations.
func TestPDFSeed(t *testing.T) {
	testdoc.NeedTools(t, "pdftotext", "soffice")
	if testing.Short() {
		t.Skip("converting with LibreOffice takes seconds")
	}
	seed := testdoc.Seed(t, docSeedPath)
	data := testdoc.PrintPDF(t, t.TempDir(), "report.txt", seed)
	doc, err := document.ReadDocument("report.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "pdf" || doc.Encoding != "" || doc.Invalid != 0 {
		t.Errorf("format %q encoding %q invalid %d; want pdf, none, 0", doc.Format, doc.Encoding, doc.Invalid)
	}
	if strings.Contains(testdoc.Render(doc.Blocks), "\f") {
		t.Error("text holds form feeds")
	}
	docSameCore(t, "pdf", docCore(t, doc.Blocks), docCore(t, document.TextBlocks(seed)))
}

// docCore returns the core observations ReadText finds in a text, as
// "indicator measure year kind value qualifier", sorted.
func docCore(t testing.TB, blocks []model.Block) []string {
	t.Helper()
	rep := &model.Report{}
	if err := ReadBlocks(rep, blocks, Options{}); err != nil {
		t.Fatal(err)
	}
	cat := catalogue.DefaultCatalogue()
	var out []string
	for _, o := range rep.Observations {
		if ind := cat.Indicator(o.Indicator); ind == nil || ind.Tier != "core" {
			continue
		}
		v := ""
		if o.Value != nil {
			v = fmt.Sprint(*o.Value)
		}
		out = append(out, fmt.Sprintf("%s %s %d %s %s %s", o.Indicator, o.Measure, o.Year, o.Kind, v, o.Qualifier))
	}
	slices.Sort(out)
	return out
}

// docSameCore fails the test unless got holds the same core observations
// as want.
func docSameCore(t *testing.T, form string, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: the seed gives no core observations", form)
	}
	if slices.Equal(got, want) {
		return
	}
	var missing, extra []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	t.Errorf("%s: core observations differ from the .txt's\nmissing:\n  %s\nextra:\n  %s",
		form, strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
}

// docSeedPath is the seed report the document tests dress up as web pages,
// Word documents and PDFs.
const docSeedPath = "../testdata/seeds/000_cd39c75d5ad0c911.txt"
