package export

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// What changed since a previous workbook: its 明细 rows matched with this
// run's observations by region, indicator, measure, year, kind and rank
// scope. A match whose value, upper end, unit or qualifier differs is a
// change; what has no match was added or removed.

// The kinds of change, as the 变更 sheet names them.
const (
	added   = "新增"
	changed = "修改"
	removed = "删除"
)

// changeOrder puts additions first, then changes, then removals.
var changeOrder = map[string]int{added: 0, changed: 1, removed: 2}

// sameValueTolerance is the relative difference under which two values
// are the same figure: a workbook saved again by Excel or WPS may write a
// number with a last digit of its own.
const sameValueTolerance = 1e-9

// change is one row of the 变更 sheet.
type change struct {
	what     string               // added, changed or removed
	old, new *PreviousObservation // old is nil when added, new when removed
}

// shown is the observation whose phrase, file and line the row shows: the
// new one, or the old one of a removal.
func (c change) shown() *PreviousObservation {
	if c.new != nil {
		return c.new
	}
	return c.old
}

// changeKey is what an observation is matched by.
type changeKey struct {
	region, indicator string
	measure           model.Measure
	year              int
	kind              model.Kind
	scope             model.Scope
}

func keyOfPrevious(o *PreviousObservation) changeKey {
	return changeKey{o.Region, o.Indicator, o.Measure, o.Year, o.Kind, o.Scope}
}

// sameValue tells whether two optional values are the same, within
// sameValueTolerance of the larger.
func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	x, y := *a, *b
	return x == y || math.Abs(x-y) <= sameValueTolerance*max(math.Abs(x), math.Abs(y))
}

// sameFigure tells whether two observations state the same figure.
func sameFigure(a, b *PreviousObservation) bool {
	return sameValue(a.Value, b.Value) && sameValue(a.High, b.High) && a.Unit == b.Unit && a.Qualifier == b.Qualifier
}

// matchStages pair the observations of one key, strongest match first: the
// same figure from the same file, the same figure, then (as a change) the
// same unit from the same file, the same unit, and anything left.
var matchStages = []func(old, new *PreviousObservation) bool{
	func(o, n *PreviousObservation) bool { return sameFigure(o, n) && o.File == n.File },
	sameFigure,
	func(o, n *PreviousObservation) bool { return o.Unit == n.Unit && o.File == n.File },
	func(o, n *PreviousObservation) bool { return o.Unit == n.Unit },
	func(o, n *PreviousObservation) bool { return true },
}

// diffObservations lists what was added, changed and removed from old to
// cur, unsorted. A key may hold several observations (one figure repeated
// in two reports): they are paired by matchStages, in file and line order.
func diffObservations(old, cur []PreviousObservation) []change {
	type sides struct{ old, new []*PreviousObservation }
	byKey := map[changeKey]*sides{}
	var keys []changeKey
	side := func(o *PreviousObservation) *sides {
		k := keyOfPrevious(o)
		s := byKey[k]
		if s == nil {
			s = &sides{}
			byKey[k] = s
			keys = append(keys, k)
		}
		return s
	}
	for i := range old {
		s := side(&old[i])
		s.old = append(s.old, &old[i])
	}
	for i := range cur {
		s := side(&cur[i])
		s.new = append(s.new, &cur[i])
	}
	var out []change
	for _, k := range keys {
		s := byKey[k]
		slices.SortStableFunc(s.old, compareSource)
		slices.SortStableFunc(s.new, compareSource)
		oldUsed := make([]bool, len(s.old))
		newUsed := make([]bool, len(s.new))
		for _, match := range matchStages {
			for j, n := range s.new {
				if newUsed[j] {
					continue
				}
				for i, o := range s.old {
					if oldUsed[i] || !match(o, n) {
						continue
					}
					oldUsed[i], newUsed[j] = true, true
					if !sameFigure(o, n) {
						out = append(out, change{what: changed, old: o, new: n})
					}
					break
				}
			}
		}
		for j, n := range s.new {
			if !newUsed[j] {
				out = append(out, change{what: added, new: n})
			}
		}
		for i, o := range s.old {
			if !oldUsed[i] {
				out = append(out, change{what: removed, old: o})
			}
		}
	}
	return out
}

// compareSource orders observations by file and line.
func compareSource(a, b *PreviousObservation) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// kindOrder puts actuals before targets.
var kindOrder = map[model.Kind]int{model.Actual: 0, model.Target: 1}

