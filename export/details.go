package export

import (
	"fmt"
	"path/filepath"
	"strconv"
	"zhibiao/extract/model"

	"github.com/xuri/excelize/v2"
)

// The 明细 sheet: every observation, one row each, as an Excel table with
// filters, ready for a pivot table. Values are raw numbers in General
// format; the codes are spelled out in Chinese, the indicator id kept.
//
// It is the workbook's largest sheet — ten thousand reports give some
// 370,000 rows — so it is streamed to the file, not built in memory. A
// sheet holds at most maxDetailRows observations; beyond that they go on
// in 明细2, 明细3 …, each its own table.

// detailTable is the name of the table: an ASCII name, which every
// reader accepts. The tables of continuation sheets add their number.
const detailTable = "Observations"

var detailHeader = []string{
	"地区", "年份", "类型", "指标", "指标代码", "口径", "数值", "上限", "单位", "限定", "排名范围", "原文", "文件", "行",
}

// detailText bounds the 原文 column; the cell holds the whole phrase.
const detailText = 50

// detailTextCol is the column of 原文, from 1.
const detailTextCol = 12

// maxDetailRows is the most observations one 明细 sheet holds: 200,000,
// a fifth of what a sheet can hold. A table of that size filters and
// pivots at a usable speed in Excel, WPS and LibreOffice, and a sheet's XML
// stays under the ten million attributes libxml2 (and so the OOXML checker
// of the tests) handles in one query.
const maxDetailRows = 200000

// detailRow is one observation of the 明细 sheets.
type detailRow struct {
	rep *model.Report
	obs *model.Observation
}

// detailRows lists every observation, report by report (book.details).
func (b *book) detailRows() []detailRow {
	var rows []detailRow
	for _, r := range b.reports {
		for i := range r.Observations {
			rows = append(rows, detailRow{r, &r.Observations[i]})
		}
	}
	return rows
}

// detailSheets names the 明细 sheets n observations need, per a sheet:
// 明细, then 明细2 ….
func detailSheets(n, per int) []string {
	names := []string{detailSheet}
	for k := 2; (k-1)*per < n; k++ {
		names = append(names, detailSheet+strconv.Itoa(k))
	}
	return names
}

func (wb *workbook) writeDetails() error {
	rows := wb.details
	per := wb.detailRows
	for k, name := range detailSheets(len(rows), per) {
		part := rows[k*per : min(len(rows), (k+1)*per)]
		table := detailTable
		if k > 0 {
			table += strconv.Itoa(k + 1)
		}
		if err := wb.writeDetailSheet(name, table, part); err != nil {
			return err
		}
	}
	return nil
}

// detailCells are the cells of an observation's row, in detailHeader's order.
func (wb *workbook) detailCells(d detailRow) []any {
	o := d.obs
	value := func(v *float64) any {
		if v == nil {
			return nil
		}
		return *v
	}
	return []any{
		regionName(d.rep), o.Year, label(kindNames, o.Kind),
		indicatorName(wb.cat.Indicator(o.Indicator), o.Indicator), o.Indicator,
		label(measureNames, o.Measure), value(o.Value), value(o.High), o.Unit,
		label(qualifierNames, o.Qualifier), label(scopeNames, o.Scope), cleanText(o.Text),
		filepath.Base(d.rep.Source.Path), o.Line,
	}
}

// shown is a cell's value as a General-format cell shows it.
func shown(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// writeDetailSheet writes one 明细 sheet. Everything a stream writes
// before its rows (properties, dimension, panes, column widths, page
// setup) is set first, on the sheet as excelize holds it; then the rows
// are streamed.
func (wb *workbook) writeDetailSheet(name, table string, rows []detailRow) error {
	w := wb.sheet(name)
	if !wb.streamed {
		return wb.writeDetailCells(w, table, rows)
	}
	width := make([]int, len(detailHeader))
	for c, h := range detailHeader {
		width[c] = textWidth(h) + filterButton
	}
	for _, d := range rows {
		for c, v := range wb.detailCells(d) {
			width[c] = max(width[c], textWidth(shown(v)))
		}
	}
	for c, tw := range width {
		limit := float64(maxColumn)
		if c+1 == detailTextCol {
			limit = detailText
		}
		w.width(c+1, min(columnWidth(tw), limit))
	}
	last := max(len(rows)+1, 2) // a table has at least one data row
	w.ref(len(detailHeader), last)
	w.freeze(1, 1)
	w.page(1, 1, 1)
	w.dimension()
	if w.err != nil {
		return w.err
	}

	header, err := wb.st.get(headerStyle)
	if err != nil {
		return err
	}
	plain, err := wb.st.get(styleSpec{border: true})
	if err != nil {
		return err
	}
	year, err := wb.st.get(styleSpec{numFmt: yearFormat, border: true})
	if err != nil {
		return err
	}
	phrase, err := wb.st.get(styleSpec{border: true, wrap: true})
	if err != nil {
		return err
	}
	if err := w.orderColumns(); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	cells := make([]any, len(detailHeader))
	for c, h := range detailHeader {
		cells[c] = excelize.Cell{StyleID: header, Value: h}
	}
	if err := sw.SetRow("A1", cells, excelize.RowOpts{Height: headerHeight}); err != nil {
		return fmt.Errorf("sheet %s: row 1: %w", name, err)
	}
	for i, d := range rows {
		var opts []excelize.RowOpts
		for c, v := range wb.detailCells(d) {
			style := plain
			switch c {
			case 1:
				style = year
			case detailTextCol - 1: // the phrase wraps in its column
				style = phrase
				if h := wrappedHeight(shown(v), w.widths[c]); h > rowHeight {
					opts = append(opts, excelize.RowOpts{Height: h})
				}
			}
			cells[c] = excelize.Cell{StyleID: style, Value: v}
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, cells, opts...); err != nil {
			return fmt.Errorf("sheet %s: row %d: %w", name, i+2, err)
		}
	}
	stripes := true
	rng := "A1:" + w.ref(len(detailHeader), last)
	if err := sw.AddTable(&excelize.Table{Range: rng, Name: table, StyleName: tableStyle, ShowRowStripes: &stripes}); err != nil {
		return fmt.Errorf("sheet %s: table %s: %w", name, rng, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", name, err)
	}
	return nil
}

// writeDetailCells writes a 明细 sheet through the sheet writer, into
// excelize's model.
func (wb *workbook) writeDetailCells(w *sheetWriter, table string, rows []detailRow) error {
	for i, h := range detailHeader {
		w.str(i+1, 1, h, headerStyle)
	}
	w.height(1, headerHeight)
	plain := styleSpec{border: true}
	year := styleSpec{numFmt: yearFormat, border: true}
	for i, d := range rows {
		for c, v := range wb.detailCells(d) {
			spec := plain
			if c == 1 {
				spec = year
			}
			switch v := v.(type) {
			case string:
				if c == detailTextCol-1 {
					w.long(c+1, i+2, v, spec) // the phrase wraps in its column
					continue
				}
				w.str(c+1, i+2, v, spec)
			case int:
				w.int(c+1, i+2, v, spec)
			case float64:
				w.num(c+1, i+2, v, spec)
			default:
				w.style(c+1, i+2, spec)
			}
		}
	}
	w.table(table, 1, 1, len(detailHeader), max(len(rows)+1, 2)) // a table has at least one data row
	w.fitColumns(1, 0, 1, func(col int) float64 {
		if col == detailTextCol {
			return detailText
		}
		return maxColumn
	})
	w.fitWrapped()
	w.freeze(1, 1)
	w.page(1, 1, 1)
	return w.finish()
}
