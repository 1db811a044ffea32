package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// plan is a layout resolved against a catalogue: what the region sheets
// and the 对比 sheet show.
type plan struct {
	regionTitle string
	years       yearSpan
	slots       []slot // the rows of the region sheets, in order
	others      bool   // rows no slot takes follow, in their catalogue group

	compareSheet  string
	compareTitle  string
	compareEmpty  string
	compareYear   int
	columns       []itemRef // the blocks of the 对比 sheet; measure always set
	compareOthers bool      // core indicators no column names follow
}

// slot is an entry of a row group: the rows of an item, under a group.
type slot struct {
	group string
	item  itemRef // an empty measure takes every measure
}

// matches reports whether a row is one of the slot's.
func (s slot) matches(k rowKey) bool {
	r := s.item
	return k.indicator == r.ind.ID && (r.measure == "" || r.measure == k.measure) &&
		(r.scope == "" || r.scope == k.scope) && (r.unit == "" || r.unit == k.unit)
}

// Check tells whether the layout can be used with a catalogue (nil is the
// default): every row and column names an indicator's measure. Its errors
// are *extract.FileError at the line and column of the item.
func (l *Layout) Check(cat *catalogue.Catalogue) error {
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	_, err := l.resolve(cat)
	return err
}

// resolve makes the plan of a layout for a catalogue. An item the layout
// file gives that names nothing is an error; one it inherits from the
// built-in layout is skipped, since a catalogue may leave its indicator
// out. Indicators switched off are not shown.
func (l *Layout) resolve(cat *catalogue.Catalogue) (*plan, error) {
	n := newNamer(cat)
	p := &plan{
		regionTitle:   l.Regions.Title,
		others:        l.Regions.Others,
		compareSheet:  l.Compare.Sheet,
		compareTitle:  l.Compare.Title,
		compareEmpty:  l.Compare.EmptyTitle,
		compareYear:   l.Compare.Year,
		compareOthers: l.Compare.Others,
	}
	var err error
	if p.years, err = parseYearsJSON(l.Regions.Years); err != nil {
		return nil, err
	}
	if l.years != nil {
		p.years = *l.years
	}
	// item resolves the item at path, or says why it cannot be shown.
	item := func(path, text string) (itemRef, bool, error) {
		r, err := n.item(splitWords(text))
		if err != nil {
			off, given := l.given(path)
			if !given {
				return r, false, nil
			}
			w, _ := WordWarning(err)
			return r, false, l.fail(off, w)
		}
		return r, !r.ind.Disabled, nil
	}
	for i, g := range l.Regions.Groups {
		for j, text := range g.Rows {
			r, ok, err := item(fmt.Sprintf("regions.groups[%d].rows[%d]", i, j), text)
			if err != nil {
				return nil, err
			}
			if ok {
				p.slots = append(p.slots, slot{group: g.Name, item: r})
			}
		}
	}
	for i, text := range l.Compare.Columns {
		r, ok, err := item(fmt.Sprintf("compare.columns[%d]", i), text)
		if err != nil {
			return nil, err
		}
		if ok {
			p.columns = append(p.columns, compareItem(r))
		}
	}
	if l.only != nil {
		if err := p.only(n, l.only); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// compareItem gives an item of the 对比 sheet its measure: the one its
// indicator's targets take when the item does not say.
func compareItem(r itemRef) itemRef {
	if r.measure == "" {
		r.measure = r.ind.Target
	}
	return r
}

// only makes the plan show the items alone, in their order: on the region
// sheets under the group the layout gives their indicator (else the
// catalogue's), and on the 对比 sheet.
func (p *plan) only(n *namer, items []string) error {
	var slots []slot
	var columns []itemRef
	for _, text := range items {
		r, err := n.item(splitWords(text))
		if err != nil {
			return err
		}
		if r.ind.Disabled {
			continue
		}
		group := r.ind.Group
		for _, s := range p.slots {
			if s.item.ind == r.ind {
				group = s.group
				break
			}
		}
		slots = append(slots, slot{group: group, item: r})
		columns = append(columns, compareItem(r))
	}
	p.slots, p.columns = slots, columns
	p.others, p.compareOthers = false, false
	return nil
}

// regionYears are the years a region's sheet shows.
func (b *book) regionYears(reg *region) []int {
	var out []int
	for _, y := range reg.years {
		if b.plan.years.has(y) {
			out = append(out, y)
		}
	}
	return out
}

// sheetRow is a row of a region sheet, and the group it is shown in.
type sheetRow struct {
	key   rowKey
	group string
}

// regionRows are the rows of a region's sheet: the rows with a figure in
// a year shown, in the order of the layout's slots, then (when the layout
// says so) the others after the last row of their group, or at the end.
func (b *book) regionRows(reg *region) []sheetRow {
	years := b.regionYears(reg)
	var rows []rowKey
	for _, k := range reg.rows {
		for _, y := range years {
			if reg.cells[cellKey{k, y}] != nil {
				rows = append(rows, k)
				break
			}
		}
	}
	placed := map[rowKey]bool{}
	var out []sheetRow
	for _, s := range b.plan.slots {
		for _, k := range rows {
			if !placed[k] && s.matches(k) {
				placed[k] = true
				out = append(out, sheetRow{key: k, group: s.group})
			}
		}
	}
	if !b.plan.others {
		return out
	}
	for _, k := range rows {
		if placed[k] {
			continue
		}
		if ind := b.cat.Indicator(k.indicator); ind != nil && ind.Disabled {
			continue
		}
		row := sheetRow{key: k, group: b.group(k.indicator)}
		at := len(out)
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].group == row.group {
				at = i + 1
				break
			}
		}
		out = slices.Insert(out, at, row)
	}
	return out
}

// regionTitle is the title of a region's sheet.
func (b *book) regionTitle(reg *region) string {
	return strings.NewReplacer("{地区}", reg.Name, "{region}", reg.Name).Replace(b.plan.regionTitle)
}

// compareTitle is the title of the 对比 sheet.
func (b *book) compareTitle() string {
	if b.year == 0 {
		return b.plan.compareEmpty
	}
	y := strconv.Itoa(b.year)
	return strings.NewReplacer("{年份}", y, "{year}", y).Replace(b.plan.compareTitle)
}

// compareColumns are the items of the 对比 sheet of which some region has
// a figure for the year: the layout's columns, then (when it says so) the
// core indicators it leaves out, in catalogue order.
func (b *book) compareColumns() []itemRef {
	items := slices.Clone(b.plan.columns)
	if b.plan.compareOthers {
		for i := range b.cat.Indicators {
			ind := &b.cat.Indicators[i]
			named := slices.ContainsFunc(items, func(r itemRef) bool { return r.ind.ID == ind.ID })
			if ind.Tier == "core" && !ind.Disabled && !named {
				items = append(items, itemRef{ind: ind, measure: ind.Target})
			}
		}
	}
	var out []itemRef
	for _, r := range items {
		for _, reg := range b.regions {
			if reg.cellFor(r, b.year) != nil {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// cellFor returns the cell of a region for an item in a year: the item's
// unit and rank scope when it names them, else (as cellAt) any, preferring
// a cell with a target.
func (reg *region) cellFor(r itemRef, year int) *cell {
	if r.scope == "" && r.unit == "" && r.measure != model.Rank && r.measure != model.GrowthRank {
		return reg.cellAt(r.ind.ID, r.measure, year)
	}
	return reg.findCell(year, func(k rowKey) bool {
		return k.indicator == r.ind.ID && k.measure == r.measure &&
			(r.scope == "" || k.scope == r.scope) && (r.unit == "" || k.unit == r.unit)
	})
}