// sortChanges orders the changes: by region as the workbook orders them
// (regions only the previous workbook had come last, in the order of its
// rows), then additions, changes, removals, then year, indicator in
// catalogue order, measure and kind; file, line and values break ties.
func (b *book) sortChanges(cs []change, old []PreviousObservation) {
	rank := map[string]int{}
	for i, reg := range b.regions {
		rank[reg.Name] = i
	}
	for _, o := range old {
		if _, ok := rank[o.Region]; !ok {
			rank[o.Region] = len(rank)
		}
	}
	slices.SortStableFunc(cs, func(x, y change) int {
		a, c := x.shown(), y.shown()
		return cmp.Or(
			cmp.Compare(rank[a.Region], rank[c.Region]),
			cmp.Compare(a.Region, c.Region),
			cmp.Compare(changeOrder[x.what], changeOrder[y.what]),
			cmp.Compare(a.Year, c.Year),
			b.compareRows(rowKey{a.Indicator, a.Measure, a.Scope, a.Unit}, rowKey{c.Indicator, c.Measure, c.Scope, c.Unit}),
			cmp.Compare(kindOrder[a.Kind], kindOrder[c.Kind]),
			cmp.Compare(a.Kind, c.Kind),
			compareSource(a, c),
			cmp.Compare(figureText(x.old), figureText(y.old)),
			cmp.Compare(figureText(x.new), figureText(y.new)),
		)
	})
}

// figureText spells out an observation's figure, to order by it.
func figureText(o *PreviousObservation) string {
	if o == nil {
		return ""
	}
	return FormatNumber(o.Value) + "/" + FormatNumber(o.High) + "/" + o.Unit + "/" + string(o.Qualifier)
}

// changeCounts counts the changes of each kind.
func changeCounts(cs []change) (add, modify, remove int) {
	for _, c := range cs {
		switch c.what {
		case added:
			add++
		case changed:
			modify++
		case removed:
			remove++
		}
	}
	return add, modify, remove
}

// changeSummary is the line that sums the changes up: 与 上月.xlsx 相比：
// 3 项新增，1 项修改，20 项删除.
func (b *book) changeSummary() string {
	add, modify, remove := changeCounts(b.changes)
	since := "与上次相比"
	if b.previousName != "" {
		since = "与 " + b.previousName + " 相比"
	}
	return fmt.Sprintf("%s：%d 项新增，%d 项修改，%d 项删除", since, add, modify, remove)
}

// previousReports rebuilds the reports of a previous workbook from its
// figures, a report a file, so that its targets can be judged again: a
// report's year is the one after its latest result, or the year of its
// earliest target.
func previousReports(prev []PreviousObservation) []*model.Report {
	byFile := map[string]*model.Report{}
	var reports []*model.Report
	for _, p := range prev {
		r := byFile[p.File]
		if r == nil {
			r = &model.Report{Region: model.Region{Name: p.Region}, Source: model.Source{Path: p.File}}
			byFile[p.File] = r
			reports = append(reports, r)
		}
		r.Observations = append(r.Observations, model.Observation{Indicator: p.Indicator, Measure: p.Measure,
			Year: p.Year, Kind: p.Kind, Value: p.Value, High: p.High, Unit: p.Unit, Qualifier: p.Qualifier,
			Scope: p.Scope, Text: p.Text, Line: p.Line})
	}
	for _, r := range reports {
		actual, target := 0, 0
		for _, o := range r.Observations {
			switch {
			case o.Kind == model.Actual && o.Year+1 > actual:
				actual = o.Year + 1
			case o.Kind == model.Target && (target == 0 || o.Year < target):
				target = o.Year
			}
		}
		r.Year = cmp.Or(actual, target)
	}
	return reports
}

// statusChanges says each target judged now otherwise than before:
// 新乡市2024年地区生产总值增速：待公布→未完成.
func statusChanges(before, now []evaluate.Evaluation, cat *catalogue.Catalogue) []string {
	type key struct {
		region, indicator string
		measure           model.Measure
		scope             model.Scope
		year              int
	}
	keyOf := func(e *evaluate.Evaluation) key {
		return key{e.Region, e.Indicator, e.Measure, e.Target.Scope, e.Year}
	}
	was := map[key]evaluate.Status{}
	for i := range before {
		was[keyOf(&before[i])] = before[i].Status
	}
	var out []string
	for i := range now {
		e := &now[i]
		old, ok := was[keyOf(e)]
		if !ok || old == e.Status {
			continue
		}
		name := rowLabel(cat.Indicator(e.Indicator), e.Indicator, e.Measure, e.Target.Scope)
		out = append(out, fmt.Sprintf("%s%d年%s：%s→%s", e.Region, e.Year, name, statusNames[old], statusNames[e.Status]))
	}
	return out
}
