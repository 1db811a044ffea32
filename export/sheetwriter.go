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

	lastCol, lastRow int               // the extent of the cells written
	widths           []float64         // the column widths set, from column 1
	rows             map[int][]pending // the cells of each row, by column from 1
	heights          map[int]float64   // row heights set, in points
	merges           [][2]string       // merged ranges: top left, bottom right
	tables           []*excelize.Table
	wraps            []wrap // text wrapped across merged columns, its height to set
}

// wrap is a text that wraps across the columns first to last of a row.
type wrap struct {
	first, last, row int
	text             string
}

// pending is a cell waiting for finish.
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
