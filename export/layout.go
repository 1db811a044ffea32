package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Sizes the sheets rely on, all set explicitly: Excel and WPS have
// different defaults, and WPS measures with a different font.
const (
	rowHeight     = 16.5 // points, every row unless set otherwise
	titleHeight   = 28
	headerHeight  = 20
	defaultColumn = 10 // characters, for columns the writer does not size
	minColumn     = 6
	maxColumn     = 60
	filterButton  = 3 // characters a filter's drop-down button takes
)

// Printing: A4 landscape, page numbers in the footer.
const (
	paperA4         = 9
	pageOrientation = "landscape"
	pageHeader      = "&L指标汇总&R&A"
	pageFooter      = "&C第 &P 页 共 &N 页"
	// pageChars is how many characters of column width one page prints
	// legibly (scaled to about 65%).
	pageChars = 230
	// pageChars100 is how many characters of column width one page holds
	// at 100%, 27 cm of paper between the margins, as LibreOffice prints
	// the workbook's font (measured on the demo's 对比), less a margin.
	pageChars100 = 100
)

// textWidth is the width of s in character cells, the unit of column
// widths: East Asian wide and full-width characters count two.
func textWidth(s string) int {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		n := 0
		for _, r := range line {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
		widest = max(widest, n)
	}
	return widest
}

// columnWidth is the width that shows text of the given width: a tenth
// more for the wider glyphs of CJK fonts, and a margin.
func columnWidth(text int) float64 {
	return max(float64(text+text/10+2), minColumn)
}

// fitColumns sets the width of every column in use from the text the cells
// show (numbers as formatted) in rows first to last (0: to the end), and
// returns the widths by column, from column 1. Other rows, such as a title
// or notes that spill over, or merged headers, do not count. A column is at
// most limit(col) wide, or maxColumn when limit is nil; text beyond it is
// cut off on screen but whole in the cell and its note. The header row of a filter
// (filterRow) leaves room for the filter button.
func (w *sheetWriter) fitColumns(first, last, filterRow int, limit func(col int) float64) []float64 {
	if w.err != nil {
		return nil
	}
	var text []int
	widest := map[numberColumn]numberRange{} // numbers: the extremes of each column and format
	for row, cells := range w.rows {
		if row < first || (last > 0 && row > last) {
			continue
		}
		if len(cells) > len(text) {
			text = append(text, make([]int, len(cells)-len(text))...)
		}
		for i, c := range cells {
			n := 0
			switch v := c.value.(type) {
			case string:
				n = textWidth(v)
			case []excelize.RichTextRun:
				var b strings.Builder
				for _, run := range v {
					b.WriteString(run.Text)
				}
				n = textWidth(b.String())
			case float64:
				widest[numberColumn{i + 1, c.numFmt}] = widest[numberColumn{i + 1, c.numFmt}].with(v)
			case int:
				widest[numberColumn{i + 1, c.numFmt}] = widest[numberColumn{i + 1, c.numFmt}].with(float64(v))
			}
			if row == filterRow && c.value != nil {
				n += filterButton
			}
			text[i] = max(text[i], n)
		}
	}
	for k, r := range widest {
		// A number is as wide as its format shows it (6.5%左右): the
		// widest of a column are its largest, its most negative and its
		// longest numbers, which excelize formats.
		for _, v := range r.extremes() {
			shown, err := w.shown.show(v, k.numFmt)
			if err != nil {
				w.err = fmt.Errorf("sheet %s: format %q: %w", w.name, k.numFmt, err)
				return nil
			}
			text[k.col-1] = max(text[k.col-1], textWidth(shown))
		}
	}
	widths := make([]float64, len(text))
	for c, tw := range text {
		bound := float64(maxColumn)
		if limit != nil {
			bound = limit(c + 1)
		}
		widths[c] = min(columnWidth(tw), bound)
		w.width(c+1, widths[c])
	}
	return widths
}

// span widens the last of columns first to last when together they are
// narrower than the text of a header merged across them.
func (w *sheetWriter) span(widths []float64, first, last int, text string) {
	if last > len(widths) {
		return
	}
	have := 0.0
	for c := first; c <= last; c++ {
		have += widths[c-1]
	}
	if need := columnWidth(textWidth(text)); have < need {
		widths[last-1] += need - have
		w.width(last, widths[last-1])
	}
}

// width sets the width of one column.
func (w *sheetWriter) width(col int, chars float64) {
	if w.err != nil {
		return
	}
	name, err := excelize.ColumnNumberToName(col)
	if err == nil {
		err = w.f.SetColWidth(w.name, name, name, chars)
	}
	w.fail("column width", col, 1, err)
	if col > len(w.widths) {
		w.widths = append(w.widths, make([]float64, col-len(w.widths))...)
	}
	w.widths[col-1] = chars
}

