package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// commentAuthor signs every cell note. Excel offers to repair a workbook
// whose notes have an empty author (qax-os/excelize#1423).
const commentAuthor = "zhibiao"

// sheetWriter writes the cells of one sheet. The first error stops it and
// is kept, so that the sheet code reads as a list of cells; finish returns
// it.
type sheetWriter struct {
	f     *excelize.File
	st    *styles
	name  string
	notes []excelize.Comment
	err   error

	lastCol, lastRow int       // the extent of the cells written
	widths           []float64 // the column widths set, from column 1
	texts            []written // text cells and their widths, for fitColumns
	numbers          []written // number cells, whose width depends on their format
}

// written is a cell written, and the width of its text (texts only).
type written struct{ col, row, width int }

// tableStyle is the style of the workbook's tables.
const tableStyle = "TableStyleLight9"

// Size of a note's box, in pixels: its width, and the height of a line.
const (
	noteWidth = 260
	noteLine  = 16
	noteChars = 36 // characters of a line (CJK counting two)
)

func (wb *workbook) sheet(name string) *sheetWriter {
	return &sheetWriter{f: wb.f, st: wb.st, name: name}
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
	if err == nil {
		ref := w.ref(col, row)
		err = w.f.SetCellStyle(w.name, ref, ref, id)
	}
	w.fail("style", col, row, err)
}

// str writes text. Text is always a string cell, never a formula, whatever
// it starts with (=, +, -, @): it may come from a report.
func (w *sheetWriter) str(col, row int, s string, spec styleSpec) {
	if w.err != nil {
		return
	}
	s = cleanText(s)
	w.fail("text", col, row, w.f.SetCellStr(w.name, w.ref(col, row), s))
	w.texts = append(w.texts, written{col, row, textWidth(s)})
	w.style(col, row, spec)
}

// num writes a number.
func (w *sheetWriter) num(col, row int, v float64, spec styleSpec) {
	if w.err != nil {
		return
	}
	w.fail("number", col, row, w.f.SetCellFloat(w.name, w.ref(col, row), v, -1, 64))
	w.numbers = append(w.numbers, written{col: col, row: row})
	w.style(col, row, spec)
}

// int writes a whole number.
func (w *sheetWriter) int(col, row, v int, spec styleSpec) {
	if w.err != nil {
		return
	}
	w.fail("number", col, row, w.f.SetCellInt(w.name, w.ref(col, row), int64(v)))
	w.numbers = append(w.numbers, written{col: col, row: row})
	w.style(col, row, spec)
}

// merge merges a range of cells; the top-left cell keeps its value.
func (w *sheetWriter) merge(col1, row1, col2, row2 int) {
	if w.err != nil {
		return
	}
	w.fail("merge", col1, row1, w.f.MergeCell(w.name, w.ref(col1, row1), w.ref(col2, row2)))
}

// table makes the cells from a header row to the last row an Excel table,
// with filters and banded rows. Tables stand in for excelize's AutoFilter,
// which marks the sheet as filtered and drops the sheet's other properties.
func (w *sheetWriter) table(name string, col1, row1, col2, row2 int) {
	if w.err != nil {
		return
	}
	stripes := true
	rng := w.ref(col1, row1) + ":" + w.ref(col2, row2)
	err := w.f.AddTable(w.name, &excelize.Table{
		Range: rng, Name: name, StyleName: tableStyle, ShowRowStripes: &stripes,
	})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: table %s: %w", w.name, rng, err)
	}
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

// finish records the sheet's extent, which excelize leaves at A1, adds the
// notes and returns the first error.
func (w *sheetWriter) finish() error {
	if w.err == nil && w.lastRow > 0 {
		rng := "A1:" + w.ref(w.lastCol, w.lastRow)
		if err := w.f.SetSheetDimension(w.name, rng); err != nil {
			w.err = fmt.Errorf("sheet %s: dimension %s: %w", w.name, rng, err)
		}
	}
	w.addNotes()
	return w.err
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
