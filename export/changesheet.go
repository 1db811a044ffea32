package export

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"zhibiao/extract/model"
)

// The 变更 sheet: what was added, changed and removed since a previous
// workbook, a row each, as an Excel table with filters. The old and new
// values keep their unit and qualifier through the number format, as on
// the region sheets, and carry their source phrases as notes.

var changeHeader = []string{
	"变更", "地区", "年份", "类型", "指标", "口径", "原值", "新值", "原文", "文件", "行",
}

// Columns of the 变更 sheet.
const (
	changeWhatCol = 1
	changeOldCol  = 7
	changeNewCol  = 8
	changeTextCol = 9
)

// changeTable is the name of the table of changes: an ASCII name, which
// every reader accepts.
const changeTable = "Changes"

// changeTitle is the title of the 变更 sheet.
const changeTitle = "与上次相比的变更"

// noChanges is the line that says that nothing changed.
const noChanges = "与上次相比没有变化"

// changeStyles colour the 变更 cell as the region sheets colour met and
// missed targets: additions green, changes yellow, removals red.
var changeStyles = map[string]styleSpec{
	added:   {fill: metFill, color: metText, border: true, align: "center"},
	changed: {fill: nearlyFill, color: nearlyText, border: true, align: "center"},
	removed: {fill: missedFill, color: missedText, border: true, align: "center"},
}

func (wb *workbook) writeChanges() error {
	w := wb.sheet(changeSheet)
	w.str(1, 1, changeTitle, titleStyle)
	w.height(1, titleHeight)
	w.str(1, 2, wb.changeSummary(), sectionStyle)
	notes := wb.changeNotes()
	for i, n := range notes {
		w.str(1, 3+i, n, noteStyle)
	}
	if len(wb.changes) == 0 {
		w.page(0, 0, 0)
		return w.finish()
	}

	header := 3 + len(notes) + 1 // after a blank row
	for i, h := range changeHeader {
		w.str(i+1, header, h, headerStyle)
	}
	w.height(header, headerHeight)
	row := header
	for _, c := range wb.changes {
		row++
		wb.writeChange(w, row, c)
	}
	w.table(changeTable, 1, header, len(changeHeader), row)
	w.fitColumns(header, 0, header, func(col int) float64 {
		switch col {
		case changeOldCol, changeNewCol:
			return qualitativeWidth
		case changeTextCol:
			return detailText
		}
		return maxColumn
	})
	w.freeze(1, header)
	w.page(header, header, 1)
	return w.finish()
}

// changeNotes are the lines under the summary: how rows are matched, or
// that nothing changed, and a warning when inputs could not be read.
func (wb *workbook) changeNotes() []string {
	var notes []string
	if len(wb.changes) == 0 {
		notes = append(notes, noChanges)
	} else {
		notes = append(notes, "按地区、指标、口径、年份和类型对应上次的明细；数值、上限、单位或限定词不同的列为修改。原值、新值的批注注明各自的原文、文件和行号。")
	}
	if n := len(wb.statusChanges); n > 0 {
		const most = 20
		listed := wb.statusChanges[:min(n, most)]
		more := ""
		if n > most {
			more = fmt.Sprintf("，另有 %d 项", n-most)
		}
		notes = append(notes, fmt.Sprintf("目标完成情况有变化的 %d 项：%s%s", n, strings.Join(listed, "；"), more))
	}
	added, removed := wb.reportChanges()
	if len(added) > 0 {
		notes = append(notes, fmt.Sprintf("本次新读入的报告 %d 份：%s", len(added), strings.Join(added, "、")))
	}
	if len(removed) > 0 {
		notes = append(notes, fmt.Sprintf("上次有、本次没有的报告 %d 份：%s", len(removed), strings.Join(removed, "、")))
	}
	if failed := len(wb.inputs) - len(wb.reports); failed > 0 {
		notes = append(notes, fmt.Sprintf("本次有 %d 个文件读取失败（见“%s”表）：上次从中读到的数据列为删除。", failed, sourceSheet))
	}
	return notes
}

// reportChanges lists the reports read this time and not the last (by
// file name), and those of the last time not read now.
func (wb *workbook) reportChanges() (added, removed []string) {
	now := map[string]bool{}
	for _, r := range wb.reports {
		name := filepath.Base(r.Source.Path)
		if !wb.previousFiles[name] && !now[name] {
			added = append(added, name)
		}
		now[name] = true
	}
	for f := range wb.previousFiles {
		if !now[f] {
			removed = append(removed, f)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return added, removed
}

// writeChange writes one row of the 变更 sheet.
func (wb *workbook) writeChange(w *sheetWriter, row int, c change) {
	o := c.shown()
	plain := textStyle
	w.str(changeWhatCol, row, c.what, changeStyles[c.what])
	w.str(2, row, o.Region, plain)
	w.int(3, row, o.Year, styleSpec{numFmt: yearFormat, border: true})
	w.str(4, row, label(kindNames, o.Kind), plain)
	w.str(5, row, indicatorName(wb.cat.Indicator(o.Indicator), o.Indicator), plain)
	w.str(6, row, measureLabel(o.Measure, o.Scope), plain)
	w.changeValue(changeOldCol, row, c.old, "上次")
	w.changeValue(changeNewCol, row, c.new, "本次")
	// 原值 and 新值 show their unit, as the region sheets do.
	w.str(changeTextCol, row, o.Text, plain)
	w.str(changeTextCol+1, row, o.File, plain)
	if o.Line > 0 {
		w.int(changeTextCol+2, row, o.Line, plain)
	} else {
		w.style(changeTextCol+2, row, plain)
	}
}

// measureLabel names a measure with its rank scope: 增速, 全省排名.
func measureLabel(measure model.Measure, scope model.Scope) string {
	return label(scopeNames, scope) + label(measureNames, measure)
}

// changeValue writes an old or new value, formatted with its unit and
// qualifier, with its source as a note; a cell without a value (the old
// one of an addition) is left empty, a qualitative figure says 定性 and a
// figure without a number —.
func (w *sheetWriter) changeValue(col, row int, o *PreviousObservation, when string) {
	if o == nil {
		w.style(col, row, textStyle)
		return
	}
	switch {
	case o.Value == nil && o.Qualifier == model.Qualitative:
		w.str(col, row, label(qualifierNames, model.Qualitative), centreStyle)
	case o.Value == nil:
		w.str(col, row, "—", centreStyle)
	default:
		v := *o.Value
		w.num(col, row, v, styleSpec{numFmt: figureFormat(v, o.Unit, o.Qualifier, o.Measure, o.High, true), border: true})
	}
	w.note(col, row, fmt.Sprintf("%s原文：%s\n%s 第 %d 行", when, o.Text, o.File, o.Line))
}
