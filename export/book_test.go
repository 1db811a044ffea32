package export

import (
	"bytes"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

func TestRegionOrder(t *testing.T) {
	rep := func(name string, level model.RegionLevel, parent, code string) Input {
		r := report(name+".txt", name, level, parent, 2025)
		r.Region.Code = code
		return Input{Path: name + ".txt", Report: r}
	}
	inputs := []Input{
		rep("卫滨区", model.County, "新乡市", "410703"),
		rep("山阳区", model.County, "焦作市", "410811"),
		rep("焦作市", model.Prefecture, "河南省", "4108"),
		rep("辉县市", model.County, "河南省", "410782"), // parent not a city here
		rep("牧野区", model.County, "新乡市", "410711"),
		rep("新乡市", model.Prefecture, "河南省", "4107"),
		rep("河南省", model.Province, "全国", "41"),
		rep("全国", model.Nation, "", ""),
	}
	b := newBook(inputs, WorkbookOptions{})
	var got []string
	for _, r := range b.regions {
		got = append(got, r.Name)
	}
	want := []string{"全国", "河南省", "新乡市", "卫滨区", "牧野区", "焦作市", "山阳区", "辉县市"}
	if !slices.Equal(got, want) {
		t.Errorf("regions in order %q, want %q", got, want)
	}
}

func TestChoices(t *testing.T) {
	target := func(y int, v float64) model.Observation {
		return observation("gdp", model.Growth, y, model.Target, v, model.Exact, "增长")
	}
	actual := func(y int, v float64) model.Observation {
		return observation("gdp", model.Growth, y, model.Actual, v, model.Exact, "增长")
	}
	tests := []struct {
		name     string
		reports  []*model.Report
		year     int       // the 对比 year wanted
		asOf     time.Time // the date wanted
		target   float64   // the target of 2024 kept for region A
		actual   float64   // the actual of 2024 kept for region A
		wantStat evaluate.Status
	}{
		{
			name: "most regions",
			reports: []*model.Report{
				report("a24", "A", model.Prefecture, "", 2024, target(2024, 6)),
				report("b24", "B", model.Prefecture, "", 2024, target(2024, 7)),
				report("a25", "A", model.Prefecture, "", 2025, target(2025, 5), actual(2024, 6.5)),
			},
			year: 2024, asOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			target: 6, actual: 6.5, wantStat: evaluate.Met,
		},
		{
			name: "later on a tie; own year's target; following year's actual",
			reports: []*model.Report{
				report("a24", "A", model.Prefecture, "", 2024, target(2024, 6)),
				report("a25", "A", model.Prefecture, "", 2025, target(2025, 5), target(2024, 9), actual(2024, 5.5)),
				report("a26", "A", model.Prefecture, "", 2026, actual(2024, 7)),
			},
			year: 2025, asOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			target: 6, actual: 5.5, wantStat: evaluate.Missed,
		},
	}
	for _, tt := range tests {
		var inputs []Input
		for _, r := range tt.reports {
			inputs = append(inputs, Input{Path: r.Source.Path, Report: r})
		}
		b := newBook(inputs, WorkbookOptions{})
		if b.year != tt.year || !b.asOf.Equal(tt.asOf) {
			t.Errorf("%s: year %d as of %v, want %d as of %v", tt.name, b.year, b.asOf, tt.year, tt.asOf)
		}
		c := b.regions[0].cellAt("gdp", model.Growth, 2024)
		if c == nil || c.target == nil || c.actual == nil || c.eval == nil {
			t.Fatalf("%s: cell %+v incomplete", tt.name, c)
		}
		if *c.target.Value != tt.target || *c.actual.Value != tt.actual || c.eval.Status != tt.wantStat {
			t.Errorf("%s: target %v actual %v status %s, want %v %v %s", tt.name,
				*c.target.Value, *c.actual.Value, c.eval.Status, tt.target, tt.actual, tt.wantStat)
		}
	}
}

// TestJudgementCells checks the cells and colour rules of targets judged in
// different ways: tolerance, ranges on up and down indicators, bounds.
func TestJudgementCells(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	rangeTarget := func(ind string, measure model.Measure, lo, hi float64) model.Observation {
		o := observation(ind, measure, 2024, model.Target, lo, model.Range, "区间")
		o.High = f64(hi)
		return o
	}
	inputs := []Input{
		{Path: "a24.txt", Report: report("a24.txt", "A", model.Prefecture, "", 2024,
			observation("gdp", model.Growth, 2024, model.Target, 7.5, model.About, "增长7.5%左右"),
			rangeTarget("retail_sales", model.Growth, 6.5, 7),
			rangeTarget("unemployment_rate", model.Rate, 5, 5.5),
			observation("energy_intensity", model.Growth, 2024, model.Target, -3, model.AtMost, "下降3%以上"),
		)},
		{Path: "a25.txt", Report: report("a25.txt", "A", model.Prefecture, "", 2025,
			observation("gdp", model.Growth, 2024, model.Actual, 7.4, model.Exact, "增长7.4%"),
			observation("retail_sales", model.Growth, 2024, model.Actual, 6.6, model.Exact, "增长6.6%"),
			observation("unemployment_rate", model.Rate, 2024, model.Actual, 5.6, model.Exact, "5.6%"),
			observation("energy_intensity", model.Growth, 2024, model.Actual, -3.2, model.Exact, "下降3.2%"),
		)},
		{Path: "broken.docx", Err: errors.New("broken.docx: not a zip file")},
	}
	data := writeBytes(t, inputs, WorkbookOptions{Tolerance: 0.2})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	// Region sheet A: rows in catalogue order, 2024 block in C:F.
	cells := []struct {
		row            string
		actual, target string // as shown
		status         string
	}{
		{"4", "7.4%", "7.5%左右", statusNames[evaluate.NearlyMet]},
		{"5", "6.6%", "6.5—7.0%", statusNames[evaluate.Met]},
		{"6", "5.6%", "5.0—5.5%", statusNames[evaluate.Missed]},
		{"7", "-3.2%", "下降3%以上", statusNames[evaluate.Met]}, // as the report wrote it
	}
	for _, c := range cells {
		get := func(col string) string {
			v, err := f.GetCellValue("A", col+c.row)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if a, tg, s := get("C"), get("D"), get("E"); a != c.actual || tg != c.target || s != c.status {
			t.Errorf("row %s: %q %q %q, want %q %q %q", c.row, a, tg, s, c.actual, c.target, c.status)
		}
	}
	// Rows judged alike share a rule whose formula refers to the first.
	rules := map[string][]string{
		"C4:C4": {
			"AND(ISNUMBER(C4),ISNUMBER(D4),C4>=D4)",
			"AND(ISNUMBER(C4),ISNUMBER(D4),C4<D4,C4>=D4-0.2)",
			"AND(ISNUMBER(C4),ISNUMBER(D4),C4<D4-0.2)",
		},
		"C5:C5": {"AND(ISNUMBER(C5),ISNUMBER(D5),C5>=D5)", "AND(ISNUMBER(C5),ISNUMBER(D5),C5<D5)"},
		"C6:C7": {"AND(ISNUMBER(C6),ISNUMBER(D6),C6<=D6)", "AND(ISNUMBER(C6),ISNUMBER(D6),C6>D6)"},
	}
	cfs, err := f.GetConditionalFormats("A")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for rng, opts := range cfs {
		for _, o := range opts {
			got[rng] = append(got[rng], o.Criteria)
		}
	}
	if !maps.EqualFunc(got, rules, slices.Equal) {
		t.Errorf("rules %q, want %q", got, rules)
	}
	// The down range holds its high end, the value judged against.
	if v, _ := f.GetCellValue("A", "D6", excelize.Options{RawCellValue: true}); v != "5.5" {
		t.Errorf("D6 = %s, want the high end 5.5", v)
	}

	// The failed input is listed with its error, and counted.
	rows, err := f.GetRows(sourceSheet)
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if last[0] != "broken.docx" || last[1] != "失败" || !strings.Contains(last[len(last)-1], "not a zip file") {
		t.Errorf("来源 row of the failed input: %q", last)
	}
	overview, err := f.GetRows(overviewSheet)
	if err != nil {
		t.Fatal(err)
	}
	failed := ""
	for _, row := range overview {
		if len(row) > 1 && row[0] == "读取失败" {
			failed = row[1]
		}
	}
	if failed != "1" {
		t.Errorf("概览 读取失败 = %q, want 1", failed)
	}
}

// TestShortfall: a missed target is said as an analyst writes it, by its
// row's name, with its unit and the side it fell on.
func TestShortfall(t *testing.T) {
	wb := &workbook{book: &book{cat: catalogue.DefaultCatalogue()}}
	gap := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		ind     string
		measure model.Measure
		unit    string
		gap     float64
		want    string
	}{
		{"gdp", model.Growth, "%", -1.1, "地区生产总值增速低于目标1.1个百分点"},
		{"unemployment_rate", model.Rate, "%", 0.3, "城镇调查失业率高于目标0.3个百分点"},
		{"retail_sales", model.Level, "亿元", -12.5, "社会消费品零售总额低于目标12.5亿元"},
		{"gdp", model.Rank, "位", 2, "地区生产总值排名比目标落后2位"},
	} {
		e := &evaluate.Evaluation{Indicator: c.ind, Measure: c.measure, Gap: gap(c.gap),
			Target: evaluate.Figure{Observation: model.Observation{Unit: c.unit}}}
		if got := wb.shortfall(e); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.ind, c.measure, got, c.want)
		}
	}
}

// TestRankOf: ranks count the better values, higher or lower by the
// indicator's direction; equal values rank alike.
func TestRankOf(t *testing.T) {
	vs := []float64{4.9, 5.5, 5.5, 6.1}
	for _, c := range []struct {
		v    float64
		down bool
		want int
	}{
		{6.1, false, 1}, {5.5, false, 2}, {4.9, false, 4},
		{4.9, true, 1}, {5.5, true, 2}, {6.1, true, 4},
	} {
		if got := rankOf(vs, c.v, c.down); got != c.want {
			t.Errorf("rankOf(%v, down %v) = %d, want %d", c.v, c.down, got, c.want)
		}
	}
}
