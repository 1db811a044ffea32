package export

import (
	"cmp"
	"slices"
	"time"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// book is the model arranged the way the workbook shows it: regions in
// order, and for each region its figures by indicator row and year.
type book struct {
	cat       *catalogue.Catalogue
	plan      *plan // what the region sheets and the 对比 sheet show
	inputs    []Input
	reports   []*model.Report
	evals     []evaluate.Evaluation
	details   []detailRow // every observation, report by report: the rows of 明细
	regions   []*region   // cities first, each followed by its districts
	year      int         // the year of the 对比 sheet, 0 when there is no data
	asOf      time.Time
	asOfGiven bool // the user gave the date of the data (--as-of)
	// previousFiles are the files of the previous workbook's figures, and
	// statusChanges the targets judged otherwise than it judged them.
	previousFiles map[string]bool
	statusChanges []string
	tolerance     float64
	sheetPolicy   string // of region sheets: SheetsAuto …

	sayer       func(model.Warning) string // words the model's messages in Chinese
	errorSayer  func(error) string         // words an input's error in Chinese
	reviews     []reviewRow                // the rows of 待核对, in order
	itemsOf     map[itemPlace][]model.ReviewItem
	placed      map[place]string // the cell on its region sheet of each figure 待核对 links to: 'sheet'!C5
	corrections *AppliedCorrections

	previous     bool     // a previous workbook was given: the 变更 sheet is written
	previousName string   // its file name
	changes      []change // since the previous workbook, in the order shown
}

// region is one region's figures.
type region struct {
	model.Region
	sheet   string // the sheet its rows are on; "" for none
	under   bool   // listed under its city
	reports []*model.Report
	rows    []rowKey // in catalogue order, only rows that have data
	years   []int    // ascending
	cells   map[cellKey]*cell
}

// rowKey is a row of a region sheet: an indicator's measure in one unit.
type rowKey struct {
	indicator string
	measure   model.Measure
	scope     model.Scope
	unit      string
}

type cellKey struct {
	row  rowKey
	year int
}

// cell is what a region sheet shows for one row and year.
type cell struct {
	actual *evaluate.Figure
	target *evaluate.Figure
	eval   *evaluate.Evaluation // the evaluation of target, if any

	actualFrom, targetFrom int // the report years of actual and target
}

// unnamedRegion stands for a report whose region was not found.
const unnamedRegion = "未识别地区"

func newBook(inputs []Input, opt WorkbookOptions) *book {
	b := &book{cat: opt.Catalogue, inputs: inputs, tolerance: opt.Tolerance, sheetPolicy: opt.Sheets}
	if b.cat == nil {
		b.cat = catalogue.DefaultCatalogue()
	}
	p, err := opt.plan(b.cat)
	if err != nil { // render reports it before it gets here
		p, _ = DefaultLayout().resolve(b.cat)
	}
	b.plan = p
	for _, in := range inputs {
		if in.Err == nil && in.Report != nil {
			b.reports = append(b.reports, in.Report)
		}
	}
	b.details = b.detailRows()
	b.evals = evaluate.Evaluate(b.reports, b.cat, b.tolerance)
	b.collect()
	b.order()
	b.sayer, b.errorSayer, b.corrections, b.placed = opt.Say, opt.SayError, opt.Corrections, map[place]string{}
	b.indexItems()
	b.reviews = b.reviewRows()
	for _, r := range b.reviews {
		if r.obs != nil {
			b.placed[placeOf(r.reg.Name, r.obs)] = "" // to be found on its sheet
		}
	}
	b.year = cmp.Or(opt.Year, b.plan.compareYear)
	if b.year == 0 {
		b.year = b.defaultYear()
	}
	b.asOf, b.asOfGiven = opt.AsOf, !opt.AsOf.IsZero()
	if b.asOf.IsZero() {
		b.asOf = b.defaultAsOf()
	}
	b.asOf = b.asOf.UTC().Truncate(time.Second)
	if opt.Previous != nil {
		b.previous, b.previousName = true, opt.PreviousName
		b.previousFiles = map[string]bool{}
		for _, o := range opt.Previous {
			b.previousFiles[o.File] = true
		}
		b.changes = diffObservations(opt.Previous, previousOf(b.reports))
		b.statusChanges = statusChanges(evaluate.Evaluate(previousReports(opt.Previous), b.cat, b.tolerance), b.evals, b.cat)
		b.sortChanges(b.changes, opt.Previous)
	}
	return b
}

// regionName is the name a report's region is shown and grouped by.
func regionName(r *model.Report) string {
	if r.Region.Name == "" {
		return unnamedRegion
	}
	return r.Region.Label()
}

// collect puts every figure in its region's cell. Of several actuals of one
// cell it keeps the one extract.Evaluate compares with: from the report of
// the following year, failing that from the latest report. Of several
// targets it keeps the one set in the report of its own year, failing that
// the latest.
func (b *book) collect() {
	byName := map[string]*region{}
	evalOf := map[figureKey]*evaluate.Evaluation{}
	for i := range b.evals {
		e := &b.evals[i]
		evalOf[keyOf(&e.Target)] = e
	}
	for _, r := range b.reports {
		name := regionName(r)
		reg := byName[name]
		if reg == nil {
			reg = &region{Region: r.Region, cells: map[cellKey]*cell{}}
			reg.Name = name
			byName[name] = reg
			b.regions = append(b.regions, reg)
		}
		reg.reports = append(reg.reports, r)
		for _, o := range r.Observations {
			if o.Kind == model.Actual && o.Value == nil {
				continue
			}
			k := cellKey{rowKey{o.Indicator, o.Measure, o.Scope, o.Unit}, o.Year}
			c := reg.cells[k]
			if c == nil {
				c = &cell{}
				reg.cells[k] = c
			}
			fig := &evaluate.Figure{Observation: o, File: r.Source.Path, Region: name}
			switch o.Kind {
			case model.Actual:
				if c.actual == nil || (c.actualFrom != o.Year+1 && (r.Year == o.Year+1 || r.Year > c.actualFrom)) {
					c.actual, c.actualFrom = fig, r.Year
				}
			case model.Target:
				if c.target == nil || (c.targetFrom != o.Year && (r.Year == o.Year || r.Year > c.targetFrom)) {
					c.target, c.targetFrom = fig, r.Year
					c.eval = evalOf[keyOf(fig)]
				}
			}
		}
	}
	for _, reg := range b.regions {
		seenRow := map[rowKey]bool{}
		seenYear := map[int]bool{}
		for k, c := range reg.cells {
			if c.eval != nil && c.eval.Actual != nil && c.eval.Actual.Unit == k.row.unit {
				c.actual = c.eval.Actual // the very figure the status was judged on
			}
			if !seenRow[k.row] {
				seenRow[k.row] = true
				reg.rows = append(reg.rows, k.row)
			}
			if !seenYear[k.year] {
				seenYear[k.year] = true
				reg.years = append(reg.years, k.year)
			}
		}
		slices.SortFunc(reg.rows, b.compareRows)
		slices.Sort(reg.years)
	}
}

// figureKey identifies a target among the evaluations.
type figureKey struct {
	file       string
	line, year int
	indicator  string
	measure    model.Measure
	scope      model.Scope
	qualifier  model.Qualifier
}

func keyOf(f *evaluate.Figure) figureKey {
	return figureKey{f.File, f.Line, f.Year, f.Indicator, f.Measure, f.Scope, f.Qualifier}
}

// compareRows orders rows by catalogue group (in the order the groups first
// appear), then catalogue order, measure, rank scope and unit. Indicators
// the catalogue does not know come last.
func (b *book) compareRows(x, y rowKey) int {
	gx, ix := b.position(x.indicator)
	gy, iy := b.position(y.indicator)
	return cmp.Or(
		cmp.Compare(gx, gy),
		cmp.Compare(ix, iy),
		cmp.Compare(x.indicator, y.indicator),
		cmp.Compare(measureOrder[x.measure], measureOrder[y.measure]),
		cmp.Compare(x.measure, y.measure),
		cmp.Compare(scopeOrder[x.scope], scopeOrder[y.scope]),
		cmp.Compare(x.scope, y.scope),
		cmp.Compare(x.unit, y.unit),
	)
}

// position returns the rank of an indicator's group and of the indicator in
// the catalogue.
func (b *book) position(id string) (group, index int) {
	groups := map[string]int{}
	for i, ind := range b.cat.Indicators {
		if _, ok := groups[ind.Group]; !ok {
			groups[ind.Group] = len(groups)
		}
		if ind.ID == id {
			return groups[ind.Group], i
		}
	}
	return len(groups), len(b.cat.Indicators)
}

// group is the catalogue group of an indicator, 其他 when it is unknown.
func (b *book) group(id string) string {
	if ind := b.cat.Indicator(id); ind != nil {
		return ind.Group
	}
	return "其他"
}

// order sorts the regions: the nation, provinces, then each city followed
// by its districts and counties, then the regions whose parent is not in
// the workbook. Within a level, by division code, then name.
func (b *book) order() {
	levelRank := func(r *region) int {
		switch r.Level {
		case model.Nation:
			return 0
		case model.Province:
			return 1
		case model.Prefecture:
			return 2
		}
		return 3
	}
	noCode := func(r *region) int {
		if r.Code == "" {
			return 1
		}
		return 0
	}
	byCode := func(x, y *region) int {
		return cmp.Or(
			cmp.Compare(levelRank(x), levelRank(y)),
			cmp.Compare(noCode(x), noCode(y)),
			cmp.Compare(x.Code, y.Code),
			cmp.Compare(x.Name, y.Name),
		)
	}
	all := slices.Clone(b.regions)
	slices.SortFunc(all, byCode)
	cities := map[string]bool{}
	for _, r := range all {
		if r.Level == model.Prefecture {
			cities[r.Name] = true
		}
	}
	var out []*region
	for _, r := range all {
		if r.Level == model.County && cities[r.Parent] {
			continue // listed after its city
		}
		out = append(out, r)
		if r.Level != model.Prefecture {
			continue
		}
		for _, c := range all {
			if c.Level == model.County && c.Parent == r.Name {
				c.under = true
				out = append(out, c)
			}
		}
	}
	b.regions = out
}

// defaultYear is the year for which most regions have targets, the later
// on a tie; failing targets, the latest year with an actual. Only the
// years the layout shows count.
func (b *book) defaultYear() int {
	regionsOf := map[int]map[string]bool{}
	latest := 0
	for _, r := range b.reports {
		for _, o := range r.Observations {
			if !b.plan.years.has(o.Year) {
				continue
			}
			latest = max(latest, o.Year)
			if o.Kind != model.Target {
				continue
			}
			if regionsOf[o.Year] == nil {
				regionsOf[o.Year] = map[string]bool{}
			}
			regionsOf[o.Year][regionName(r)] = true
		}
	}
	year, most := latest, 0
	for y, names := range regionsOf {
		if n := len(names); n > most || (n == most && y > year) {
			year, most = y, n
		}
	}
	return year
}

// defaultAsOf is 1 January of the latest report year: a date that follows
// from the data, so that the same inputs give the same file.
func (b *book) defaultAsOf() time.Time {
	year := 1980 // the earliest date a zip entry can carry
	for _, r := range b.reports {
		year = max(year, r.Year)
	}
	return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// cellAt returns the cell of a region for an indicator's measure in a year
// whatever its unit, preferring one with a target.
func (reg *region) cellAt(indicator string, measure model.Measure, year int) *cell {
	return reg.findCell(year, func(k rowKey) bool {
		return k.indicator == indicator && k.measure == measure && k.scope == ""
	})
}

// findCell returns the cell in a year of the first row that matches,
// preferring one with a target.
func (reg *region) findCell(year int, match func(rowKey) bool) *cell {
	var found *cell
	for _, row := range reg.rows {
		if !match(row) {
			continue
		}
		c := reg.cells[cellKey{row, year}]
		if c == nil {
			continue
		}
		if c.target != nil {
			return c
		}
		if found == nil {
			found = c
		}
	}
	return found
}
