package export

import (
	"fmt"
	"path/filepath"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/text"
)

// A block is the four cells of one indicator's measure in one year, on the
// 对比 sheet and on the region sheets: actual, target, status and gap.

// Headers of a block's columns.
const (
	actualHeader = "实际"
	targetHeader = "目标"
	statusHeader = "完成情况"
	gapHeader    = "差距"
	rankHeader   = "实际排名"
)

// qualitativeWidth bounds a target column, where a qualitative target's
// phrase would otherwise make it very wide; the note holds it whole.
const qualitativeWidth = 24

// block holds the columns of a block; rank is 0 for a block without the
// column of the ranks of the actuals (对比's growth blocks have one).
type block struct {
	actual, target, status, gap, rank int
}

// first and last are a block's first and last columns.
func (b block) first() int { return min(b.actual, b.target) }
func (b block) last() int  { return max(b.gap, b.rank) }

// header writes a block's two header rows: its title over its columns,
// merged, and their names in the order of the block's columns.
func (b block) header(w *sheetWriter, title string) {
	first, last := b.first(), b.last()
	w.str(first, 2, title, headerStyle)
	names := map[int]string{b.actual: actualHeader, b.target: targetHeader, b.status: statusHeader, b.gap: gapHeader, b.rank: rankHeader}
	for col := first; col <= last; col++ {
		w.style(col, 2, headerStyle)
		w.str(col, 3, names[col], headerStyle)
	}
	w.merge(first, 2, last, 2)
}

// put writes a cell's block in a row and returns the conditional format the
// actual cell takes, if any.
func (wb *workbook) put(w *sheetWriter, row int, cols block, c *cell) (judged, bool) {
	number := styleSpec{border: true}
	for _, col := range []int{cols.actual, cols.target, cols.status, cols.gap} {
		w.style(col, row, number)
	}
	if c == nil {
		return judged{}, false
	}
	if a := c.actual; a != nil && a.Value != nil {
		w.num(cols.actual, row, *a.Value, styleSpec{numFmt: figureFormat(*a.Value, a.Unit, a.Qualifier, a.Measure, nil, true), border: true, mark: markOf(a)})
		w.note(cols.actual, row, wb.figureNote("实际", a))
	}
	t := c.target
	if t == nil {
		return judged{}, false
	}
	if t.Value == nil {
		// A qualitative target in Simplified script; its note and 明细
		// keep the report's own.
		// A qualitative target in Simplified script, wrapped in its
		// column; its note and 明细 keep the report's own script.
		phrase := text.ToSimplified(t.Text)
		w.long(cols.target, row, phrase, styleSpec{border: true, mark: markOf(t)})
	} else {
		v, other, low := wb.targetValue(t)
		w.num(cols.target, row, v, styleSpec{numFmt: figureFormat(v, t.Unit, t.Qualifier, t.Measure, other, low), border: true, mark: markOf(t)})
	}
	w.note(cols.target, row, wb.figureNote("目标", t))
	if e := c.eval; e != nil {
		// A missed target is bold, so that it shows on a page printed
		// without colour.
		missed := e.Status == evaluate.Missed
		w.str(cols.status, row, label(statusNames, e.Status), styleSpec{border: true, align: "center", bold: missed})
		if e.Gap != nil {
			w.num(cols.gap, row, *e.Gap, styleSpec{numFmt: gapFormat(*e.Gap, t.Unit, e.Status), border: true, bold: missed})
		}
	}
	j, ok := wb.judgementOf(t)
	return judged{col: cols.actual, row: row, targetCol: cols.target, judgement: j}, ok
}

// noteText is the note of a figure cell: its phrase, file and line.
func noteText(kind string, f *evaluate.Figure) string {
	return fmt.Sprintf("%s原文：%s\n%s %s", kind, f.Text, filepath.Base(f.File), placeText(f.File, f.Page, f.Line))
}
