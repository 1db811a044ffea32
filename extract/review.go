package extract

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
)

// Review: the doubts of a report, each an item for the analyst and a flag
// on the observations it concerns. A report alone can tell a figure stated
// twice with values that disagree (conflict), a figure outside its
// indicator's plausible range (implausible) and a region or year read
// from weak evidence (region); reports of one region for consecutive years
// can tell levels and growths that do not fit together (inconsistent, see
// CheckAcross). Sentences left unread are items too (see account).

// conflict flags o when other statements of its key disagree with it,
// and records the item.
func (r *reader) conflict(o *model.Observation, others []model.Observation) {
	var values, lines []string
	for i := range others {
		if !agree(o, &others[i]) {
			values = append(values, model.ValueText(&others[i]))
			lines = append(lines, strconv.Itoa(others[i].Line))
		}
	}
	if len(values) == 0 {
		return
	}
	o.Flag(model.ReviewConflict)
	r.addItem(model.NewReviewItem(o, model.ReviewConflict,
		model.Warnf(o.Line, "the report also states %s (line %s); kept %s", strings.Join(values, "、"), strings.Join(lines, "、"), model.ValueText(o))))
}

// agree reports whether two statements of one figure can both be true:
// their values, as intervals (about and exact a point, give or take the
// rounding of a report; at least and at most a half line; a range its
// span), meet. A qualitative statement agrees with any.
func agree(a, b *model.Observation) bool {
	if a.Value == nil || b.Value == nil {
		return true
	}
	alo, ahi := interval(a)
	blo, bhi := interval(b)
	slack := 0.05 // a percentage, stated to one decimal
	if a.Measure == model.Level {
		slack = 0.01 * math.Max(math.Abs(*a.Value), math.Abs(*b.Value)) // 3500 for 3512.3
	}
	if a.Measure == model.Rank || a.Measure == model.GrowthRank {
		slack = 0
	}
	return alo <= bhi+slack && blo <= ahi+slack
}

// interval is the values a statement allows.
func interval(o *model.Observation) (lo, hi float64) {
	v := *o.Value
	switch o.Qualifier {
	case model.AtLeast:
		return v, math.Inf(1)
	case model.AtMost:
		return math.Inf(-1), v
	case model.Range:
		if o.High != nil {
			return math.Min(v, *o.High), math.Max(v, *o.High)
		}
	}
	return v, v
}

// reviewReport adds the items a report holds on its own: figures outside
// their plausible range, and a region or year read from weak evidence;
// then puts the report's items in order, most serious first.
func (r *reader) reviewReport(rep *model.Report) {
	level := rep.Region.Level
	for i := range rep.Observations {
		o := &rep.Observations[i]
		if w, ok := implausible(r.cat, o, level); ok {
			o.Flag(model.ReviewImplausible)
			r.addItem(model.NewReviewItem(o, model.ReviewImplausible, w))
		}
	}
	for _, ev := range []struct {
		evidence *model.Evidence
		what     string
	}{{rep.RegionEvidence, "region"}, {rep.YearEvidence, "year"}} {
		if ev.evidence == nil || ev.evidence.Sure() || ev.evidence.By == model.ByGiven {
			continue
		}
		for _, w := range rep.Warnings {
			if strings.HasPrefix(w.Format, ev.what) || strings.HasPrefix(w.Format, "report "+ev.what) {
				r.addItem(model.ReviewItem{Reason: model.ReviewRegion, Text: ev.evidence.Summary(), Warning: w})
			}
		}
		for i := range rep.Observations {
			rep.Observations[i].Flag(model.ReviewRegion)
		}
	}
	model.SortReview(r.review)
}

// areaWords name parts of a region: 开发区, 县域.
var areaWords = lexicon.NewList("area")

// maxTopic bounds a paragraph's title sentence: 提升开发区发展能级。
const maxTopic = 24

// paragraphTopic returns the part of the region (开发区, 县域, 园区) a
// paragraph's title sentence names, and where the sentences
// after it start; "" when its first sentence is no short title naming
// one.
func paragraphTopic(rs []rune) (string, int) {
	head := rs[:min(len(rs), maxTopic+1)] // a title ends within maxTopic runes
	end := slices.IndexFunc(head, func(r rune) bool { return r == '。' || r == '：' || r == ':' })
	if end <= 0 || end > maxTopic || slices.ContainsFunc(rs[:end], func(r rune) bool { return r == ',' || r == '，' }) {
		return "", 0 // no title: a sentence of clauses
	}
	if w := areaWords.Find(rs[:end]); w != "" {
		return w, end + 1
	}
	return "", 0
}

// implausible says why an observation is outside its indicator's
// plausible range for a region of level, if it is.
func implausible(cat *catalogue.Catalogue, o *model.Observation, level model.RegionLevel) (model.Warning, bool) {
	ind := cat.Indicator(o.Indicator)
	if ind == nil || o.Value == nil {
		return model.Warning{}, false
	}
	p, ok := ind.PlausibleRange(o.Measure, level)
	if !ok {
		return model.Warning{}, false
	}
	if o.Measure == model.Level && o.Unit != ind.Unit {
		return model.Warning{}, false // 亿美元 of an indicator in 亿元
	}
	values := []float64{*o.Value}
	if o.High != nil {
		values = append(values, *o.High)
	}
	for _, x := range values {
		if !p.Holds(x) {
			Unit := ind.Unit
			if o.Measure != model.Level {
				Unit = "%"
			}
			return model.Warnf(o.Line, "%s is outside the plausible range %s%s of the catalogue", model.ValueText(o), p.String(), Unit), true
		}
	}
	return model.Warning{}, false
}
