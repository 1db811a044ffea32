package extract

import (
	"cmp"
	"slices"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// decline is why a figure is not taken: a reason and the words that
// decided it.
type decline struct {
	reason string
	words  string
}

// decline records that a figure of the sentence is not taken.
func (sr *sentenceReader) decline(it item, ind *catalogue.Indicator, d decline) {
	if it.kind == itemFigure {
		switch d.reason {
		case model.ReasonUnit, model.ReasonOtherSubject, model.ReasonSubScope, model.ReasonLookAlike:
			// another thing's figure (总数达2224家), but not a margin of
			// the figure before it (高于全省0.9个百分点)
			if it.fig.unit.Dimension != catalogue.DimPoints {
				sr.lastLeft = sr.figureText(it)
			}
		default:
			sr.lastLeft = "" // 年均增长5.9%: the indicator's, of several years
		}
	}
	sr.declinedAt = append(sr.declinedAt, it.start)
	sr.declines = append(sr.declines, model.Decline{Figure: sr.figureText(it), Reason: d.reason, Words: d.words})
	if ind != nil {
		sr.declines[len(sr.declines)-1].Indicator = ind.ID
	}
}

// declineUnknown records a figure whose subject is unknown: for the
// reason its clause gave, or none.
func (sr *sentenceReader) declineUnknown(it item, sub *subject) {
	d := decline{reason: model.ReasonNoRule}
	if sr.why.reason != "" {
		d = sr.why
	}
	sr.decline(it, nil, d)
}

// figureText is a figure or rank as written.
func (sr *sentenceReader) figureText(it item) string {
	return sr.r.text.Quote(sr.p, it.start, it.end)
}

// take records an observation of the sentence.
func (sr *sentenceReader) take(o model.Observation) {
	sr.took++
	if o.Measure != model.Rank && o.Measure != model.GrowthRank {
		sr.lastLeft = ""
	}
	if !slices.Contains(sr.tookOf, o.Indicator) {
		sr.tookOf = append(sr.tookOf, o.Indicator)
		sr.r.tookOf = sr.tookOf // the room, for the sentences after
	}
	sr.r.add(candidate{Observation: o, sentence: sr.n, matching: o.Kind == sr.ctx.kind, topic: sr.topic})
	if sr.r.explain {
		sr.taken = append(sr.taken, o)
	}
}

// account settles what reading a sentence gave: with explain, the
// sentence with its observations and the figures it left; and, for each
// core indicator it names beside a figure of the indicator's kind but
// took nothing of, a possible miss. When no rule read the figure, an
// unread item for the analyst; when a rule left it out on purpose (a
// sub-period, a part, another region's), a doubt kept to the end of the
// report, which becomes an item only if the report gives the indicator no
// figure of that measure and kind at all.
func (sr *sentenceReader) account() {
	r := sr.r
	if r.explain && (sr.took > 0 || len(sr.declines) > 0) {
		r.sentences = append(r.sentences, model.Sentence{
			Page: r.text.Page(sr.p.Pos[sr.s]), Line: r.text.Line(sr.p.Pos[sr.s]), Text: r.text.Quote(sr.p, sr.s, sr.e),
			Taken: sr.taken, Declined: sr.declines,
		})
	}
	var room [4]*catalogue.Indicator
	found := room[:0] // the indicators of the sentence with an item already
	for ci, cl := range sr.clauses {
		for k, it := range cl.items {
			if it.kind != itemAlias {
				continue
			}
			ind := it.alias.Indicator
			if ind.Tier != "core" || ind.Disabled || it.alias.Generic || slices.Contains(found, ind) || sr.tookAny(it.alias.Alias) {
				continue // 亩均税收: a generic name is no sign of a miss
			}
			// The figures next to the name: after it in its clause,
			// or in the clause after it when its own has none.
			next := cl.items[k+1:]
			if !hasFigures(next) && ci+1 < len(sr.clauses) {
				next = sr.clauses[ci+1].items
			}
			next = next[:min(len(next), 3)] // next to the name, not every figure of a long clause
			for _, f := range next {
				if f.kind == itemAlias || !fits(f, ind) {
					continue // 新增规上工业企业60户: no figure the indicator has
				}
				d, ok := sr.declineOf(f)
				unread := !ok || d.Reason == model.ReasonNoRule
				doubt := !unread && (d.Indicator == ind.ID || d.Indicator == "") && !sure(d, f)
				if !unread && !doubt {
					continue
				}
				item := model.ReviewItem{Reason: model.ReviewUnread, Indicator: ind.ID,
					Page: r.text.Page(sr.p.Pos[sr.s]), Line: r.text.Line(sr.p.Pos[sr.s]), Text: r.text.Quote(sr.p, sr.s, sr.e)}
				item.Year, item.Kind = sr.period(0) // the figure's, if it is the indicator's
				if unread {
					words := cmp.Or(d.Words, d.Figure, "—")
					item.Warning = model.Warnf(0, "names %s beside a figure, but no rule read it (%s)", ind.Name, words)
					r.addItem(item)
					found = append(found, ind)
					break
				}
				if doubt {
					item.Measure = figureMeasure(f, ind)
					item.Warning = model.Warnf(0, "names %s beside %s, left out for the words %s, and the report gives no other figure of it", ind.Name, d.Figure, cmp.Or(d.Words, "—"))
					r.addDoubt(item)
					found = append(found, ind)
					break
				}
			}
		}
	}
	sr.laterDoubts()
}

// laterDoubts keeps a doubt of each figure no rule read in a sentence
// that took figures of the core indicator named before it (…总量达到2333
// 亿元，同比增长7%，…总量保持全省第4): the figure may be the indicator's,
// of a measure the report gives nowhere else.
func (sr *sentenceReader) laterDoubts() {
	var last *catalogue.Indicator // the indicator named last, when the sentence took it
	var room [4]*catalogue.Indicator
	done := room[:0]
	for _, cl := range sr.clauses {
		for _, it := range cl.items {
			if it.kind == itemAlias {
				last = nil
				if ind := it.alias.Indicator; ind.Tier == "core" && !ind.Disabled && !it.alias.Generic && sr.tookAny(it.alias.Alias) {
					last = ind
				}
				continue
			}
			if last == nil || slices.Contains(done, last) || !fits(it, last) {
				continue
			}
			if d, ok := sr.declineOf(it); ok && (d.Reason == model.ReasonNoRule || d.Reason == model.ReasonUnit && !sure(d, it)) {
				done = append(done, last)
				w := model.Warnf(0, "names %s beside %s, but no rule read it, and the report gives no other figure of it", last.Name, d.Figure)
				if d.Reason != model.ReasonNoRule {
					w = model.Warnf(0, "names %s beside %s, left out for the words %s, and the report gives no other figure of it", last.Name, d.Figure, cmp.Or(d.Words, "—"))
				}
				year, kind := sr.period(0)
				sr.r.addDoubt(model.ReviewItem{Reason: model.ReviewUnread, Indicator: last.ID, Year: year, Kind: kind,
					Measure: figureMeasure(it, last), Page: sr.r.text.Page(sr.p.Pos[sr.s]), Line: sr.r.text.Line(sr.p.Pos[sr.s]), Text: sr.r.text.Quote(sr.p, sr.s, sr.e), Warning: w})
			}
		}
	}
}

// tookAny reports whether the sentence took an observation of the
// indicator a name stands for, or of those it covers in turn.
func (sr *sentenceReader) tookAny(a *catalogue.Alias) bool {
	if slices.Contains(sr.tookOf, a.Indicator.ID) {
		return true
	}
	for _, ind := range a.Pair() {
		if slices.Contains(sr.tookOf, ind.ID) {
			return true
		}
	}
	return false
}

// sureReasons leave a figure out for what it is, not for words around
// it: no doubt of a miss.
var sureReasons = []string{model.ReasonMultiYear, model.ReasonMeasure, model.ReasonUnit}

// sure reports whether a figure was left out for what it is: a figure of
// several years, of a measure or unit the indicator does not take — but
// not a bare 亿 (突破3000亿), which the rules take only beside the name.
func sure(d model.Decline, f item) bool {
	if d.Reason == model.ReasonUnit && f.kind == itemFigure && f.fig.unit.Dimension == catalogue.DimNone {
		return false
	}
	return slices.Contains(sureReasons, d.Reason)
}

// figureMeasure is the measure a figure next to an indicator's name would
// be: a rank, a percentage (growth, or the indicator's rate), or a level.
func figureMeasure(it item, ind *catalogue.Indicator) model.Measure {
	switch {
	case it.kind == itemRank:
		return model.Rank
	case it.fig.unit.Dimension == catalogue.DimPercent && !ind.Takes(model.Growth):
		return model.Rate
	case it.fig.unit.Dimension == catalogue.DimPercent:
		return model.Growth
	}
	return model.Level
}

// settleDoubts makes an unread item of each doubt whose indicator the
// report gives no figure of that measure and kind: the figure left out
// on purpose may be the one the report has.
func (r *reader) settleDoubts(obs []model.Observation) {
	for _, d := range r.doubts {
		has := slices.ContainsFunc(obs, func(o model.Observation) bool {
			return o.Indicator == d.Indicator && o.Kind == d.Kind && (o.Measure == d.Measure || d.Measure == model.Rank && o.Measure == model.GrowthRank)
		})
		dup := slices.ContainsFunc(r.review, func(it model.ReviewItem) bool {
			return it.Reason == model.ReviewUnread && it.Indicator == d.Indicator && it.Kind == d.Kind && it.Measure == d.Measure
		})
		if !has && !dup {
			r.addItem(d)
		}
	}
}

// fits reports whether a figure or rank could be one of an indicator's: a
// rank, a percentage, or an amount of its unit's dimension.
func fits(it item, ind *catalogue.Indicator) bool {
	if it.kind == itemRank {
		return ind.Takes(model.Rank) || ind.Takes(model.GrowthRank)
	}
	switch it.fig.unit.Dimension {
	case catalogue.DimPercent, catalogue.DimNone:
		return true
	case catalogue.DimPoints:
		return false
	}
	_, _, ok := catalogue.Convert(it.fig.value, it.fig.unit, ind.Unit)
	return ok
}

// hasFigures reports whether items hold a figure or a rank.
func hasFigures(items []item) bool {
	for _, it := range items {
		if it.kind != itemAlias {
			return true
		}
	}
	return false
}

// declineOf returns the decline of a figure of the sentence.
func (sr *sentenceReader) declineOf(it item) (model.Decline, bool) {
	for i, at := range sr.declinedAt {
		if at == it.start {
			return sr.declines[i], true
		}
	}
	return model.Decline{}, false
}

// maxItems bounds the review items of a report: a report has a handful,
// and a text with thousands is no report an analyst can review. The
// items past it are counted, and said in a warning.
const maxItems = 1000

// addItem records a review item, within maxItems.
func (r *reader) addItem(it model.ReviewItem) {
	if len(r.review) >= maxItems {
		r.dropped++
		return
	}
	r.review = append(r.review, it)
}

// addDoubt records a doubt, within maxItems.
func (r *reader) addDoubt(it model.ReviewItem) {
	if len(r.doubts) >= maxItems {
		r.dropped++
		return
	}
	r.doubts = append(r.doubts, it)
}
