package export

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// How a sheet's cells reach the file: into excelize's model, or streamed
// (see sheetWriter).

// finish gives the cells to excelize, records the sheet's extent (which
// excelize leaves at A1), adds the notes and returns the first error. In
// the model the notes come last, placed by the rows' heights; a stream
// must have them before its rows.
func (w *sheetWriter) finish() error {
	if !w.streamed {
		w.model()
		w.dimension()
		w.addNotes()
		return w.err
	}
	w.dimension()
	w.addNotes()
	if w.err != nil {
		return w.err
	}
	if err := w.stream(); err != nil {
		w.err = fmt.Errorf("sheet %s: %w", w.name, err)
	}
	return w.err
}

// model puts the cells, row heights, merges and tables in excelize's model
// of the sheet: a row's values in one call, and its styles one call per run
// of cells styled alike, since each call looks the sheet up by name.
func (w *sheetWriter) model() {
	var values []any
	for _, r := range w.rowNumbers() {
		cells := w.rows[r]
		plain := func(c pending) bool {
			_, rich := c.value.([]excelize.RichTextRun)
			return c.value != nil && !rich
		}
		for i := 0; i < len(cells) && w.err == nil; {
			if rich, ok := cells[i].value.([]excelize.RichTextRun); ok {
				w.fail("text", i+1, r, w.f.SetCellRichText(w.name, w.ref(i+1, r), rich))
			}
			if !plain(cells[i]) {
				i++
				continue
			}
			values = values[:0]
			j := i
			for ; j < len(cells) && plain(cells[j]); j++ {
				values = append(values, cells[j].value)
			}
			w.fail("row", i+1, r, w.f.SetSheetRow(w.name, w.ref(i+1, r), &values))
			i = j
		}
		for i := 0; i < len(cells) && w.err == nil; {
			j := i + 1
			for j < len(cells) && cells[j].style == cells[i].style && cells[j].used == cells[i].used {
				j++
			}
			if cells[i].used && cells[i].style != 0 {
				w.fail("style", i+1, r, w.f.SetCellStyle(w.name, w.ref(i+1, r), w.ref(j, r), cells[i].style))
			}
			i = j
		}
		if h, ok := w.heights[r]; ok && w.err == nil {
			w.fail("row height", 1, r, w.f.SetRowHeight(w.name, r, h))
		}
	}
	for _, m := range w.merges {
		if w.err == nil {
			if err := w.f.MergeCell(w.name, m[0], m[1]); err != nil {
				w.err = fmt.Errorf("sheet %s: merge %s:%s: %w", w.name, m[0], m[1], err)
			}
		}
	}
	for _, t := range w.tables {
		if w.err == nil {
			if err := w.f.AddTable(w.name, t); err != nil {
				w.err = fmt.Errorf("sheet %s: table %s: %w", w.name, t.Range, err)
			}
		}
	}
}

// orderColumns puts the sheet's column widths in ascending order for a
// stream. The stream writes them in the order of the model, where each
// width set goes first; Excel wants them ascending, and repairs "Column
// information", dropping them, otherwise. Set again from the last column
// to the first, they are.
func (w *sheetWriter) orderColumns() error {
	for col := len(w.widths); col >= 1; col-- {
		if w.widths[col-1] > 0 {
			name, _ := excelize.ColumnNumberToName(col)
			if err := w.f.SetColWidth(w.name, name, name, w.widths[col-1]); err != nil {
				return fmt.Errorf("column %s width: %w", name, err)
			}
		}
	}
	return nil
}

// rowNumbers lists the rows that have cells or a height, in order.
func (w *sheetWriter) rowNumbers() []int {
	rows := make([]int, 0, len(w.rows)+len(w.heights))
	for r := range w.rows {
		rows = append(rows, r)
	}
	for r := range w.heights {
		if _, ok := w.rows[r]; !ok {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	return rows
}

// dimension records the sheet's extent.
func (w *sheetWriter) dimension() {
	if w.err == nil && w.lastRow > 0 {
		rng := "A1:" + w.ref(w.lastCol, w.lastRow)
		if err := w.f.SetSheetDimension(w.name, rng); err != nil {
			w.err = fmt.Errorf("sheet %s: dimension %s: %w", w.name, rng, err)
		}
	}
}

// stream writes the cells, row by row, then the merges and tables.
func (w *sheetWriter) stream() error {
	if err := w.orderColumns(); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(w.name)
	if err != nil {
		return err
	}
	var values []any
	for _, r := range w.rowNumbers() {
		values = values[:0]
		for _, c := range w.rows[r] {
			if !c.used {
				values = append(values, nil)
				continue
			}
			values = append(values, excelize.Cell{StyleID: c.style, Value: c.value})
		}
		var opts []excelize.RowOpts
		if h, ok := w.heights[r]; ok {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), values, opts...); err != nil {
			return fmt.Errorf("row %d: %w", r, err)
		}
	}
	for _, m := range w.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return fmt.Errorf("merge %s:%s: %w", m[0], m[1], err)
		}
	}
	for _, t := range w.tables {
		if err := sw.AddTable(t); err != nil {
			return fmt.Errorf("table %s: %w", t.Range, err)
		}
	}
	return sw.Flush()
}

// maxNotedRows is the most rows a sheet may have for its cells to get
// notes. excelize places each note by adding up the heights of the rows
// above it, so a sheet's notes cost the square of its rows: a shared
// sheet of ten thousand rows would take minutes, and open slowly too.
// Larger sheets go without; 明细 holds the same text for every figure.
const maxNotedRows = 1000

// addNotes adds the collected notes, unless the sheet is too long for them.
func (w *sheetWriter) addNotes() {
	if w.lastRow > maxNotedRows {
		return
	}
	for _, c := range w.notes {
		if w.err != nil {
			return
		}
		if err := w.f.AddComment(w.name, c); err != nil {
			w.err = fmt.Errorf("sheet %s: note %s: %w", w.name, c.Cell, err)
		}
	}
}
