package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// reviewOf reads a text of a region and year and returns the report.
func reviewOf(t *testing.T, region string, year int, text string) *model.Report {
	t.Helper()
	rep := &model.Report{Source: model.Source{Path: "report.txt"}}
	if err := ReadText(rep, text, Options{Region: region, Year: year}); err != nil {
		t.Fatal(err)
	}
	return rep
}

// flagged lists the report's observations that carry reason, as
// indicator/measure/kind/value.
func flagged(rep *model.Report, reason string) []string {
	var out []string
	for _, o := range rep.Observations {
		if slices.Contains(o.Flags, reason) {
			out = append(out, o.Indicator+"/"+string(o.Measure)+"/"+string(o.Kind)+"/"+model.ValueText(&o))
		}
	}
	return out
}

// items lists the report's review items of reason, as indicator/measure/kind.
func items(rep *model.Report, reason string) []string {
	var out []string
	for _, it := range rep.Review {
		if it.Reason == reason {
			out = append(out, it.Indicator+"/"+string(it.Measure)+"/"+string(it.Kind))
		}
	}
	return out
}

// TestConflict: a figure the report states twice with values that cannot
// both be true is flagged, the first statement kept and the other named;
// statements that agree (a bound and the exact value, 左右 and the same
// number, a rounded level) are not.
func TestConflict(t *testing.T) {
	const head = "一、2024年工作回顾\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"two growths", head + "过去一年，全市地区生产总值增长5.4%。\n全年地区生产总值增长5.9%，总量迈上新台阶。\n",
			[]string{"gdp/growth/actual/5.4%"}},
		{"two levels", head + "一般公共预算收入完成86.2亿元。\n全市一般公共预算收入完成92.7亿元，增长3%。\n",
			[]string{"budget_revenue/level/actual/86.2亿元"}},
		{"a bound and the value", head + "地区生产总值突破3000亿元。\n全年地区生产总值达到3126亿元。\n", nil},
		{"about and exact", head + "规模以上工业增加值增长7%左右。\n规模以上工业增加值增长7%。\n", nil},
		{"a rounded level", head + "社会消费品零售总额达到1500亿元。\n社会消费品零售总额1503.6亿元，增长6%。\n", nil},
		{"the same figure twice", head + "地区生产总值增长5%。\n地区生产总值增长5%。\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := reviewOf(t, "新乡市", 2025, c.text)
			if got := flagged(rep, model.ReviewConflict); !slices.Equal(got, c.want) {
				t.Errorf("flagged %q, want %q", got, c.want)
			}
			if len(c.want) > 0 {
				it := rep.Review[0]
				if it.Reason != model.ReviewConflict || it.Line != 2 || !strings.Contains(it.Message, "(line 3)") {
					t.Errorf("item %+v", it)
				}
			}
		})
	}
}

// TestImplausible: a figure outside its indicator's plausible range for
// the region's level is flagged, with the range in its message; the same
// figure of a region whose level allows it is not.
func TestImplausible(t *testing.T) {
	for _, c := range []struct {
		name, region, text string
		want               []string
	}{
		{"a county's GDP in 万元 read as 亿元", "浮山县", "全县地区生产总值完成52000亿元。", []string{"gdp/level/actual/52000亿元"}},
		{"a city of that size", "苏州市", "全市地区生产总值完成24000亿元。", nil},
		{"growth of 45%", "新乡市", "全市地区生产总值增长45%。", []string{"gdp/growth/actual/45%"}},
		{"an unemployment rate of 0.5%", "新乡市", "城镇调查失业率0.5%。", []string{"unemployment_rate/rate/actual/0.5%"}},
		{"an unemployment rate of 25%", "新乡市", "城镇调查失业率25%。", []string{"unemployment_rate/rate/actual/25%"}},
		{"R&D intensity of 12%", "新乡市", "研发经费投入强度达到12%。", []string{"rd_intensity/rate/actual/12%"}},
		{"ordinary figures", "新乡市", "全市地区生产总值增长5.1%，城镇调查失业率5.2%，研发经费投入强度2.1%。", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := reviewOf(t, c.region, 2025, "一、2024年工作回顾\n"+c.text+"\n")
			if got := flagged(rep, model.ReviewImplausible); !slices.Equal(got, c.want) {
				t.Errorf("flagged %q, want %q", got, c.want)
			}
			for _, it := range rep.Review {
				if it.Reason == model.ReviewImplausible && !strings.Contains(it.Message, "outside the plausible range") {
					t.Errorf("message %q", it.Message)
				}
			}
		})
	}
}

