package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// The 概览 sheet, results first: per region and target year, how many
// targets can be judged, how many were met and missed and the rate met,
// with in-cell data bars on one scale (no native charts: their XML makes
// Excel offer a repair, qax-os/excelize#2355); a sentence per region an
// analyst can paste into a briefing; then the facts of the run and a
// legend. It prints on one page wide.

// countColumns are the columns of the table of results after 地区, 层级
// and 目标年份: the judged targets, the counts of each status, the rate
// met. bar is the colour of a column's data bars, "" for none.
var countColumns = []struct {
	head   string
	what   countKind
	status evaluate.Status // the status counted
	bar    string
}{
	{"可评价", countJudged, "", ""},
	{"完成", countStatus, evaluate.Met, "63BE7B"},
	{"基本完成", countStatus, evaluate.NearlyMet, "FFB628"},
	{"未完成", countStatus, evaluate.Missed, "F8696B"},
	{"完成率", countRate, "", "63BE7B"},
	{"待公布", countStatus, evaluate.Pending, "A6A6A6"},
	{"报告未提及", countStatus, evaluate.NotStated, "D9D9D9"},
	{"不适用", countStatus, evaluate.NotApplied, ""},
}

// countKind is what a column of the table of results counts.
type countKind int

const (
	countStatus countKind = iota // the targets of a status
	countJudged                  // the targets met, nearly met or missed
	countRate                    // the share of those met
)

// barWidth is the width of a column with data bars.
const barWidth = 10

// overviewColumns is how many columns the sheet's table has.
var overviewColumns = 3 + len(countColumns)

func (wb *workbook) writeOverview() error {
	w := wb.sheet(overviewSheet)
	w.str(1, 1, bookTitle, titleStyle)
	w.height(1, titleHeight)
	w.str(1, 2, bookSubject, noteStyle)
	wb.writeReviewLine(w, 3)
	row := 3
	if wb.previous {
		row++
		wb.writeChangeLine(w, row)
	}
	first := row + 3
	last := wb.writeCounts(w, row+2)
	widths := w.fitColumns(first, last, 0, nil)
	for i, c := range countColumns {
		if col := 4 + i; c.bar != "" && col <= len(widths) && widths[col-1] < barWidth {
			w.width(col, barWidth) // room for the bars
		}
	}
	row = wb.writeSummaries(w, last+2)
	factsFirst := row + 2
	row = wb.writeInputs(w, factsFirst)
	// Column A holds the labels of the facts (and the legend's samples,
	// which are shorter), column B the facts: neither is cut.
	need := w.fitColumns(factsFirst, row, 0, nil)
	wb.writeLegend(w, row+2)
	for col, need := range need[:2] {
		if col < len(w.widths) && w.widths[col] < need {
			w.width(col+1, need)
		}
	}
	w.fitWrapped()
	w.page(0, 0, 0)
	if w.lastRow <= onePageRows {
		w.fitHeight(1) // one page, as it is attached to a briefing
	}
	return w.finish()
}

// onePageRows is the most rows 概览 may have and still be fitted to one
// page: past it, its text would print too small to read.
const onePageRows = 60

// writeReviewLine says how many items wait on the 待核对 sheet, in a line
// that leads there.
func (wb *workbook) writeReviewLine(w *sheetWriter, row int) {
	text := "没有待核对的项目"
	if n := len(wb.reviews); n > 0 {
		text = fmt.Sprintf("待核对 %d 项：%s（见“%s”表）", n, wb.reviewCounts(), reviewSheet)
	}
	w.str(1, row, text, labelStyle)
	w.link(1, row, quoteSheet(reviewSheet)+"!A1")
}

// writeChangeLine sums up the changes since the previous workbook in a
// line that leads to the 变更 sheet.
func (wb *workbook) writeChangeLine(w *sheetWriter, row int) {
	text := wb.changeSummary() + "（见“" + changeSheet + "”表）"
	w.str(1, row, text, labelStyle)
	if w.err == nil {
		ref := w.ref(1, row)
		w.fail("link", 1, row, w.f.SetCellHyperLink(w.name, ref, quoteSheet(changeSheet)+"!A1", "Location"))
	}
}

