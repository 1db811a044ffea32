package export

// The 对比 sheet: a row per region, for one year, and for each column of
// the layout (by default each core indicator, at the measure its targets
// take) a block of target, actual, status and gap.

const compareFirstRow = 4 // rows 1–3: title and two header rows

func (wb *workbook) writeCompare() error {
	w := wb.sheet(wb.plan.compareSheet)
	inds := wb.compareColumns()
	w.str(1, 1, wb.compareTitle(), titleStyle)
	w.height(1, titleHeight)
	if len(inds) == 0 {
		w.str(1, 2, "没有可对比的数据", noteStyle)
		w.page(0, 0, 0)
		return w.finish()
	}

	w.str(1, 2, "地区", headerStyle)
	w.style(1, 3, headerStyle)
	w.merge(1, 2, 1, 3)
	blocks := make([]block, len(inds))
	headers := make([]string, len(inds))
	for i, it := range inds {
		col := 2 + 4*i
		blocks[i] = block{target: col, actual: col + 1, status: col + 2, gap: col + 3}
		unit := it.unit
		if unit == "" {
			unit = measureUnit(it.ind, it.measure)
		}
		headers[i] = withUnit(rowLabel(it.ind, it.ind.ID, it.measure, it.scope), unit)
		blocks[i].header(w, headers[i])
	}
	w.height(2, headerHeight)
	w.height(3, headerHeight)

	var rules []judged
	row := compareFirstRow - 1
	for _, reg := range wb.regions {
		row++
		w.str(1, row, reg.Name, regionStyle(reg))
		for i, it := range inds {
			if j, ok := wb.put(w, row, blocks[i], reg.cellFor(it, wb.year)); ok {
				rules = append(rules, j)
			}
		}
	}
	w.judgeRules(rules)
	widths := w.fitColumns(3, 0, 0, func(col int) float64 {
		if col > 1 && (col-2)%4 == 0 {
			return qualitativeWidth
		}
		return maxColumn
	})
	for i, b := range blocks {
		w.span(widths, b.target, b.gap, headers[i])
	}
	w.freeze(1, 3)
	w.page(2, 3, 1)
	return w.finish()
}