// TestRegionDoubt: a report whose region is read from the names it uses
// alone has an item saying so, and every figure of it is flagged; a
// report that names itself has none.
func TestRegionDoubt(t *testing.T) {
	rep := &model.Report{Source: model.Source{Path: "excerpt.txt"}}
	text := "2024年工作回顾\n新乡地区生产总值增长5%，新乡规模以上工业增加值增长6%，新乡市固定资产投资增长8%。\n"
	if err := ReadText(rep, text, Options{}); err != nil {
		t.Fatal(err)
	}
	if len(rep.Review) == 0 || rep.Review[0].Reason != model.ReviewRegion || !strings.Contains(rep.Review[0].Message, "excerpt.txt,新乡市,2025") {
		t.Fatalf("review %+v", rep.Review)
	}
	if n := len(flagged(rep, model.ReviewRegion)); n != len(rep.Observations) || n == 0 {
		t.Errorf("%d of %d observations flagged", n, len(rep.Observations))
	}
	sure := reviewOf(t, "新乡市", 2025, text)
	if got := items(sure, model.ReviewRegion); len(got) != 0 {
		t.Errorf("a region given: %q", got)
	}
}

// TestUnreadItems: a core indicator named beside a figure no rule read is
// an unread item; one left out on purpose is an item only when the report
// has no other figure of it of that measure and kind; a generic name (税收
// of 亩均税收) and a sentence that took the indicator's figure give none.
func TestUnreadItems(t *testing.T) {
	const head = "一、2024年工作回顾\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"left out, nothing else", head + "前三季度，全市地区生产总值增长5.5%。\n", []string{"gdp/growth/actual"}},
		{"left out, the year's figure elsewhere", head + "前三季度，全市地区生产总值增长5.5%。\n全年地区生产总值增长5.2%。\n", nil},
		{"left out, a level elsewhere only", head + "前三季度，全市地区生产总值增长5.5%。\n全年地区生产总值达到2100亿元。\n", []string{"gdp/growth/actual"}},
		{"a joint name read in turn", head + "城乡居民人均可支配收入分别增长4.8%、6.9%。\n", nil},
		{"a generic name", head + "规上工业企业亩均税收提高8%。\n规模以上工业增加值增长6%。\n", nil},
		{"a part left out, and nothing else", head + "规上工业企业亩均增加值提高8%。\n", []string{"industry_value_added/growth/actual"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := reviewOf(t, "新乡市", 2025, c.text)
			got := items(rep, model.ReviewUnread)
			if !slices.Equal(got, c.want) {
				t.Errorf("unread %q, want %q", got, c.want)
			}
		})
	}
}

// TestCheckAcross: levels of consecutive years that do not fit together
// are flagged on the later report; levels that fit, and GDP, whose growth
// is real, are not; a figure the analyst corrected is not; the check can
// run again.
func TestCheckAcross(t *testing.T) {
	const (
		before = "一、2023年工作回顾\n一般公共预算收入完成200亿元，地区生产总值达到3000亿元，社会消费品零售总额1200亿元。\n"
		after  = "一、2024年工作回顾\n一般公共预算收入完成%s亿元，增长5%%，地区生产总值达到3600亿元，增长5%%。社会消费品零售总额%s亿元。\n"
	)
	for _, c := range []struct {
		name, revenue, retail string
		want                  []string
	}{
		{"levels that fit", "209", "1250", nil},
		{"a revision within the tolerance", "219", "1250", nil},
		{"a level that does not fit its growth", "260", "1250", []string{"budget_revenue/level/actual"}},
		{"a unit slip", "209", "12500000", []string{"retail_sales/level/actual"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			old := reviewOf(t, "新乡市", 2024, before)
			rep := reviewOf(t, "新乡市", 2025, fmt.Sprintf(after, c.revenue, c.retail))
			evaluate.CheckAcross([]*model.Report{old, rep}, nil)
			if got := items(rep, model.ReviewInconsistent); !slices.Equal(got, c.want) {
				t.Errorf("items %q, want %q", got, c.want)
			}
			if len(c.want) > 0 && len(flagged(old, model.ReviewInconsistent)) == 0 {
				t.Error("the year before's level is not flagged")
			}
			evaluate.CheckAcross([]*model.Report{old, rep}, nil)
			if got := items(rep, model.ReviewInconsistent); len(got) != len(c.want) {
				t.Errorf("run again: %q", got)
			}
		})
	}
	// Another region's report is not compared.
	old := reviewOf(t, "焦作市", 2024, before)
	rep := reviewOf(t, "新乡市", 2025, fmt.Sprintf(after, "260", "12500000"))
	if evaluate.CheckAcross([]*model.Report{old, rep}, nil); len(items(rep, model.ReviewInconsistent)) != 0 {
		t.Error("compared with another region's report")
	}
}

