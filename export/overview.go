package export

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// The 概览 sheet: what went in, how many targets each region met, missed
// and has still to see, with in-cell data bars (no native charts: their XML
// makes Excel offer a repair, qax-os/excelize#2355), and a legend.

// statusColumns are the counted statuses and the colours of their bars.
// barWidth is the width of a column with data bars.
const barWidth = 12

var statusColumns = []struct {
	status evaluate.Status
	bar    string
}{
	{evaluate.Met, "63BE7B"},
	{evaluate.NearlyMet, "FFB628"},
	{evaluate.Missed, "F8696B"},
	{evaluate.Pending, "A6A6A6"},
	{evaluate.NotStated, "D9D9D9"},
	{evaluate.NotApplied, ""},
}

func (wb *workbook) writeOverview() error {
	w := wb.sheet(overviewSheet)
	w.str(1, 1, bookTitle, titleStyle)
	w.height(1, titleHeight)
	w.str(1, 2, bookSubject, noteStyle)
	wb.writeReviewLine(w, 3)
	first := 5
	if wb.previous {
		wb.writeChangeLine(w, 4)
		first = 6
	}
	row := wb.writeInputs(w, first-1)
	last := wb.writeCounts(w, row+2)
	wb.writeLegend(w, last+2)

	widths := w.fitColumns(first, last, 0, nil)
	for i := range statusColumns {
		if col := 5 + i; col <= len(widths) && widths[col-1] < barWidth {
			w.width(col, barWidth) // room for the bars
		}
	}
	w.page(0, 0, 0)
	return w.finish()
}

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
	w.str(1, row, "输入", sectionStyle)
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
		{"数据截至", func(row int) {
			w.num(2, row, excelDate(wb.asOf), styleSpec{numFmt: dateFormat, border: true, align: "left"})
		}},
		{"完成判定容差", func(row int) {
			w.num(2, row, wb.tolerance, styleSpec{numFmt: "0.0#", border: true, align: "left"})
		}},
	}
	for _, fact := range facts {
		row++
		w.str(1, row, fact.label, textStyle)
		fact.put(row)
	}
	return row
}

// writeCounts writes, from row on, the number of targets of each status
// per region and target year, with data bars, and returns its last row.
func (wb *workbook) writeCounts(w *sheetWriter, row int) int {
	w.str(1, row, "目标完成情况", sectionStyle)
	row++
	header := []string{"地区", "层级", "目标年份", "目标数"}
	for _, c := range statusColumns {
		header = append(header, statusNames[c.status])
	}
	for i, h := range header {
		w.str(i+1, row, h, headerStyle)
	}
	w.height(row, headerHeight)
	first := row + 1
	for _, reg := range wb.regions {
		for _, year := range wb.targetYears(reg) {
			row++
			evals := wb.evalsOf(reg, year)
			w.str(1, row, reg.Name, regionStyle(reg))
			w.str(2, row, label(levelNames, reg.Level), centreStyle)
			w.int(3, row, year, styleSpec{numFmt: yearFormat, border: true, align: "center"})
			w.int(4, row, len(evals), styleSpec{numFmt: countFormat, border: true})
			for i, c := range statusColumns {
				n := 0
				for _, e := range evals {
					if e.Status == c.status {
						n++
					}
				}
				w.int(5+i, row, n, styleSpec{numFmt: countFormat, border: true})
			}
		}
	}
	if row < first {
		row++
		w.str(1, row, "没有目标", noteStyle)
		return row
	}
	for i, c := range statusColumns {
		if c.bar != "" {
			w.dataBar(5+i, first, row, c.bar)
		}
	}
	return row
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
		w.str(2, row, item.text, styleSpec{})
	}
}

// dataBar puts a plain data bar (no Excel 2010 extensions, which WPS and
// older readers do not show) on a column of counts, from zero.
func (w *sheetWriter) dataBar(col, first, last int, colour string) {
	if w.err != nil {
		return
	}
	rng := w.ref(col, first) + ":" + w.ref(col, last)
	w.fail("data bar", col, first, w.f.SetConditionalFormat(w.name, rng, []excelize.ConditionalFormatOptions{{
		Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "max", BarColor: colour,
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