// writeInputs writes what went in, from row on, and returns its last row.
func (wb *workbook) writeInputs(w *sheetWriter, row int) int {
	w.str(1, row, "运行情况", sectionStyle)
	observations := 0
	for _, r := range wb.reports {
		observations += len(r.Observations)
	}
	count := styleSpec{numFmt: countFormat, border: true, align: "left"}
	facts := []struct {
		label string
		put   func(row int)
	}{
		{"输入文件", func(row int) { w.int(2, row, len(wb.inputs), count) }},
		{"读取失败", func(row int) { w.int(2, row, len(wb.inputs)-len(wb.reports), count) }},
		{"观测数", func(row int) { w.int(2, row, observations, count) }},
		{"地区数", func(row int) { w.int(2, row, len(wb.regions), count) }},
		{"报告年份", func(row int) { w.str(2, row, wb.yearSpan(true), textStyle) }},
		{"数据年份", func(row int) { w.str(2, row, wb.yearSpan(false), textStyle) }},
		{"对比年份", func(row int) {
			if wb.year == 0 {
				w.str(2, row, "—", textStyle)
				return
			}
			w.int(2, row, wb.year, styleSpec{numFmt: yearFormat, border: true, align: "left"})
		}},
		{"完成判定容差", func(row int) {
			w.num(2, row, wb.tolerance, styleSpec{numFmt: "0.0#", border: true, align: "left"})
		}},
	}
	if wb.asOfGiven { // never invented: only the date the user gave
		facts = append(facts, struct {
			label string
			put   func(row int)
		}{"数据截至", func(row int) {
			w.num(2, row, excelDate(wb.asOf), styleSpec{numFmt: dateFormat, border: true, align: "left"})
		}})
	}
	for _, fact := range facts {
		row++
		w.str(1, row, fact.label, textStyle)
		fact.put(row)
	}
	return row
}

// writeCounts writes, from row on, the results per region and target
// year — targets judged, met, nearly met, missed, the rate met, and those
// not yet judged — with data bars on one scale, and returns its last row.
func (wb *workbook) writeCounts(w *sheetWriter, row int) int {
	w.str(1, row, "目标完成情况", sectionStyle)
	row++
	header := []string{"地区", "层级", "目标年份"}
	for _, c := range countColumns {
		header = append(header, c.head)
	}
	for i, h := range header {
		w.str(i+1, row, h, headerStyle)
	}
	w.height(row, headerHeight)
	first, most := row+1, 1
	for _, reg := range wb.regions {
		for _, year := range wb.targetYears(reg) {
			row++
			t := tallyOf(wb.evalsOf(reg, year))
			w.str(1, row, reg.Name, regionStyle(reg))
			w.str(2, row, label(levelNames, reg.Level), centreStyle)
			w.int(3, row, year, styleSpec{numFmt: yearFormat, border: true, align: "center"})
			for i, c := range countColumns {
				col := 4 + i
				switch {
				case c.what == countRate && t.judged == 0:
					w.str(col, row, "—", centreStyle)
				case c.what == countRate:
					w.num(col, row, t.rate(), styleSpec{numFmt: "0%", border: true})
				case c.what == countJudged:
					w.int(col, row, t.judged, styleSpec{numFmt: countFormat, border: true})
				default:
					w.int(col, row, t.n[c.status], styleSpec{numFmt: countFormat, border: true})
					if c.bar != "" {
						most = max(most, t.n[c.status])
					}
				}
			}
		}
	}
	if row < first {
		row++
		w.str(1, row, "没有目标", noteStyle)
		return row
	}
	for i, c := range countColumns {
		switch col := 4 + i; {
		case c.bar == "":
		case c.what == countRate:
			w.dataBar(col, first, row, c.bar, 1)
		default:
			w.dataBar(col, first, row, c.bar, most) // one scale: 2 looks smaller than 17
		}
	}
	return row
}