// height sets the height of one row.
func (w *sheetWriter) height(row int, points float64) {
	if w.err != nil {
		return
	}
	if row < 1 || row > excelize.TotalRows || points < 0 || points > excelize.MaxRowHeight {
		w.fail("row height", 1, row, fmt.Errorf("row %d of height %v: out of range", row, points))
		return
	}
	if w.heights == nil {
		w.heights = map[int]float64{}
	}
	w.heights[row] = points
}

// freeze keeps cols columns and rows rows in view while scrolling.
func (w *sheetWriter) freeze(cols, rows int) {
	if w.err != nil || (cols == 0 && rows == 0) {
		return
	}
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	topLeft := w.ref(cols+1, rows+1)
	w.fail("panes", cols+1, rows+1, w.f.SetPanes(w.name, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	}))
}

// page sets the sheet's defaults and printing: A4 landscape, fitted to the
// page width, page numbers in the footer, and the header rows firstRow to
// lastRow (if any) repeated on every page. A sheet too wide to be read on
// one page (the 对比 sheet of many indicators) is fitted to as many pages
// as keep it legible, each repeating the first titleCols columns.
func (w *sheetWriter) page(firstRow, lastRow, titleCols int) {
	if w.err != nil {
		return
	}
	total := 0.0
	for _, chars := range w.widths {
		total += chars
	}
	pages := max(1, int(math.Ceil(total/pageChars)))
	fit, custom := true, true
	height, colWidth := rowHeight, float64(defaultColumn)
	err := w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{
		FitToPage: &fit, DefaultRowHeight: &height, CustomHeight: &custom, DefaultColWidth: &colWidth,
	})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: sheet properties: %w", w.name, err)
		return
	}
	size, orientation, tall := paperA4, pageOrientation, 0 // tall 0: as many pages as it takes
	err = w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &pages, FitToHeight: &tall,
	})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: page layout: %w", w.name, err)
		return
	}
	side, top, edge := 0.5, 0.75, 0.3
	err = w.f.SetPageMargins(w.name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &edge, Footer: &edge,
	})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: page margins: %w", w.name, err)
		return
	}
	err = w.f.SetHeaderFooter(w.name, &excelize.HeaderFooterOptions{OddHeader: pageHeader, OddFooter: pageFooter})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: header and footer: %w", w.name, err)
		return
	}
	var titles []string
	if pages > 1 && titleCols > 0 {
		last, _ := excelize.ColumnNumberToName(titleCols)
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(w.name), last))
	}
	if lastRow > 0 {
		titles = append(titles, fmt.Sprintf("%s!$%d:$%d", quoteSheet(w.name), firstRow, lastRow))
	}
	if len(titles) == 0 {
		return
	}
	err = w.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: strings.Join(titles, ","),
		Scope:    w.name,
	})
	if err != nil {
		w.err = fmt.Errorf("sheet %s: print titles: %w", w.name, err)
	}
}

// fitHeight fits the sheet to so many pages tall when printed (0: as many
// as it takes); page sets the rest of the layout.
func (w *sheetWriter) fitHeight(pages int) {
	if w.err != nil {
		return
	}
	if err := w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{FitToHeight: &pages}); err != nil {
		w.err = fmt.Errorf("sheet %s: page layout: %w", w.name, err)
	}
}

// wrapped writes a long text across the columns col to last of a row,
// merged and wrapped; fitWrapped makes the row tall enough for its lines
// once the widths are set.
func (w *sheetWriter) wrapped(col, last, row int, text string, spec styleSpec) {
	spec.wrap = true
	w.str(col, row, text, spec)
	w.merge(col, row, last, row)
	w.wraps = append(w.wraps, wrap{col, last, row, text})
}

// wrappedHeight is the height of a row holding text wrapped in a width
// of columns: a line for each width the text takes.
func wrappedHeight(text string, width float64) float64 {
	return math.Max(1, math.Ceil(float64(textWidth(text))/math.Max(width-1, 4))) * rowHeight
}

// long writes a text that may be longer than its column: it wraps, and
// fitWrapped makes its row tall enough for it.
func (w *sheetWriter) long(col, row int, text string, spec styleSpec) {
	spec.wrap = true
	w.str(col, row, text, spec)
	w.wraps = append(w.wraps, wrap{col, col, row, text})
}

// fitWrapped sets the height of the rows of wrapped texts, a line for
// each width of their columns the text takes, the tallest text of a row
// deciding.
func (w *sheetWriter) fitWrapped() {
	tallest := map[int]float64{}
	for _, wr := range w.wraps {
		width := 0.0
		for c := wr.first; c <= wr.last && c <= len(w.widths); c++ {
			width += w.widths[c-1]
		}
		tallest[wr.row] = math.Max(tallest[wr.row], wrappedHeight(wr.text, width))
	}
	for row, h := range tallest {
		if h > math.Max(rowHeight, w.heights[row]) {
			w.height(row, h)
		}
	}
}
