// Package evaluate judges what the reports say together: each target
// against the actual of its year, read from the next year's report (完成,
// 未完成, 待公布), the figures of one region across its years (a level that
// does not fit the growth stated for it), and the analyst's corrections
// file, applied to the reports it names.
package evaluate

import (
	"math"
	"sort"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// Status is the judgement of a target. The workbook labels each in
// Chinese: 完成, 基本完成, 未完成, 待公布, 报告未提及, 不适用.
type Status string

// Statuses of a target.
const (
	Met        Status = "met"
	NearlyMet  Status = "nearly_met" // a missed 左右 target within the tolerance
	Missed     Status = "missed"
	Pending    Status = "pending"     // no report of the following year read yet
	NotStated  Status = "not_stated"  // the report of the following year was read, and does not state it
	NotApplied Status = "not_applied" // qualitative, or nothing comparable
)

// Figure is an observation together with the report it came from.
type Figure struct {
	model.Observation
	File   string `json:"file"`
	Region string `json:"region"`
}

// Evaluation is a target set for a year checked against that year's actual.
type Evaluation struct {
	Region    string        `json:"region"`
	Indicator string        `json:"indicator"`
	Measure   model.Measure `json:"measure"`
	Year      int           `json:"year"`
	Target    Figure        `json:"target"`
	Actual    *Figure       `json:"actual,omitempty"`
	Status    Status        `json:"status"`
	Gap       *float64      `json:"gap,omitempty"` // actual − target, in the measure's unit (points for %)
}

// Evaluate checks every target of the reports against the actual of the
// same region, indicator, measure, scope and year (SPEC §4). An actual from
// the report of the following year is preferred; failing that, the latest
// report that states it. A missed 左右 target within tolerance of its value
// is 基本完成. A target without its actual is pending until the region's
// report of the following year is read, and not stated after.
func Evaluate(reports []*model.Report, cat *catalogue.Catalogue, tolerance float64) []Evaluation {
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	type key struct {
		region, indicator string
		measure           model.Measure
		scope             model.Scope
		year              int
	}
	actuals := map[key]Figure{}
	actualFrom := map[key]int{} // report year of the actual kept
	type regionYear struct {
		region string
		year   int
	}
	reviewed := map[regionYear]bool{} // the years a report of the region reviews
	for _, r := range reports {
		reviewed[regionYear{r.Region.Label(), r.Year - 1}] = true
		for _, o := range r.Observations {
			if o.Kind != model.Actual || o.Value == nil {
				continue
			}
			k := key{r.Region.Label(), o.Indicator, o.Measure, o.Scope, o.Year}
			prev, seen := actualFrom[k]
			better := !seen || (prev != o.Year+1 && (r.Year == o.Year+1 || r.Year > prev))
			if better {
				actuals[k] = Figure{Observation: o, File: r.Source.Path, Region: r.Region.Label()}
				actualFrom[k] = r.Year
			}
		}
	}
	var out []Evaluation
	for _, r := range reports {
		for _, o := range r.Observations {
			if o.Kind != model.Target {
				continue
			}
			e := Evaluation{Region: r.Region.Label(), Indicator: o.Indicator, Measure: o.Measure, Year: o.Year,
				Target: Figure{Observation: o, File: r.Source.Path, Region: r.Region.Label()}}
			if a, ok := actuals[key{r.Region.Label(), o.Indicator, o.Measure, o.Scope, o.Year}]; ok {
				e.Actual = &a
			}
			ind := cat.Indicator(o.Indicator)
			e.Status, e.Gap = judge(o, e.Actual, ind, tolerance)
			if e.Status == Pending && reviewed[regionYear{e.Region, o.Year}] {
				e.Status = NotStated
			}
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Region != b.Region {
			return a.Region < b.Region
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return catalogueOrder(cat, a.Indicator) < catalogueOrder(cat, b.Indicator)
	})
	return out
}

func catalogueOrder(cat *catalogue.Catalogue, id string) int {
	for i, ind := range cat.Indicators {
		if ind.ID == id {
			return i
		}
	}
	return len(cat.Indicators)
}

// judge applies the rules of SPEC §4 to one target.
func judge(t model.Observation, actual *Figure, ind *catalogue.Indicator, tolerance float64) (Status, *float64) {
	if t.Qualifier == model.Qualitative || t.Value == nil || ind == nil {
		return NotApplied, nil
	}
	if actual == nil {
		return Pending, nil
	}
	up := ind.Direction == "up"
	if t.Measure == model.Rank || t.Measure == model.GrowthRank {
		up = false // a smaller position is better
	}
	target := *t.Value
	if t.Qualifier == model.Range && t.High != nil && !up {
		target = *t.High
	}
	switch t.Qualifier {
	case model.AtLeast:
		up = true
	case model.AtMost:
		up = false
	}
	a := *actual.Value
	gap := catalogue.Round12(a - target)
	met := a >= target
	if !up {
		met = a <= target
	}
	switch {
	case met:
		return Met, &gap
	case t.Qualifier == model.About && tolerance > 0 && math.Abs(gap) <= tolerance+1e-9:
		return NearlyMet, &gap
	}
	return Missed, &gap
}
