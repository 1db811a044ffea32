package evaluate

import (
	"cmp"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// Checks between the reports of one region for consecutive years.

// NominalTolerance is how far, as a share, a level may be from the year
// before's level grown by the year's growth before they are said not to
// fit: a report's levels are revised from one year to the next, and a
// growth may be of comparable scope (同口径), so only a misread figure
// is off by more.
const NominalTolerance = 0.1

// JumpFactor is how many times the year before's a level may be before
// the jump is said: more is a unit slip (万元 read as 亿元), or another
// figure read for it.
const JumpFactor = 3

// CheckAcross flags what the reports of each region say about
// consecutive years that does not fit together (ReviewInconsistent): the
// level of a year against the level of the year before and the year's
// growth, for the indicators whose growth is nominal; a level, or a
// level's target, more than JumpFactor times the year before's level, or
// less than its share. The item goes on the report of the later figure;
// a figure the analyst corrected or confirmed is not flagged. Items and
// flags of an earlier check are replaced, so that it can run again after
// corrections.
func CheckAcross(reports []*model.Report, cat *catalogue.Catalogue) {
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	for _, r := range reports {
		r.Review = slices.DeleteFunc(r.Review, func(it model.ReviewItem) bool { return it.Reason == model.ReviewInconsistent })
		for i := range r.Observations {
			o := &r.Observations[i]
			o.Flags = slices.DeleteFunc(o.Flags, func(f string) bool { return f == model.ReviewInconsistent })
			if len(o.Flags) == 0 {
				o.Flags = nil
			}
		}
	}
	byRegion := map[string][]*model.Report{}
	var names []string
	for _, r := range reports {
		if r.Region.Name == "" {
			continue
		}
		if _, ok := byRegion[r.Region.Name]; !ok {
			names = append(names, r.Region.Name)
		}
		byRegion[r.Region.Name] = append(byRegion[r.Region.Name], r)
	}
	touched := map[*model.Report]bool{}
	for _, name := range names {
		for _, r := range checkRegion(byRegion[name], cat) {
			touched[r] = true
		}
	}
	for r := range touched {
		model.SortReview(r.Review)
	}
}

// stated is an observation and the report that states it.
type stated struct {
	o *model.Observation
	r *model.Report
}

func (s stated) where() string {
	return filepath.Base(s.r.Source.Path) + ":" + strconv.Itoa(s.o.Line)
}

// checkRegion checks one region's reports and returns those it added
// items to.
func checkRegion(reports []*model.Report, cat *catalogue.Catalogue) []*model.Report {
	type key struct {
		indicator string
		measure   model.Measure
		kind      model.Kind
		year      int
	}
	// Of several statements of a figure, the one of the report of the
	// year after (an actual) or of its own year (a target), as the
	// workbook shows.
	figures := map[key]stated{}
	for _, r := range reports {
		for i := range r.Observations {
			o := &r.Observations[i]
			if o.Scope != "" || o.Value == nil || o.Qualifier == model.Qualitative || o.Qualifier == model.Range {
				continue
			}
			k := key{o.Indicator, o.Measure, o.Kind, o.Year}
			own := o.Year + 1
			if o.Kind == model.Target {
				own = o.Year
			}
			if old, ok := figures[k]; !ok || old.r.Year != own && (r.Year == own || r.Year > old.r.Year) {
				figures[k] = stated{o, r}
			}
		}
	}
	var touched []*model.Report
	flag := func(item stated, w model.Warning, also ...stated) {
		item.o.Flag(model.ReviewInconsistent)
		for _, s := range also {
			s.o.Flag(model.ReviewInconsistent)
		}
		item.r.Review = append(item.r.Review, model.NewReviewItem(item.o, model.ReviewInconsistent, w))
		touched = append(touched, item.r)
	}
	settled := func(s stated) bool { return s.o.Corrected != nil || s.o.Confirmed != nil }
	keys := make([]key, 0, len(figures))
	for k := range figures {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.indicator, b.indicator), cmp.Compare(a.measure, b.measure), cmp.Compare(a.kind, b.kind), a.year-b.year)
	})
	for _, k := range keys {
		level := figures[k]
		if k.measure != model.Level || settled(level) {
			continue
		}
		ind := cat.Indicator(k.indicator)
		if ind == nil {
			continue
		}
		before, ok := figures[key{k.indicator, model.Level, model.Actual, k.year - 1}]
		if !ok || before.o.Unit != level.o.Unit || *before.o.Value <= 0 || *level.o.Value <= 0 {
			continue
		}
		growth, hasGrowth := figures[key{k.indicator, model.Growth, k.kind, k.year}]
		if k.kind == model.Actual && ind.Nominal && hasGrowth && growth.o.Qualifier != model.AtLeast && growth.o.Qualifier != model.AtMost {
			want := *before.o.Value * (1 + *growth.o.Value/100)
			if math.Abs(*level.o.Value/want-1) > NominalTolerance {
				flag(level, model.Warnf(level.o.Line, "%s: %s, but %s's %s (%s) grown by %s (line %d) gives %s",
					strconv.Itoa(k.year), model.ValueText(level.o), strconv.Itoa(k.year-1), model.ValueText(before.o), before.where(), model.ValueText(growth.o), growth.o.Line,
					strconv.FormatFloat(round(want, 1), 'f', -1, 64)+level.o.Unit), before, growth)
				continue
			}
		}
		ratio := *level.o.Value / *before.o.Value
		if ratio > JumpFactor || ratio < 1.0/JumpFactor {
			flag(level, model.Warnf(level.o.Line, "%s: %s, %s times %s's %s (%s): a unit or another figure read for it?",
				strconv.Itoa(k.year), model.ValueText(level.o), strconv.FormatFloat(round(ratio, 2), 'f', -1, 64), strconv.Itoa(k.year-1), model.ValueText(before.o), before.where()), before)
		}
	}
	return touched
}

// round rounds x to places decimals.
func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
