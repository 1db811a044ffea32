package export

import (
	"fmt"
	"slices"
	"strings"
	"zhibiao/extract/divisions"
	"zhibiao/extract/model"

	"github.com/xuri/excelize/v2"
)

// A region's sheet: a row per indicator and measure that has data, in the
// order and groups of the layout, and a block per year (ascending) of
// actual, target, status and gap.

const regionFirstRow = 4 // rows 1–3: title and two header rows

// writeRegionSheet writes a region sheet: one region's, or, when the sheet
// is shared, the rows of each of its regions in turn, with a 地区 column.
func (wb *workbook) writeRegionSheet(s *regionSheet) error {
	var years []int
	for _, reg := range s.regions {
		for _, y := range wb.regionYears(reg) {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	labels := []string{"分组", "指标"}
	if s.shared {
		labels = []string{"地区", "分组", "指标"}
	}
	lead := len(labels) // columns before the first year's block
	if cols := lead + 4*len(years); cols > excelize.MaxColumns {
		return fmt.Errorf("sheet %s: %d years need %d columns, more than the %d a sheet has",
			s.name, len(years), cols, excelize.MaxColumns)
	}
	w := wb.sheet(s.name)
	if s.shared {
		w.title(wb.sharedTitle(s), wb.sharedFacts(s))
	} else {
		w.title(wb.regionTitle(s.regions[0]), wb.regionFacts(s.regions[0]))
	}
	w.height(1, titleHeight)

	for col, h := range labels {
		w.str(col+1, 2, h, headerStyle)
		w.style(col+1, 3, headerStyle)
		w.merge(col+1, 2, col+1, 3)
	}
	blocks := make([]block, len(years))
	for i, year := range years {
		col := lead + 1 + 4*i
		blocks[i] = block{actual: col, target: col + 1, status: col + 2, gap: col + 3}
		blocks[i].header(w, fmt.Sprintf("%d年", year))
	}
	w.height(2, headerHeight)
	w.height(3, headerHeight)

	var rules []judged
	row := regionFirstRow - 1
	for _, reg := range s.regions {
		// A shared sheet spans every year of its regions; a region's row
		// is drawn only in the years it has figures for, which keeps the
		// sheet a fraction of the size.
		own := wb.regionYears(reg)
		for _, r := range wb.regionRows(reg) {
			row++
			key := r.key
			ind := wb.cat.Indicator(key.indicator)
			if s.shared {
				w.str(1, row, reg.Name, textStyle)
			}
			w.str(lead-1, row, r.group, textStyle)
			w.str(lead, row, withUnit(rowLabel(ind, key.indicator, key.measure, key.scope), key.unit), textStyle)
			for i, year := range years {
				if !slices.Contains(own, year) {
					continue
				}
				c := reg.cells[cellKey{key, year}]
				if j, ok := wb.put(w, row, blocks[i], c); ok {
					rules = append(rules, j)
				}
				if c != nil {
					wb.place(w, reg.Name, key, year, blocks[i], row)
				}
			}
		}
	}
	w.judgeRules(rules)
	w.fitColumns(3, 0, 0, func(col int) float64 {
		if col > lead && (col-lead-1)%4 == 1 {
			return qualitativeWidth
		}
		return maxColumn
	})
	w.fitWrapped()
	w.freeze(lead, 3)
	w.page(2, 3, lead)
	return w.finish()
}

// sharedTitle is the title of a shared sheet: the layout's region title
// with the name the regions share (新乡市, 河南省).
func (wb *workbook) sharedTitle(s *regionSheet) string {
	return wb.regionTitle(&region{Region: model.Region{Name: s.key}})
}

// sharedFacts describes a shared sheet in a line: 地区 12 个 · 报告 24 份.
func (wb *workbook) sharedFacts(s *regionSheet) string {
	n := 0
	for _, reg := range s.regions {
		n += len(reg.reports)
	}
	return fmt.Sprintf("地区 %d 个 · 报告 %d 份", len(s.regions), n)
}

// regionFacts describes a region in a line: 地级 · 上级 河南省 · 区划代码 410700 · 报告 2 份.
func (wb *workbook) regionFacts(reg *region) string {
	var facts []string
	if reg.Level != "" {
		facts = append(facts, label(levelNames, reg.Level))
	}
	if reg.Parent != "" {
		facts = append(facts, "上级 "+reg.Parent)
	}
	if reg.Code != "" {
		facts = append(facts, "区划代码 "+divisions.SixDigits(reg.Code))
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
	w.richText(1, 1, []excelize.RichTextRun{
		{Text: cleanText(text), Font: big},
		{Text: "　" + cleanText(facts), Font: small},
	})
}

// place records where a region's figures of a row and year are, when a
// row of the 待核对 sheet links to them.
func (wb *workbook) place(w *sheetWriter, region string, key rowKey, year int, b block, row int) {
	for _, k := range [...]struct {
		kind model.Kind
		col  int
	}{{model.Actual, b.actual}, {model.Target, b.target}} {
		p := place{region, key, year, k.kind}
		if at, wanted := wb.placed[p]; wanted && at == "" {
			wb.placed[p] = quoteSheet(w.name) + "!" + w.ref(k.col, row)
		}
	}
}
