package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// commentAuthor signs every cell note. Excel offers to repair a workbook
// whose notes have an empty author (qax-os/excelize#1423).
const commentAuthor = "zhibiao"

// sheetWriter writes the cells of one sheet. The first error stops it and
// is kept, so that the sheet code reads as a list of cells; finish returns
// it.
//
// Cells are held in the writer and given to excelize by finish, in one of
// two ways. An ordinary workbook's sheets go into excelize's model cell by
// cell, their text as shared strings: the form every Excel and WPS reads.
// A large workbook's sheets are streamed to the file instead (streamed): a
// model costs a lookup of the sheet by name on every cell written and
// gigabytes for ten thousand reports. What a stream writes before its
// rows — properties, panes, column widths, page setup, conditional formats,
// notes — goes on the sheet as excelize holds it, before finish; the
// stream then writes text as inline strings, which Excel, LibreOffice and
// current WPS read (WPS builds of 2021 were reported to refuse them).
type sheetWriter struct {
	f        *excelize.File
	st       *styles
	shown    *numberShower
	name     string
	streamed bool // streamed by finish, not put in excelize's model
	notes    []excelize.Comment
	err      error

	lastCol, lastRow int       // the extent of the cells written
	widths           []float64 // the column widths set, from column 1
	rows             map[int][]pending
	heights          map[int]float64
	merges           [][2]string
	tables           []*excelize.Table
}

// pending is a cell waiting to be streamed.
type pending struct {
	value  any    // string, float64, int, []excelize.RichTextRun; nil: style only
	style  int    // excelize style id
	numFmt string // of a number: what it is shown as, for its width
	used   bool
}

// cell returns the pending cell at col, row, making it.
func (w *sheetWriter) cell(col, row int) *pending {
	w.ref(col, row)
	if w.rows == nil {
		w.rows = map[int][]pending{}
	}
	r := w.rows[row]
	if col > len(r) {
		r = append(r, make([]pending, col-len(r))...)
		w.rows[row] = r
	}
	r[col-1].used = true
	return &r[col-1]
}

// tableStyle is the style of the workbook's tables.
const tableStyle = "TableStyleLight9"

// Size of a note's box, in pixels: its width, and the height of a line.
const (
	noteWidth = 260
	noteLine  = 16
	noteChars = 36 // characters of a line (CJK counting two)
)

func (wb *workbook) sheet(name string) *sheetWriter {
	return &sheetWriter{f: wb.f, st: wb.st, shown: wb.shown, name: name, streamed: wb.streamed}
}

// fail keeps err, the first error of the sheet, naming the step and cell.
func (w *sheetWriter) fail(what string, col, row int, err error) {
	if w.err == nil && err != nil {
		ref, e := excelize.CoordinatesToCellName(col, row)
		if e != nil {
			ref = fmt.Sprintf("R%dC%d", row, col)
		}
		w.err = fmt.Errorf("sheet %s: %s %s: %w", w.name, what, ref, err)
	}
}

// ref names a cell, and notes how far the sheet extends.
func (w *sheetWriter) ref(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	w.fail("cell", col, row, err)
	w.lastCol, w.lastRow = max(w.lastCol, col), max(w.lastRow, row)
	return ref
}

// style sets the style of a cell.
func (w *sheetWriter) style(col, row int, spec styleSpec) {
	if w.err != nil {
		return
	}
	id, err := w.st.get(spec)
	if err != nil {
		w.fail("style", col, row, err)
		return
	}
	c := w.cell(col, row)
	c.style, c.numFmt = id, spec.numFmt
}

// str writes text. Text is always a string cell, never a formula, whatever
// it starts with (=, +, -, @): it may come from a report.
func (w *sheetWriter) str(col, row int, s string, spec styleSpec) {
	if w.err != nil {
		return
	}
	w.cell(col, row).value = cleanText(s)
	w.style(col, row, spec)
}

// num writes a number.
func (w *sheetWriter) num(col, row int, v float64, spec styleSpec) {
	if w.err != nil {
		return
	}
	w.cell(col, row).value = v
	w.style(col, row, spec)
}

// int writes a whole number.
func (w *sheetWriter) int(col, row, v int, spec styleSpec) {
	if w.err != nil {
		return
	}
	w.cell(col, row).value = v
	w.style(col, row, spec)
}

// richText writes runs of text in their own fonts.
func (w *sheetWriter) richText(col, row int, runs []excelize.RichTextRun) {
	if w.err != nil {
		return
	}
	w.cell(col, row).value = runs
}

// merge merges a range of cells; the top-left cell keeps its value.
func (w *sheetWriter) merge(col1, row1, col2, row2 int) {
	if w.err != nil {
		return
	}
	w.merges = append(w.merges, [2]string{w.ref(col1, row1), w.ref(col2, row2)})
}

// table makes the cells from a header row to the last row an Excel table,
// with filters and banded rows. Tables stand in for excelize's AutoFilter,
// which marks the sheet as filtered and drops the sheet's other properties.
func (w *sheetWriter) table(name string, col1, row1, col2, row2 int) {
	if w.err != nil {
		return
	}
	stripes := true
	w.tables = append(w.tables, &excelize.Table{
		Range: w.ref(col1, row1) + ":" + w.ref(col2, row2), Name: name, StyleName: tableStyle, ShowRowStripes: &stripes,
	})
}

// note attaches a note to a cell. Notes are added by finish, after the
// column widths are set: excelize sizes a note's box from them.
func (w *sheetWriter) note(col, row int, text string) {
	text = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' {
			return ' '
		}
		return r
	}, text)
	lines := 1 + strings.Count(text, "\n") + textWidth(text)/noteChars
	w.notes = append(w.notes, excelize.Comment{
		Author:    commentAuthor,
		Cell:      w.ref(col, row),
		Paragraph: []excelize.RichTextRun{{Text: text}}, // in the default font, 9 pt
		Width:     noteWidth,
		Height:    uint(noteLine * (lines + 1)),
	})
}

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

// cleanText makes text fit for one cell line: control characters, line
// breaks included, become spaces.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