// TestApplyCorrections: rows by region name, label or short name; a row
// of a region not read this run is skipped, one of no region at all is an
// error; 删除 and 确认 of a figure the reports do not have are errors; a
// confirmed figure is not flagged again.
func TestApplyCorrections(t *testing.T) {
	text := "一、2024年工作回顾\n全市地区生产总值增长5.4%。\n全年地区生产总值增长5.9%。\n对东盟进出口增长12%。\n"
	rep := reviewOf(t, "新乡市", 2025, text)
	v := 5.9
	rows := []evaluate.CorrectionRow{
		{Source: "c.csv", Line: 2, Region: "新乡", Indicator: "gdp", Measure: model.Growth, Year: 2024, Kind: model.Actual, Action: evaluate.CorrectConfirm},
		{Source: "c.csv", Line: 3, Region: "焦作市", Indicator: "gdp", Measure: model.Growth, Year: 2024, Kind: model.Actual, Action: evaluate.CorrectValue, Value: &v, Unit: "%", Qualifier: model.Exact},
		{Source: "c.csv", Line: 4, Region: "新新市", Indicator: "gdp", Measure: model.Growth, Year: 2024, Kind: model.Actual, Action: evaluate.CorrectDelete},
		{Source: "c.csv", Line: 5, Region: "新乡市", Indicator: "retail_sales", Measure: model.Growth, Year: 2024, Kind: model.Actual, Action: evaluate.CorrectDelete},
		{Source: "c.csv", Line: 6, Region: "新乡市", Indicator: "foreign_trade", Action: evaluate.CorrectConfirm},
		{Source: "c.csv", Line: 7, Region: "新乡市", Indicator: "gdp", Measure: model.Growth, Year: 2024, Kind: model.Target, Action: evaluate.CorrectValue, Value: &v, Unit: "%", Qualifier: model.Exact},
	}
	res := evaluate.ApplyCorrections([]*model.Report{rep}, rows)
	if res.Confirmed != 2 || len(res.Skipped) != 2 || res.Corrected+res.Added+res.Deleted != 0 {
		t.Errorf("%+v", res)
	}
	var lines []int
	for _, e := range res.Errors {
		lines = append(lines, e.Line)
	}
	if !slices.Equal(lines, []int{4, 5}) {
		t.Errorf("errors at lines %v: %v", lines, res.Errors)
	}
	if len(rep.Review) != 0 || len(flagged(rep, model.ReviewConflict)) != 0 {
		t.Errorf("review %+v, flags %q", rep.Review, flagged(rep, model.ReviewConflict))
	}
	if o := rep.Observations[0]; o.Confirmed == nil || o.Confirmed.Line != 2 || *o.Value != 5.4 {
		t.Errorf("%+v", o)
	}
}

// TestReviewBounded: a text of thousands of doubtful sentences keeps at
// most maxItems items, and says how many more there were.
func TestReviewBounded(t *testing.T) {
	rep := reviewOf(t, "新乡市", 2025, "一、2024年工作回顾\n"+strings.Repeat("对东盟进出口增长12%。\n", maxItems+300))
	if len(rep.Review) != maxItems {
		t.Errorf("%d items, want %d", len(rep.Review), maxItems)
	}
	if !slices.ContainsFunc(rep.Warnings, func(w model.Warning) bool { return strings.Contains(w.Message, "300 more review items") }) {
		t.Errorf("warnings %v", rep.Warnings)
	}
}

// TestScopeDoubt: a figure of a paragraph whose title sentence names a
// part of the region (开发区, 县域) may be that part's: it is flagged, but
// not when its own sentence names the whole region.
func TestScopeDoubt(t *testing.T) {
	const plan = "二、2025年工作安排\n"
	rep := reviewOf(t, "新乡市", 2025, plan+"壮大县域经济。支持各县发展特色产业，规上工业增加值增长12%以上。\n")
	if got := flagged(rep, model.ReviewScope); !slices.Equal(got, []string{"industry_value_added/growth/target/12%以上"}) {
		t.Errorf("flagged %q", got)
	}
	rep = reviewOf(t, "新乡市", 2025, plan+"壮大县域经济。全市规上工业增加值增长8%。\n")
	if got := flagged(rep, model.ReviewScope); len(got) != 0 {
		t.Errorf("the whole region's figure flagged: %q", got)
	}
	rep = reviewOf(t, "新乡市", 2025, plan+"推动开发区改革创新，完善管理体制。规上工业增加值增长8%。\n")
	if got := flagged(rep, model.ReviewScope); len(got) != 0 {
		t.Errorf("a first sentence that is no title: %q", got)
	}
}

// TestConfirmDoubt: 确认 on the row of a figure left out on purpose, its
// 口径 and 年份 given as 待核对 shows them, settles the item: there is no
// figure to confirm, but a sentence.
func TestConfirmDoubt(t *testing.T) {
	rep := reviewOf(t, "新乡市", 2025, "一、2024年工作回顾\n前三季度，全市地区生产总值增长5.5%。\n")
	if got := items(rep, model.ReviewUnread); !slices.Equal(got, []string{"gdp/growth/actual"}) || rep.Review[0].Year != 2024 {
		t.Fatalf("items %q %+v", got, rep.Review)
	}
	res := evaluate.ApplyCorrections([]*model.Report{rep}, []evaluate.CorrectionRow{{Source: "c.csv", Line: 2, Region: "新乡市", Indicator: "gdp",
		Measure: model.Growth, Year: 2024, Kind: model.Actual, Action: evaluate.CorrectConfirm}})
	if res.Confirmed != 1 || len(res.Errors) != 0 || len(rep.Review) != 0 {
		t.Errorf("%+v, review %+v", res, rep.Review)
	}
}
