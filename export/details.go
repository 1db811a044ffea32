package export

import "path/filepath"

// The 明细 sheet: every observation, one row each, as an Excel table with
// filters, ready for a pivot table. Values are raw numbers in General
// format; the codes are spelled out in Chinese, the indicator id kept.

// detailTable is the name of the table: an ASCII name, which every
// reader accepts.
const detailTable = "Observations"

var detailHeader = []string{
	"地区", "年份", "类型", "指标", "指标代码", "口径", "数值", "上限", "单位", "限定", "排名范围", "原文", "文件", "行",
}

// detailText bounds the 原文 column; the cell holds the whole phrase.
const detailText = 50

func (wb *workbook) writeDetails() error {
	w := wb.sheet(detailSheet)
	for i, h := range detailHeader {
		w.str(i+1, 1, h, headerStyle)
	}
	w.height(1, headerHeight)
	row := 1
	plain := styleSpec{border: true}
	year := styleSpec{numFmt: yearFormat, border: true}
	for _, r := range wb.reports {
		file := filepath.Base(r.Source.Path)
		for _, o := range r.Observations {
			row++
			w.str(1, row, regionName(r), plain)
			w.int(2, row, o.Year, year)
			w.str(3, row, label(kindNames, o.Kind), plain)
			w.str(4, row, indicatorName(wb.cat.Indicator(o.Indicator), o.Indicator), plain)
			w.str(5, row, o.Indicator, plain)
			w.str(6, row, label(measureNames, o.Measure), plain)
			w.optional(7, row, o.Value, plain)
			w.optional(8, row, o.High, plain)
			w.str(9, row, o.Unit, plain)
			w.str(10, row, label(qualifierNames, o.Qualifier), plain)
			w.str(11, row, label(scopeNames, o.Scope), plain)
			w.str(12, row, o.Text, plain)
			w.str(13, row, file, plain)
			w.int(14, row, o.Line, plain)
		}
	}
	last := max(row, 2) // a table has at least one data row
	w.table(detailTable, 1, 1, len(detailHeader), last)
	w.fitColumns(1, 0, 1, func(col int) float64 {
		if col == 12 {
			return detailText
		}
		return maxColumn
	})
	w.freeze(1, 1)
	w.page(1, 1, 1)
	return w.finish()
}

// optional writes a number, or leaves the cell empty when there is none.
func (w *sheetWriter) optional(col, row int, v *float64, spec styleSpec) {
	if v == nil {
		w.style(col, row, spec)
		return
	}
	w.num(col, row, *v, spec)
}