// tally counts a region's targets of a year by status.
type tally struct {
	n      map[evaluate.Status]int
	judged int // met, nearly met or missed
}

func tallyOf(evals []*evaluate.Evaluation) tally {
	t := tally{n: map[evaluate.Status]int{}}
	for _, e := range evals {
		t.n[e.Status]++
	}
	t.judged = t.n[evaluate.Met] + t.n[evaluate.NearlyMet] + t.n[evaluate.Missed]
	return t
}

// rate is the share of the judged targets met, nearly met ones counted
// as met.
func (t tally) rate() float64 {
	return float64(t.n[evaluate.Met]+t.n[evaluate.NearlyMet]) / float64(t.judged)
}

// writeSummaries writes, from row on, a sentence per region and target
// year that an analyst can paste into a briefing, and returns its last
// row.
func (wb *workbook) writeSummaries(w *sheetWriter, row int) int {
	w.str(1, row, "摘要（可直接引用）", sectionStyle)
	for _, reg := range wb.regions {
		for _, year := range wb.targetYears(reg) {
			row++
			w.wrapped(1, overviewColumns, row, wb.summary(reg, year), styleSpec{})
		}
	}
	return row
}

// summary says a region's results of a year in a sentence:
// 新乡市2024年主要预期目标可评价5项，完成2项，未完成3项：地区生产总值增速低于目标1.1个百分点、…。
func (wb *workbook) summary(reg *region, year int) string {
	evals := wb.evalsOf(reg, year)
	t := tallyOf(evals)
	head := fmt.Sprintf("%s%d年主要预期目标", reg.Name, year)
	waiting := t.n[evaluate.Pending] + t.n[evaluate.NotStated]
	if t.judged == 0 {
		if waiting > 0 {
			return head + fmt.Sprintf("尚无可评价的项目（实际数待公布或报告未提及%d项）。", waiting)
		}
		return head + "均为定性目标，没有可评价的项目。"
	}
	s := head + fmt.Sprintf("可评价%d项，完成%d项", t.judged, t.n[evaluate.Met]+t.n[evaluate.NearlyMet])
	if n := t.n[evaluate.NearlyMet]; n > 0 {
		s += fmt.Sprintf("（其中基本完成%d项）", n)
	}
	if t.n[evaluate.Missed] == 0 {
		return s + "，全部完成。"
	}
	s += fmt.Sprintf("，未完成%d项：", t.n[evaluate.Missed])
	var missed []string
	for _, e := range evals {
		if e.Status == evaluate.Missed {
			missed = append(missed, wb.shortfall(e))
		}
	}
	return s + strings.Join(missed, "、") + "。"
}

// shortfall says how a missed target was missed, as an analyst writes it:
// 地区生产总值增速低于目标1.1个百分点, 城镇调查失业率高于目标0.3个百分点.
func (wb *workbook) shortfall(e *evaluate.Evaluation) string {
	name := rowLabel(wb.cat.Indicator(e.Indicator), e.Indicator, e.Measure, e.Target.Scope)
	if e.Gap == nil {
		return name
	}
	return name + gapText(*e.Gap, e.Target.Unit)
}

// writeLegend writes the legend from row on.
func (wb *workbook) writeLegend(w *sheetWriter, row int) {
	w.str(1, row, "图例", sectionStyle)
	for _, item := range wb.legend() {
		row++
		if item.value != nil {
			w.num(1, row, *item.value, item.style)
		} else {
			w.str(1, row, item.sample, item.style)
		}
		w.wrapped(2, overviewColumns, row, item.text, styleSpec{})
	}
}

// dataBar puts a plain data bar (no Excel 2010 extensions, which WPS and
// older readers do not show) on a column of numbers, from zero to most, so
// that columns given the same most share a scale.
func (w *sheetWriter) dataBar(col, first, last int, colour string, most int) {
	if w.err != nil {
		return
	}
	rng := w.ref(col, first) + ":" + w.ref(col, last)
	w.fail("data bar", col, first, w.f.SetConditionalFormat(w.name, rng, []excelize.ConditionalFormatOptions{{
		Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: strconv.Itoa(most), BarColor: colour,
	}}))
}

