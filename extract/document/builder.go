package document

import (
	"strings"
	"unicode/utf8"

	"zhibiao/extract/model"
)

// A dataRowMaxRunes is the most text a table cell may hold for its row to
// be read as one line: longer cells are those of a table used for page
// layout, whose cells hold paragraphs.
const dataRowMaxRunes = 200

// tableMaxDepth is how deep tables may nest and still be read as tables;
// the rows and cells of tables nested deeper are read as blocks.
const tableMaxDepth = 8

// blockBuilder collects the blocks of a structured document — a web page
// or a Word document. Text is written into the current line; ending an
// element ends the line, which becomes a block. Inside a table, lines go
// to the open cell, and a row ends as one block of kind Row, its cells
// joined with "，", when it is a row of data (every cell short, none
// holding a table), or as the blocks of its cells, in order, when the
// table lays out a page.
type blockBuilder struct {
	out    []model.Block
	line   strings.Builder
	mark   cellLine    // kind and level of the current line
	rows   []*tableRow // open table rows, innermost last
	deeper int         // open rows past tableMaxDepth
}

type tableRow struct {
	cells  []tableCell
	inCell bool
}

type tableCell struct {
	lines  []cellLine
	runes  int
	nested bool // holds a table
}

// cellLine is a line of text with its kind, before it becomes a block.
type cellLine struct {
	kind  model.BlockKind
	level int
	text  string
}

// write appends s to the current line.
func (w *blockBuilder) write(s string) { w.line.WriteString(s) }

// space appends a space to the current line unless it is empty or already
// ends in white space.
func (w *blockBuilder) space() {
	if n := w.line.Len(); n > 0 {
		if c := w.line.String()[n-1]; c != ' ' && c != '\t' {
			w.line.WriteByte(' ')
		}
	}
}

// setKind marks the line about to start as a heading of a level or a list
// item. It ends the current line.
func (w *blockBuilder) setKind(kind model.BlockKind, level int) {
	w.endLine()
	w.mark = cellLine{kind: kind, level: level}
}

// endLine ends the current line, if it holds any text. A kind set for
// the line stays until the line has text or endMarked drops it.
func (w *blockBuilder) endLine() {
	text := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if text == "" {
		return
	}
	l := w.mark
	l.text = text
	w.mark = cellLine{}
	if n := len(w.rows); n > 0 {
		w.cellAdd(l, false)
		return
	}
	w.emit(l)
}

// emit appends a line as a block.
func (w *blockBuilder) emit(l cellLine) {
	w.out = append(w.out, model.Block{Kind: l.kind, Level: l.level, Text: l.text})
}

// endMarked ends the line of a heading or list item, dropping the mark if
// the element held no text.
func (w *blockBuilder) endMarked() {
	w.endLine()
	w.mark = cellLine{}
}

// blankLine ends the current line and then the paragraph: nothing is
// joined across a break. Inside a table it only ends the line.
func (w *blockBuilder) blankLine() {
	w.endLine()
	if len(w.rows) > 0 {
		return
	}
	if n := len(w.out); n > 0 && w.out[n-1].Kind != model.Break {
		w.out = append(w.out, model.Block{Kind: model.Break})
	}
}

// cellAdd adds a line to the open cell of the innermost row, opening one
// for text that stands in a row outside any cell.
func (w *blockBuilder) cellAdd(l cellLine, nested bool) {
	row := w.rows[len(w.rows)-1]
	if !row.inCell {
		row.cells = append(row.cells, tableCell{})
		row.inCell = true
	}
	c := &row.cells[len(row.cells)-1]
	c.lines = append(c.lines, l)
	c.runes += utf8.RuneCountInString(l.text)
	c.nested = c.nested || nested
}

// startRow opens a table row.
func (w *blockBuilder) startRow() {
	w.endLine()
	if n := len(w.rows); n >= tableMaxDepth {
		if row := w.rows[n-1]; row.inCell {
			row.cells[len(row.cells)-1].nested = true
		}
		w.deeper++
		return
	}
	w.rows = append(w.rows, &tableRow{})
}

// startCell opens a cell in the innermost row; outside a row it only ends
// the line.
func (w *blockBuilder) startCell() {
	w.endLine()
	if n := len(w.rows); n > 0 && w.deeper == 0 {
		row := w.rows[n-1]
		row.cells = append(row.cells, tableCell{})
		row.inCell = true
	}
}

// endCell closes the open cell.
func (w *blockBuilder) endCell() {
	w.endLine()
	if n := len(w.rows); n > 0 && w.deeper == 0 {
		w.rows[n-1].inCell = false
	}
}

// endRow closes the innermost row and adds its lines where the row
// stands: to the enclosing cell, or to the blocks, a row of data set apart
// by breaks.
func (w *blockBuilder) endRow() {
	w.endLine()
	if w.deeper > 0 {
		w.deeper--
		return
	}
	n := len(w.rows)
	if n == 0 {
		return
	}
	row := w.rows[n-1]
	w.rows = w.rows[:n-1]
	data := true
	for _, c := range row.cells {
		if c.nested || c.runes > dataRowMaxRunes {
			data = false
			break
		}
	}
	var lines []cellLine
	if data {
		var cells []string
		for _, c := range row.cells {
			var parts []string
			for _, l := range c.lines {
				parts = append(parts, l.text)
			}
			if s := strings.Join(parts, " "); s != "" {
				cells = append(cells, s)
			}
		}
		if len(cells) > 0 {
			lines = []cellLine{{kind: model.Row, text: strings.Join(cells, "，")}}
		}
	} else {
		for _, c := range row.cells {
			lines = append(lines, c.lines...)
		}
	}
	if len(w.rows) > 0 {
		for _, l := range lines {
			w.cellAdd(l, true)
		}
		if outer := w.rows[len(w.rows)-1]; len(lines) == 0 && outer.inCell {
			outer.cells[len(outer.cells)-1].nested = true
		}
		return
	}
	if data {
		w.blankLine()
	}
	for _, l := range lines {
		w.emit(l)
	}
	if data {
		w.blankLine()
	}
}

// blocks ends what is open and returns the blocks, without breaks at
// either end.
func (w *blockBuilder) blocks() []model.Block {
	w.deeper = 0
	for len(w.rows) > 0 {
		w.endRow()
	}
	w.endLine()
	out := w.out
	for len(out) > 0 && out[0].Kind == model.Break {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1].Kind == model.Break {
		out = out[:len(out)-1]
	}
	return out
}

// numbered gives the blocks other than breaks their paragraph numbers,
// from 1, in order.
func numbered(blocks []model.Block) []model.Block {
	n := 0
	for i := range blocks {
		if blocks[i].Kind != model.Break {
			n++
			blocks[i].Line = n
		}
	}
	return blocks
}

// hasText reports whether any block holds more than white space.
func hasText(blocks []model.Block) bool {
	for _, b := range blocks {
		if strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}
