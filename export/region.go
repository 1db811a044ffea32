package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A region's sheet: a row per indicator and measure that has data, in the
// order and groups of the layout, and a block per year (ascending) of
// actual, target, status and gap.

const regionFirstRow = 4 // rows 1–3: title and two header rows

func (wb *workbook) writeRegion(reg *region) error {
	years, rows := wb.regionYears(reg), wb.regionRows(reg)
	if cols := 2 + 4*len(years); cols > excelize.MaxColumns {
		return fmt.Errorf("sheet %s: %d years need %d columns, more than the %d a sheet has",
			reg.sheet, len(years), cols, excelize.MaxColumns)
	}
	w := wb.sheet(reg.sheet)
	w.title(wb.regionTitle(reg), wb.regionFacts(reg))
	w.height(1, titleHeight)

	for col, h := range []string{"分组", "指标"} {
		w.str(col+1, 2, h, headerStyle)
		w.style(col+1, 3, headerStyle)
		w.merge(col+1, 2, col+1, 3)
	}
	blocks := make([]block, len(years))
	for i, year := range years {
		col := 3 + 4*i
		blocks[i] = block{actual: col, target: col + 1, status: col + 2, gap: col + 3}
		blocks[i].header(w, fmt.Sprintf("%d年", year))
	}
	w.height(2, headerHeight)
	w.height(3, headerHeight)

	var rules []judged
	row := regionFirstRow - 1
	for _, r := range rows {
		row++
		key := r.key
		ind := wb.cat.Indicator(key.indicator)
		w.str(1, row, r.group, textStyle)
		w.str(2, row, withUnit(rowLabel(ind, key.indicator, key.measure, key.scope), key.unit), textStyle)
		for i, year := range years {
			if j, ok := wb.put(w, row, blocks[i], reg.cells[cellKey{key, year}]); ok {
				rules = append(rules, j)
			}
		}
	}
	w.judgeRules(rules)
	w.fitColumns(3, 0, 0, func(col int) float64 {
		if col > 2 && (col-3)%4 == 1 {
			return qualitativeWidth
		}
		return maxColumn
	})
	w.freeze(2, 3)
	w.page(2, 3, 2)
	return w.finish()
}

// regionFacts describes a region in a line: 地级 · 上级 河南省 · 区划代码 4107 · 报告 2 份.
func (wb *workbook) regionFacts(reg *region) string {
	var facts []string
	if reg.Level != "" {
		facts = append(facts, label(levelNames, reg.Level))
	}
	if reg.Parent != "" {
		facts = append(facts, "上级 "+reg.Parent)
	}
	if reg.Code != "" {
		facts = append(facts, "区划代码 "+reg.Code)
	}
	facts = append(facts, fmt.Sprintf("报告 %d 份", len(reg.reports)))
	return strings.Join(facts, " · ")
}

// title writes a sheet's title in A1, with a line of facts after it in
// smaller grey type.
func (w *sheetWriter) title(text, facts string) {
	if w.err != nil {
		return
	}
	big, small := font(titleStyle), font(styleSpec{color: noteColour})
	w.fail("title", 1, 1, w.f.SetCellRichText(w.name, "A1", []excelize.RichTextRun{
		{Text: cleanText(text), Font: big},
		{Text: "　" + cleanText(facts), Font: small},
	}))
}