// legendItem is one line of the legend: a sample cell and what it means.
type legendItem struct {
	sample string
	value  *float64
	style  styleSpec
	text   string
}

func (wb *workbook) legend() []legendItem {
	status := func(fill, text string) styleSpec {
		return styleSpec{fill: fill, color: text, border: true, align: "center"}
	}
	six := 6.0
	return []legendItem{
		{sample: statusNames[evaluate.Met], style: status(metFill, metText), text: "实际达到目标：按指标方向和目标的限定词（以上、以内、左右、区间）判断"},
		{sample: statusNames[evaluate.NearlyMet], style: status(nearlyFill, nearlyText), text: "未达到“左右”目标，但差距在容差以内（容差为 0 时不会出现）"},
		{sample: statusNames[evaluate.Missed], style: status(missedFill, missedText), text: "实际未达到目标"},
		{sample: statusNames[evaluate.Pending], style: centreStyle, text: "尚未读入下一年的报告，目标年份的实际数通常在其中公布"},
		{sample: statusNames[evaluate.NotStated], style: centreStyle, text: "已读入下一年的报告，但报告未提及该指标的实际数"},
		{sample: statusNames[evaluate.NotApplied], style: centreStyle, text: "定性目标，或没有可比较的数字"},
		{sample: "差距", style: centreStyle, text: "实际 − 目标，带单位（百分比指标为个百分点）；▲ 达到目标，△ 基本完成，▼ 未完成，未完成的完成情况和差距为粗体"},
		{value: &six, style: styleSpec{numFmt: figureFormat(6, "%", model.About, model.Growth, nil, true), border: true, align: "center"},
			text: "目标保留为数字，限定词由数字格式显示；区间目标存判定所用的一端，另一端写在格式里"},
		{sample: "批注", style: centreStyle, text: fmt.Sprintf("数字单元格的批注注明来源原文、文件和行号；超过 %d 行的表不加批注，原文见“%s”表", maxNotedRows, detailSheet)},
		{sample: "颜色", style: centreStyle, text: "实际数的颜色由条件格式比较目标单元格得出，修改数字后自动更新；完成情况和差距是生成时的计算值"},
	}
}

// targetYears are the years for which a region has targets.
func (wb *workbook) targetYears(reg *region) []int {
	var years []int
	for k, c := range reg.cells {
		if c.target != nil && !slices.Contains(years, k.year) {
			years = append(years, k.year)
		}
	}
	slices.Sort(years)
	return years
}

// evalsOf returns the evaluations shown on a region's sheet for a year.
func (wb *workbook) evalsOf(reg *region, year int) []*evaluate.Evaluation {
	var out []*evaluate.Evaluation
	for _, row := range reg.rows {
		if c := reg.cells[cellKey{row, year}]; c != nil && c.eval != nil {
			out = append(out, c.eval)
		}
	}
	return out
}

// yearSpan writes the range of report years, or of the years the figures
// describe: 2023—2025, or one year.
func (wb *workbook) yearSpan(reportYears bool) string {
	var years []int
	for _, r := range wb.reports {
		if reportYears {
			years = append(years, r.Year)
			continue
		}
		for _, o := range r.Observations {
			years = append(years, o.Year)
		}
	}
	years = slices.DeleteFunc(years, func(y int) bool { return y == 0 })
	if len(years) == 0 {
		return "—"
	}
	lo, hi := slices.Min(years), slices.Max(years)
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "—" + strconv.Itoa(hi)
}

// excelDate is t as an Excel serial date (days since 1899-12-30).
func excelDate(t time.Time) float64 {
	epoch := time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	return t.Sub(epoch).Hours() / 24
}

// regionStyle indents districts and counties listed under their city.
func regionStyle(reg *region) styleSpec {
	if reg.under {
		return styleSpec{border: true, indent: 1}
	}
	return textStyle
}
