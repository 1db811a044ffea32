package export

import (
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// The 对比 sheet: a row per region, for one year — cities each followed
// by their own counties and districts, indented — with the share of its
// judged targets met, then for each column of the layout (by default each
// core indicator, at the measure its targets take) a block of target,
// actual, status and gap, and for a growth the rank of the actual among
// the regions of its level. It prints as an analyst hands it out: each page
// as many whole blocks as fit, never a block split, with the region
// column, the headers and the title on every page.

const (
	compareFirstRow = 4 // rows 1–3: title and two header rows
	compareLead     = 2 // columns before the blocks: 地区, 完成率
	// compareScale is the scale 对比 prints at, and compareChars the
	// characters of column width an A4 landscape page holds at it.
	compareScale = 65
	compareChars = pageChars100 * 100 / compareScale
)

func (wb *workbook) writeCompare() error {
	w := wb.sheet(wb.plan.compareSheet)
	inds := wb.compareColumns()
	title := wb.compareTitle()
	w.str(1, 1, title, titleStyle)
	w.height(1, titleHeight)
	if len(inds) == 0 {
		w.str(1, 2, "没有可对比的数据", noteStyle)
		w.page(0, 0, 0)
		return w.finish()
	}

	for col, head := range []string{"地区", "完成率"} {
		w.str(col+1, 2, head, headerStyle)
		w.style(col+1, 3, headerStyle)
		w.merge(col+1, 2, col+1, 3)
	}
	blocks := compareBlocks(inds)
	headers := make([]string, len(inds))
	for i, it := range inds {
		unit := it.unit
		if unit == "" {
			unit = measureUnit(it.ind, it.measure)
		}
		headers[i] = withUnit(rowLabel(it.ind, it.ind.ID, it.measure, it.scope), unit)
		blocks[i].header(w, headers[i])
	}
	w.height(2, headerHeight)
	w.height(3, headerHeight)

	// The cells of each region (a row) and item (a block), found once.
	cells := make([][]*cell, len(wb.regions))
	for r, reg := range wb.regions {
		cells[r] = make([]*cell, len(inds))
		for i, it := range inds {
			cells[r][i] = reg.cellFor(it, wb.year)
		}
	}
	var rules []judged
	for r, reg := range wb.regions {
		row := compareFirstRow + r
		w.str(1, row, reg.Name, regionStyle(reg))
		var evals []*evaluate.Evaluation
		for i, c := range cells[r] {
			if j, ok := wb.put(w, row, blocks[i], c); ok {
				rules = append(rules, j)
			}
			if c != nil && c.eval != nil {
				evals = append(evals, c.eval)
			}
		}
		if t := tallyOf(evals); t.judged > 0 {
			w.num(2, row, t.rate(), styleSpec{numFmt: "0%", border: true})
		} else {
			w.str(2, row, "—", centreStyle)
		}
	}
	w.judgeRules(rules)
	for i, it := range inds {
		if blocks[i].rank > 0 {
			wb.writeRanks(w, blocks[i].rank, it, cells, i)
		}
	}
	targets := map[int]bool{}
	for _, b := range blocks {
		targets[b.target] = true
	}
	widths := w.fitColumns(3, 0, 0, func(col int) float64 {
		if targets[col] {
			return qualitativeWidth
		}
		return maxColumn
	})
	for i, b := range blocks {
		w.span(widths, b.target, b.gap, headers[i])
	}
	w.fitWrapped()
	w.freeze(compareLead, 3)
	w.page(2, 3, compareLead)
	w.printByBlocks(title, blocks)
	return w.finish()
}

// compareBlocks lays out the blocks of 对比's columns: target, actual,
// status and gap, and for a growth the rank of the actual among the
// regions of its level.
func compareBlocks(inds []itemRef) []block {
	blocks := make([]block, len(inds))
	col := compareLead + 1
	for i, it := range inds {
		b := block{target: col, actual: col + 1, status: col + 2, gap: col + 3}
		if it.measure == model.Growth {
			b.rank = col + 4
		}
		blocks[i] = b
		col = b.last() + 1
	}
	return blocks
}

// writeRanks writes, in column col, the rank of each region's actual of
// item i (cells[region][i]) among the regions of its level that have one
// — cities among cities, counties among counties — the best first by the
// indicator's direction, equal values ranked alike; — where a region has
// none.
func (wb *workbook) writeRanks(w *sheetWriter, col int, it itemRef, cells [][]*cell, i int) {
	byLevel := map[model.RegionLevel][]float64{} // the actuals of each level, ascending
	for r, reg := range wb.regions {
		if c := cells[r][i]; c != nil && c.actual != nil && c.actual.Value != nil {
			byLevel[reg.Level] = append(byLevel[reg.Level], *c.actual.Value)
		}
	}
	for _, vs := range byLevel {
		slices.Sort(vs)
	}
	down := it.ind.Direction == "down"
	for r, reg := range wb.regions {
		row := compareFirstRow + r
		c := cells[r][i]
		if c == nil || c.actual == nil || c.actual.Value == nil {
			w.str(col, row, "—", centreStyle)
			continue
		}
		w.int(col, row, rankOf(byLevel[reg.Level], *c.actual.Value, down), styleSpec{numFmt: `"第"0`, border: true, align: "center"})
	}
}

// rankOf is the rank of v among the ascending values vs: one more than
// the values better than it, the higher ones, or the lower ones when
// down. Equal values rank alike.
func rankOf(vs []float64, v float64, down bool) int {
	if down {
		return sort.SearchFloat64s(vs, v) + 1
	}
	return len(vs) - sort.Search(len(vs), func(k int) bool { return vs[k] > v }) + 1
}

// printByBlocks prints the sheet at compareScale, not fitted to a page
// width, with a page break before each block that would not fit whole on
// the page so far: a page holds the region columns, repeated, and whole
// blocks. The title goes in the page header, so that every page has it.
func (w *sheetWriter) printByBlocks(title string, blocks []block) {
	if w.err != nil {
		return
	}
	widthOf := func(first, last int) float64 {
		sum := 0.0
		for c := first; c <= last && c <= len(w.widths); c++ {
			sum += w.widths[c-1]
		}
		return sum
	}
	lead := widthOf(1, compareLead)
	used := lead
	for _, b := range blocks {
		first := b.first()
		need := widthOf(first, b.last())
		if used+need > compareChars && used > lead {
			cell, _ := excelize.CoordinatesToCellName(first, 1)
			w.fail("page break", first, 1, w.f.InsertPageBreak(w.name, cell))
			used = lead
		}
		used += need
	}
	fit, scale := false, uint(compareScale)
	w.fail("sheet properties", 1, 1, w.f.SetSheetProps(w.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	w.fail("page layout", 1, 1, w.f.SetPageLayout(w.name, &excelize.PageLayoutOptions{AdjustTo: &scale}))
	header := "&L" + strings.ReplaceAll(title, "&", "&&") + "&R&A"
	w.fail("header", 1, 1, w.f.SetHeaderFooter(w.name, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: pageFooter}))
	// The title row is left out of the printed pages, where the header
	// has it: in column A, repeated on every page, it would be cut.
	last, _ := excelize.CoordinatesToCellName(w.lastCol, max(w.lastRow, 2), true)
	w.fail("print area", 1, 1, w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", RefersTo: quoteSheet(w.name) + "!$A$2:" + last, Scope: w.name,
	}))
}
